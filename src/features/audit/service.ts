// 操作日志, the audit trail: records an action with who did it and from where (read from
// the request it serves), lists entries for the admin page and its CSV export, and
// purges old ones for `npm run audit:purge`. Entries are written through the query
// layer, which joins the running transaction: an entry commits or rolls back with the
// change it records. Nothing here updates an entry; the document service refuses to
// (src/features/audit/rules/protect-audit-log.ts).
import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { actorOf, type Actor, type RequestLike } from '../../lib/audit/actor';
import { csvLine } from '../../lib/audit/csv';
import type { Changes } from '../../lib/audit/diff';
import { maskChanges, maskText } from '../../lib/audit/mask-personal-data';

export const AUDIT_UID = 'api::audit.audit-entry';
/** The admin permission (Settings › Roles › 操作日志) to read and export the log; Super Admins have it. */
export const AUDIT_READ_ACTION = 'api::audit.read';

/** What other modules record: the review's stage moves, the publish checks' overrides. */
export const RECORDED_ACTIONS = [
  'create',
  'update',
  'publish',
  'unpublish',
  'delete',
  'discardDraft',
  'clone',
  /** 版本记录: the draft brought back to an earlier version (src/features/versions). */
  'restore',
  'stage.move',
  'override',
  'admin.login',
  'admin.login.failed',
  'admin.logout',
] as const;
export type AuditAction = (typeof RECORDED_ACTIONS)[number];

export type AuditInput = {
  action: AuditAction;
  targetUid?: string | null;
  targetDocumentId?: string | null;
  targetLocale?: string | null;
  targetTitle?: string | null;
  changes?: Changes | Record<string, unknown> | null;
  /** Who, when it is not the request's caller (a failed login names the e-mail tried). */
  actor?: Partial<Actor>;
};

export type AuditEntry = Actor & {
  id: number;
  action: string;
  at: string;
  targetUid: string | null;
  targetDocumentId: string | null;
  targetLocale: string | null;
  targetTitle: string | null;
  changes: unknown;
};

export type AuditFilters = {
  action?: string;
  user?: string;
  targetUid?: string;
  targetDocumentId?: string;
  from?: Date;
  to?: Date;
};

/** The changes JSON of one entry stays below this; beyond, field names only. */
const MAX_CHANGES_JSON = 64 * 1024;
const MAX_STRING = 255;
export const MAX_PAGE_SIZE = 100;
/** The most rows one CSV export holds: narrow the filters for more. */
export const MAX_EXPORT_ROWS = 50_000;
const EXPORT_BATCH = 500;

const bounded = (value: string | null | undefined) =>
  typeof value === 'string' && value.length > MAX_STRING ? value.slice(0, MAX_STRING) : (value ?? null);

const maskedTitle = (title: string | null | undefined) => (typeof title === 'string' ? maskText(title).value : title);

/** An entry as stored from this release on: its title and changes masked (null: nothing to change). */
export const maskedEntry = (row: { targetTitle?: string | null; changes?: unknown }) => {
  const targetTitle = maskedTitle(row.targetTitle) ?? null;
  const changes = maskChanges(row.changes ?? null).value;
  const same = targetTitle === (row.targetTitle ?? null) && JSON.stringify(changes) === JSON.stringify(row.changes ?? null);
  return same ? null : { targetTitle, changes };
};

const boundedChanges = (changes: AuditInput['changes']) => {
  if (!changes) return null;
  const json = JSON.stringify(changes);
  if (json.length <= MAX_CHANGES_JSON) return changes;
  return { fields: Object.keys(changes), truncated: true, length: json.length };
};

export const CSV_COLUMNS: Array<[keyof AuditEntry, string]> = [
  ['at', '时间 Time (UTC)'],
  ['action', '操作 Action'],
  ['actorName', '操作人 User'],
  ['actorEmail', '邮箱 E-mail'],
  ['actorKind', '身份 Kind'],
  ['ip', 'IP'],
  ['targetUid', '内容类型 Content type'],
  ['targetDocumentId', '文档 Document'],
  ['targetLocale', '语言 Locale'],
  ['targetTitle', '标题 Title'],
  ['changes', '变更 Changes'],
  ['userAgent', 'User-Agent'],
  ['requestId', '请求号 Request id'],
];

