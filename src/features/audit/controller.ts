// 操作日志's admin controller (routes.ts): each action validates the query, makes one call to
// the audit service, and answers. Both only read: no admin route writes the log.
import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { AUDIT_READ_ACTION, MAX_PAGE_SIZE, RECORDED_ACTIONS, type AuditFilters } from './service';
import { BOM } from '../../lib/audit/csv';
import { getService } from '../services';

type Ability = { can: (action: string, subject?: unknown) => boolean };
type Ctx = {
  query: Record<string, unknown>;
  state: { userAbility?: Ability };
  body: unknown;
  set: (name: string, value: string) => void;
  type: string;
};

const MAX_FILTER_LENGTH = 255;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const single = (query: Record<string, unknown>, name: string): string | undefined => {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > MAX_FILTER_LENGTH)
    throw new errors.ValidationError(`${name} must be one value of at most ${MAX_FILTER_LENGTH} characters`);
  return value;
};

const time = (value: string | undefined, name: string, endOfDay: boolean) => {
  if (value === undefined) return undefined;
  // A bare date is a day as editors in China live it.
  const text = DAY.test(value) ? `${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}+08:00` : value;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new errors.ValidationError(`${name} must be a date (2026-11-30) or an ISO time`);
  return date;
};

const positive = (value: string | undefined, name: string, fallback: number, max: number) => {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new errors.ValidationError(`${name} must be a whole number from 1 to ${max}`);
  return Number(value);
};

/** The filters and page a request asks for; a ValidationError (400) on anything else. */
export const parseAuditQuery = (query: Record<string, unknown>) => {
  const action = single(query, 'action');
  if (action !== undefined && !(RECORDED_ACTIONS as readonly string[]).includes(action)) {
    throw new errors.ValidationError(`action must be one of ${RECORDED_ACTIONS.join(', ')}`);
  }
  const filters: AuditFilters = {
    action,
    user: single(query, 'user'),
    targetUid: single(query, 'targetUid'),
    targetDocumentId: single(query, 'targetDocumentId'),
    from: time(single(query, 'from'), 'from', false),
    to: time(single(query, 'to'), 'to', true),
  };
  if (filters.from && filters.to && filters.from > filters.to) throw new errors.ValidationError('from must be before to');
  return {
    filters,
    page: positive(single(query, 'page'), 'page', 1, 1_000_000),
    pageSize: positive(single(query, 'pageSize'), 'pageSize', 25, MAX_PAGE_SIZE),
  };
};

// Checked here rather than by admin::hasPermissions: that policy answers 403 as a
// PolicyError ("Policy Failed"), and this route has always answered a ForbiddenError that
// says what is missing.
const assertCanRead = (ctx: Ctx) => {
  if (!ctx.state.userAbility?.can(AUDIT_READ_ACTION)) {
    throw new errors.ForbiddenError('没有查看操作日志的权限（You may not read the audit log）');
  }
};

/** A UTC stamp for the file name: audit-20261130-161500.csv. */
const fileStamp = () => new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /admin/newsroom/audit?…: one page of entries, newest first (JSON). */
  async find(ctx: Ctx) {
    assertCanRead(ctx);
    const { filters, page, pageSize } = parseAuditQuery(ctx.query);
    const { results, pagination } = await getService(strapi, 'audit').list(filters, page, pageSize);
    ctx.body = { data: results, meta: { pagination } };
  },

  /** GET /admin/newsroom/audit.csv?…: the same filters as CSV for Excel, at most 50,000 rows. */
  async csv(ctx: Ctx) {
    assertCanRead(ctx);
    const { filters } = parseAuditQuery(ctx.query);
    const lines = getService(strapi, 'audit').csv(filters);
    // The first batch is read before the answer starts, so a failure there is a proper error answer.
    const first = await lines.next();
    ctx.set('Content-Disposition', `attachment; filename="audit-${fileStamp()}.csv"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = Readable.from(
      (async function* body() {
        yield BOM;
        if (!first.done) yield first.value;
        yield* lines;
      })()
    );
  },
});
