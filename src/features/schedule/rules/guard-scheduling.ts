// Scheduling is publishing. Setting, changing or clearing 定时发布 (publishAt) or 到期下线
// (unpublishAt) of an article needs the right to publish that article (the content
// manager's publish right, checked on the entry so a role's conditions apply; a custom
// API token needs what publishing through REST needs), on every path: the content
// manager's create, update and clone, REST and GraphQL. Without it: 403, nothing
// written. A 撰稿 who wants a time says so to 终审 (in the 审核意见 when submitting):
// a proposed-time field that 终审 confirms would be a second schedule to keep in step
// for little gain. The job runs in the name of whoever set the time last (`scheduledBy`,
// written by the server only; a client's value is dropped), and the 操作日志 says so.
import { defaultLocale } from '../../../utils/locales';
import { callerName, callerOf, mayOnEntry, type Caller } from '../../../utils/request-rights';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { ARTICLE_UID } from '../../../api/article/newsroom';
import { forbiddenWithMessage } from '../../../strapi-internals/errors';

export const SCHEDULE_FIELDS = ['publishAt', 'unpublishAt'] as const;

type When = string | number | Date | null | undefined;
const time = (value: When) => (value === null || value === undefined || value === '' ? null : new Date(value).getTime());

/** The schedule fields a write changes (set, moved or cleared), compared with the stored draft. */
export const changedSchedule = (data: Record<string, unknown>, stored: Record<string, unknown> | null) =>
  SCHEDULE_FIELDS.filter((field) => field in data && time(data[field] as When) !== time((stored?.[field] ?? null) as When));

/** Who a job runs for, as stored on the article: the 操作日志 names them. */
export type ScheduledBy = { kind: 'admin' | 'api-token'; id: number | null; name: string };

export const scheduledByOf = (caller: Caller): ScheduledBy | null => {
  if (caller.kind === 'admin')
    return { kind: 'admin', id: typeof caller.user.id === 'number' ? caller.user.id : null, name: callerName(caller) };
  if (caller.kind === 'full-access' || caller.kind === 'token') return { kind: 'api-token', id: null, name: callerName(caller) };
  return null;
};

export const guardScheduling: DocumentRule = (strapi) => async (context, next) => {
  if (context.uid !== ARTICLE_UID || !['create', 'update', 'clone'].includes(context.action)) return next();
  const params = paramsOf(context);
  const data = { ...(params.data ?? {}) };
  // The server's record of who scheduled: never a client's.
  delete data.scheduledBy;
  // A copy is not scheduled (check-schedule.ts), so nobody scheduled it.
  if (context.action === 'clone') data.scheduledBy = null;
  params.data = data;
  const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : await defaultLocale(strapi);
  const stored =
    context.action === 'update' && params.documentId
      ? ((await strapi.db.query(ARTICLE_UID).findOne({
          where: { documentId: params.documentId, locale, publishedAt: null },
          select: ['id', ...SCHEDULE_FIELDS],
        })) as Record<string, unknown> | null)
      : null;
  const changed = changedSchedule(data, stored);
  if (!changed.length) return next();
  const caller = callerOf(strapi);
  // A new entry (or a copy) is judged on the type; an existing one with its creator and locale.
  const entry = context.action === 'update' ? params.documentId! : '';
  if (!(await mayOnEntry(strapi, caller, 'publish', ARTICLE_UID, entry, locale))) {
    // A PolicyError (a 403) keeps its message through Strapi's authorize step; a ForbiddenError's is blanked.
    throw forbiddenWithMessage(
      '设置、修改或清除定时发布、到期下线等同于发布，您的角色不能发布这篇稿件；请在送审时写明希望的时间，由终审设置（Scheduling is publishing: ask 终审 to set the time）',
      { fields: changed }
    );
  }
  const by = scheduledByOf(caller);
  // A script keeps whoever set the time before; a person or token setting it takes it over.
  if (by) data.scheduledBy = by;
  return next();
};