const createAuditService = ({ strapi }: { strapi: Core.Strapi }) => {
  const script = path.basename(process.argv[1] ?? 'node');
  const query = () => strapi.db.query(AUDIT_UID);

  const where = (filters: AuditFilters) => {
    const and: Record<string, unknown>[] = [];
    if (filters.action) and.push({ action: filters.action });
    if (filters.targetUid) and.push({ targetUid: filters.targetUid });
    if (filters.targetDocumentId) and.push({ targetDocumentId: filters.targetDocumentId });
    if (filters.from) and.push({ at: { $gte: filters.from } });
    if (filters.to) and.push({ at: { $lte: filters.to } });
    if (filters.user) {
      const id = /^\d+$/.test(filters.user) ? Number(filters.user) : null;
      and.push({
        $or: [
          ...(id !== null ? [{ actorId: id }] : []),
          { actorName: { $containsi: filters.user } },
          { actorEmail: { $containsi: filters.user } },
        ],
      });
    }
    return and.length ? { $and: and } : {};
  };

  const ORDER = [{ at: 'desc' }, { id: 'desc' }];

  /** The row an entry is stored as: the actor is the request's unless given; title and changes masked and bounded. */
  const entryOf = (input: AuditInput) => ({
    action: input.action,
    at: new Date(),
    targetUid: bounded(input.targetUid),
    targetDocumentId: bounded(input.targetDocumentId),
    targetLocale: bounded(input.targetLocale),
    targetTitle: bounded(maskedTitle(input.targetTitle)),
    changes: boundedChanges(maskChanges(input.changes ?? null).value as AuditInput['changes']),
    ...actorOf(strapi.requestContext.get() as RequestLike | undefined, script),
    ...input.actor,
  });

  return {
    /**
     * Writes one entry, in the running transaction if there is one; the actor is the request's
     * unless given. Personal numbers in its title and changes (a review comment, an accepted
     * warning's reason, whatever a recorder passes) are stored masked.
     */
    async record(input: AuditInput) {
      return query().create({ data: entryOf(input) as never }) as Promise<AuditEntry>;
    },

    /**
     * Several entries in one insert, each as `record` writes it (the importer's batch of a
     * page's quotes): one statement instead of one per entry, in the running transaction.
     */
    async recordMany(inputs: AuditInput[]) {
      if (inputs.length === 0) return;
      await query().createMany({ data: inputs.map(entryOf) as never });
    },

    /** One page of entries, newest first, and the total. */
    async list(filters: AuditFilters, page: number, pageSize: number) {
      const size = Math.min(Math.max(1, pageSize), MAX_PAGE_SIZE);
      const [results, total] = await Promise.all([
        query().findMany({ where: where(filters), orderBy: ORDER, offset: (page - 1) * size, limit: size }),
        query().count({ where: where(filters) }),
      ]);
      return {
        results: results as AuditEntry[],
        pagination: { page, pageSize: size, total, pageCount: Math.ceil(total / size) },
      };
    },

    /** The CSV lines of the entries the filters select, newest first, at most MAX_EXPORT_ROWS, read in batches. */
    async *csv(filters: AuditFilters): AsyncGenerator<string> {
      yield csvLine(CSV_COLUMNS.map(([, header]) => header));
      for (let offset = 0; offset < MAX_EXPORT_ROWS; offset += EXPORT_BATCH) {
        const rows = (await query().findMany({
          where: where(filters),
          orderBy: ORDER,
          offset,
          limit: Math.min(EXPORT_BATCH, MAX_EXPORT_ROWS - offset),
        })) as AuditEntry[];
        for (const row of rows) yield csvLine(CSV_COLUMNS.map(([key]) => (key === 'at' ? new Date(row.at).toISOString() : row[key])));
        if (rows.length < EXPORT_BATCH) return;
      }
    },

    /** Deletes entries older than `days` days (the purge CLI only); returns how many and the oldest kept. */
    async purge(days: number) {
      if (!Number.isInteger(days) || days < 1) throw new errors.ValidationError('days must be a whole number of days, at least 1');
      const before = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
      const old = { at: { $lt: before } };
      // Read, then one DELETE statement (atomic by itself): no transaction holds SQLite's
      // writer while the report is read, beside a server that writes entries all day. No
      // entry older than `before` appears meanwhile: entries are written dated now.
      const oldest = (await query().findOne({ where: old, select: ['at'], orderBy: { at: 'asc' } })) as { at?: string } | null;
      const { count: deleted } = await query().deleteMany({ where: old });
      return { before, deleted, oldest: oldest?.at ? new Date(oldest.at) : null };
    },
  };
};

export default createAuditService;
export type AuditService = ReturnType<typeof createAuditService>;
