// 版本记录: each save and each publish of a document in a locale leaves a version (its
// content as readers would see it, who, when, draft or published), written through the
// query layer inside the save's transaction, so a refused save leaves none. Versions are
// read, compared and restored by editors who may read (restore: edit) that document as the
// content manager checks it. Every published version is kept, and the last N drafts of
// each document and locale (VERSIONS_KEEP_DRAFTS, default 100), pruned in one statement.
import path from 'path';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { actorOf, type RequestLike } from '../../lib/audit/actor';
import { canonicalJson, hashOf, holdsPersonalData, pack, unpack, type Snapshot } from '../../lib/versions/snapshot';
import { changedFields, diffVersions, idsOf } from '../../lib/versions/diff';
import { checkerFor } from '../../utils/permission-checker';
import { settingsOf } from '../../utils/type-settings';
import { getService } from '../services';
import { contentAttributes, dataOf, isLocalized, isVersioned, kindsOf, labelsOf, readSnapshot } from './content';

export const VERSION_UID = 'api::version.content-version' as UID.ContentType;
export const DEFAULT_KEEP_DRAFTS = 100;

export type VersionKey = { uid: string; documentId: string; locale: string | null };
type Row = {
  id: number;
  targetUid: string;
  targetDocumentId: string;
  targetLocale: string | null;
  published: boolean;
  at: string;
  actorId: number | null;
  actorName: string | null;
  hash: string;
  personalData: boolean | null;
  snapshot: string;
};

/** The drafts kept per document and locale: VERSIONS_KEEP_DRAFTS, a whole number ≥ 1. */
export const keepDrafts = (value = process.env.VERSIONS_KEEP_DRAFTS) => {
  if (value === undefined || value === '') return DEFAULT_KEEP_DRAFTS;
  const keep = Number(value);
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`VERSIONS_KEEP_DRAFTS must be a whole number ≥ 1, not "${value}"`);
  return keep;
};

/** A version as the panel lists it. */
const metaOf = (row: Row) => ({
  id: row.id,
  at: row.at,
  actorId: row.actorId,
  actorName: row.actorName,
  state: row.published ? ('published' as const) : ('draft' as const),
  personalData: Boolean(row.personalData),
});

/** A version id from a path or query: a positive whole number, else a 400. */
export const versionId = (value: unknown, name = 'id') => {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  if (!/^[1-9]\d{0,9}$/.test(text) || Number(text) > 2_147_483_647)
    throw new errors.ValidationError(`${name} 须为版本号（正整数）（${name} must be a version id）`);
  return Number(text);
};

const createVersionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const script = path.basename(process.argv[1] ?? 'node');
  const query = () => strapi.db.query(VERSION_UID);
  const whereKey = (key: VersionKey) => ({ targetUid: key.uid, targetDocumentId: key.documentId, targetLocale: key.locale });
  const column = (attribute: string) =>
    (strapi.db.metadata.get(VERSION_UID).attributes as Record<string, { columnName?: string }>)[attribute]?.columnName ?? attribute;
  const table = () => strapi.db.metadata.get(VERSION_UID).tableName;

  const load = async (id: number) => {
    const row = (await query().findOne({ where: { id } })) as Row | null;
    if (!row) throw new errors.NotFoundError(`版本 ${id} 不存在或已被清理（No such version: never made, or pruned）`);
    return row;
  };

  /**
   * The content manager's right on the document (the draft in that locale): an 撰稿 only on
   * their own, a role limited to some locales only there. 403 without it, 404 with no draft.
   */
  const assertMay = async (ability: unknown, key: VersionKey, need: 'read' | 'update') => {
    const forbidden = () =>
      new errors.ForbiddenError(
        need === 'read'
          ? '无权查看此稿件的版本记录（You may not read this document’s versions）'
          : '无权恢复此稿件的版本（You may not edit this document）'
      );
    if (!isVersioned(strapi, key.uid)) throw new errors.ValidationError(`${key.uid} 没有版本记录（${key.uid} keeps no versions）`);
    const checker = checkerFor(strapi, ability, key.uid);
    if (!ability || checker.cannot[need]()) throw forbidden();
    const draft = await strapi.db.query(key.uid as UID.ContentType).findOne({
      where: { documentId: key.documentId, ...(key.locale ? { locale: key.locale } : {}), publishedAt: null },
      select: ['id', 'documentId', 'locale'],
      populate: { createdBy: { select: ['id'] } },
    });
    if (!draft) throw new errors.NotFoundError('此语言下没有该稿件（No such document in this locale）');
    if (checker.cannot[need](draft)) throw forbidden();
  };

  const keyOf = (row: Row): VersionKey => ({ uid: row.targetUid, documentId: row.targetDocumentId, locale: row.targetLocale });

  /** Drafts beyond the last `keep` of one document and locale, in one DELETE (in the running transaction). */
  const prune = async (key: VersionKey, keep: number) =>
    strapi.db.transaction(async ({ trx }) => {
      const where = (builder: { where: (column: string, value: unknown) => unknown }) => {
        builder.where(column('targetUid'), key.uid);
        builder.where(column('targetDocumentId'), key.documentId);
        builder.where(column('targetLocale'), key.locale as string);
        builder.where(column('published'), false);
      };
      const newest = trx(table()).select('id').where(where).orderBy('id', 'desc').limit(keep);
      return trx(table())
        .where(where)
        .whereNotIn('id', trx.select('id').from(newest.as('kept')))
        .del();
    });

  return {
    /**
     * Records the state of a document in one locale (its draft, or its published version),
     * unless nothing changed since the last version: a draft equal to the latest version, a
     * published state equal to the latest published one. Then prunes old drafts.
     */
    async record(key: VersionKey, published: boolean) {
      if (!isVersioned(strapi, key.uid)) return null;
      const snapshot = await readSnapshot(strapi, key.uid, key.documentId, key.locale, published);
      if (!snapshot) return null;
      const json = canonicalJson(snapshot);
      const hash = hashOf(json);
      const latest = (await query().findOne({
        where: whereKey(key),
        orderBy: { id: 'desc' },
        select: ['id', 'hash', 'published'],
      })) as Row | null;
      if (latest && latest.hash === hash && (!published || latest.published)) return null;
      const actor = actorOf(strapi.requestContext.get() as RequestLike | undefined, script);
      const row = (await query().create({
        data: {
          ...whereKey(key),
          published,
          at: new Date(),
          actorId: actor.actorId,
          actorName: actor.actorName,
          hash,
          personalData: holdsPersonalData(snapshot, settingsOf(key.uid)?.inspect),
          snapshot: pack(json),
        } as never,
        select: ['id'],
      })) as { id: number };
      await prune(key, keepDrafts());
      return row;
    },

    /** The versions of a document in a locale, newest first, each with the fields changed since the one before it. */
    async listFor(ability: unknown, key: VersionKey) {
      await assertMay(ability, key, 'read');
      const rows = (await query().findMany({ where: whereKey(key), orderBy: { id: 'desc' } })) as Row[];
      const kinds = kindsOf(strapi, key.uid);
      const snapshots = rows.map((row) => unpack(row.snapshot));
      return rows.map((row, index) => ({
        ...metaOf(row),
        /** The version it is compared with: the one before it (null: the earliest kept). */
        previous: rows[index + 1]?.id ?? null,
        changed: changedFields(kinds, snapshots[index + 1] ?? null, snapshots[index]),
      }));
    },

    /** Version `id` against `againstId` (or the version before it): every field before and after, what changed marked. */
    async diffFor(ability: unknown, id: number, againstId: number | null) {
      const version = await load(id);
      const key = keyOf(version);
      let against: Row | null = null;
      if (againstId !== null) {
        against = await load(againstId);
        if (against.targetUid !== key.uid || against.targetDocumentId !== key.documentId)
          throw new errors.ValidationError(`版本 ${againstId} 属于另一篇稿件（Version ${againstId} belongs to another document）`);
        if (against.targetLocale !== key.locale)
          throw new errors.ValidationError(`版本 ${againstId} 属于另一语言（Version ${againstId} is of another locale）`);
      } else {
        against = (await query().findOne({ where: { ...whereKey(key), id: { $lt: id } }, orderBy: { id: 'desc' } })) as Row | null;
      }
      await assertMay(ability, key, 'read');
      const after = unpack(version.snapshot);
      const before: Snapshot = against ? unpack(against.snapshot) : {};
      const kinds = kindsOf(strapi, key.uid);
      const fields = diffVersions(kinds, before, after);
      const linked: Record<string, string[]> = {};
      for (const field of fields)
        if (field.kind === 'relation') linked[field.field] = [...new Set([...idsOf(field.before), ...idsOf(field.after)])];
      return {
        uid: key.uid,
        documentId: key.documentId,
        locale: key.locale,
        version: metaOf(version),
        against: against ? metaOf(against) : null,
        personalData: Boolean(version.personalData || against?.personalData),
        fields,
        labels: await labelsOf(strapi, key.uid, linked, key.locale),
      };
    },

    /**
     * The draft becomes version `id`, through the document service: the save's rules run (a
     * new version, the 操作日志's update, 三审 back by its usual rule), and a `restore` entry
     * names the version. The published version is left as it is until the next publish.
     */
    async restoreBy(ability: unknown, id: number, expected: { documentId?: string; locale?: string }) {
      const version = await load(id);
      const key = keyOf(version);
      if (expected.documentId !== undefined && expected.documentId !== key.documentId)
        throw new errors.ValidationError(`版本 ${id} 属于另一篇稿件（Version ${id} belongs to another document）`);
      if (expected.locale !== undefined && expected.locale !== key.locale)
        throw new errors.ValidationError(`版本 ${id} 属于另一语言（Version ${id} is of another locale）`);
      await assertMay(ability, key, 'update');
      const { data, missing } = await dataOf(strapi, key.uid, unpack(version.snapshot), key.locale);
      return strapi.db.transaction(async () => {
        const updated = (await strapi.documents(key.uid as UID.ContentType).update({
          documentId: key.documentId,
          ...(key.locale && isLocalized(strapi, key.uid) ? { locale: key.locale } : {}),
          data: data as never,
        })) as Record<string, unknown> | null;
        const mainField = settingsOf(key.uid)?.admin?.mainField;
        await getService(strapi, 'audit').record({
          action: 'restore',
          targetUid: key.uid,
          targetDocumentId: key.documentId,
          targetLocale: key.locale,
          targetTitle: mainField && typeof updated?.[mainField] === 'string' ? (updated[mainField] as string) : null,
          changes: {
            restoredFrom: { after: id, at: version.at, state: version.published ? 'published' : 'draft' },
            ...(missing.length ? { missing: { after: missing } } : {}),
          },
        });
        const latest = (await query().findOne({ where: whereKey(key), orderBy: { id: 'desc' }, select: ['id'] })) as { id: number } | null;
        return { restored: id, version: latest?.id ?? null, missing, updatedAt: updated?.updatedAt ?? null };
      });
    },

    /** Every document's drafts beyond the last `keep`, in one DELETE (npm run versions:purge); published versions stay. */
    async purge(keep: number) {
      if (!Number.isInteger(keep) || keep < 1) throw new errors.ValidationError('keep must be a whole number, at least 1');
      const knex = strapi.db.connection;
      const [uid, documentId, locale, published] = ['targetUid', 'targetDocumentId', 'targetLocale', 'published'].map(column);
      const ranked = knex(table())
        .select('id')
        .select(knex.raw('ROW_NUMBER() OVER (PARTITION BY ??, ??, ?? ORDER BY id DESC) AS rank', [uid, documentId, locale]))
        .where(published, false);
      const deleted = await knex(table())
        .whereIn('id', knex.select('id').from(ranked.as('ranked')).where('rank', '>', keep))
        .del();
      return { deleted: Number(deleted) };
    },

    /** How many versions a document has, by state (for the purge's dry run and the bench). */
    async count(where: Record<string, unknown> = {}) {
      return query().count({ where });
    },

    /** The attributes versions hold for a type (the admin panel's field order). */
    /** The attributes versions hold for a type, with their Chinese labels from the type's layout (the panel's names). */
    fieldsOf: (uid: string) =>
      contentAttributes(strapi, uid).map(({ name, kind }) => ({
        name,
        kind,
        label: settingsOf(uid)?.admin?.fields?.[name]?.label ?? null,
      })),
  };
};

export default createVersionsService;
export type VersionsService = ReturnType<typeof createVersionsService>;
