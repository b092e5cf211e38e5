// 操作日志 behind admin authentication, for roles given 查看操作日志 (Settings › Roles ›
// 操作日志; Super Admins have it):
//   GET /admin/newsroom/audit?…       one page of entries, newest first (JSON)
//   GET /admin/newsroom/audit.csv?…   the same filters as CSV for Excel, at most 50,000 rows
// Filters: action, user (id, or part of the name or e-mail), targetUid, targetDocumentId,
// from, to (ISO times; a bare date is a whole day in Beijing time), page, pageSize.
// Both only read: no admin route writes the log. Admin logins, failed ones included,
// are recorded from the admin's own events.
import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { AUDIT_READ_ACTION, MAX_PAGE_SIZE, RECORDED_ACTIONS, type AuditFilters } from './service';
import { displayName } from '../../lib/audit/actor';
import { BOM } from '../../lib/audit/csv';
import { getService } from '../services';

type AdminRouter = { type: 'admin'; routes: unknown[] };
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

export const registerAuditPermissions = (strapi: Core.Strapi) =>
  (
    strapi.service('admin::permission') as unknown as { actionProvider: { registerMany: (actions: object[]) => Promise<void> } }
  ).actionProvider.registerMany([
    {
      section: 'settings',
      category: '操作日志 Audit log',
      subCategory: 'audit',
      displayName: '查看和导出操作日志 Read and export the audit log',
      uid: 'audit.read',
    },
  ]);

const assertCanRead = (ctx: Ctx) => {
  if (!ctx.state.userAbility?.can(AUDIT_READ_ACTION)) {
    throw new errors.ForbiddenError('没有查看操作日志的权限（You may not read the audit log）');
  }
};

/** A UTC stamp for the file name: audit-20261130-161500.csv. */
const fileStamp = () => new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

export const registerAuditAdminRoutes = (strapi: Core.Strapi) => {
  const audit = () => getService(strapi, 'audit');
  // Names, e-mails and addresses: an internal type, not in the content API (src/features/platform/hide-internal-types.ts).
  (strapi.admin!.routes as unknown as Record<string, AdminRouter>)['newsroom-audit'] = {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/newsroom/audit',
        handler: async (ctx: Ctx) => {
          assertCanRead(ctx);
          const { filters, page, pageSize } = parseAuditQuery(ctx.query);
          const { results, pagination } = await audit().list(filters, page, pageSize);
          ctx.body = { data: results, meta: { pagination } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'GET',
        path: '/newsroom/audit.csv',
        handler: async (ctx: Ctx) => {
          assertCanRead(ctx);
          const { filters } = parseAuditQuery(ctx.query);
          const lines = audit().csv(filters);
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
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  };
};

type LoginEvent = { user?: { id?: unknown; firstname?: unknown; lastname?: unknown; username?: unknown; email?: unknown } };
type LoginError = { error?: { message?: unknown } };
type RequestBody = { request?: { body?: { email?: unknown } } };

const adminActor = (user: LoginEvent['user']) => ({
  actorKind: 'admin' as const,
  actorId: typeof user?.id === 'number' ? user.id : null,
  actorName: displayName(user),
  actorEmail: typeof user?.email === 'string' ? user.email.slice(0, MAX_FILTER_LENGTH) : null,
});

/** Admin logins, successful and failed, and logouts, with the address and browser they came from. */
export const registerAuditLogins = (strapi: Core.Strapi) => {
  const record = (what: string, work: () => Promise<unknown>) =>
    // The login answers without waiting for this; a failure to record is logged, never thrown.
    work().catch((error: Error) => strapi.log.error(`[audit] could not record ${what}: ${error.message}`));
  const hub = strapi.eventHub as unknown as { on: (event: string, listener: (payload: unknown) => void) => void };

  hub.on('admin.auth.success', (payload) => {
    const actor = adminActor((payload as LoginEvent).user);
    void record('an admin login', () => getService(strapi, 'audit').record({ action: 'admin.login', actor }));
  });

  hub.on('admin.auth.error', (payload) => {
    const email = (strapi.requestContext.get() as RequestBody | undefined)?.request?.body?.email;
    const reason = (payload as LoginError).error?.message;
    void record('a failed admin login', () =>
      getService(strapi, 'audit').record({
        action: 'admin.login.failed',
        changes: typeof reason === 'string' ? { reason: { after: reason.slice(0, 200) } } : null,
        actor: {
          actorKind: 'anonymous',
          actorId: null,
          actorName: null,
          // The address tried (the login's validation made sure it is one); never the password.
          actorEmail: typeof email === 'string' ? email.slice(0, MAX_FILTER_LENGTH) : null,
        },
      })
    );
  });

  hub.on('admin.logout', (payload) => {
    const actor = adminActor((payload as LoginEvent).user);
    void record('an admin logout', () => getService(strapi, 'audit').record({ action: 'admin.logout', actor }));
  });
};
