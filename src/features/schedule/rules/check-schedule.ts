// 定时发布 / 到期下线 as editors save them: a new time in the past, a 到期下线 not after the
// 定时发布, or a 发布时间 later than the 定时发布 is a 400 on the field, before anything is
// written. scheduleError is the scheduler's (a refused job's reason): a save clears it,
// so fixing the draft and saving runs the job again; a client cannot write it.
import { errors } from '@strapi/utils';
import { scheduleProblems, type Schedule } from '../../../lib/schedule';
import { defaultLocale } from '../../../utils/locales';
import { isPublishing } from './keep-publish-date';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { ARTICLE_UID } from '../../../api/article/newsroom';

const FIELDS = ['publishAt', 'unpublishAt', 'publishDate'] as const;

export const checkSchedule: DocumentRule = (strapi) => async (context, next) => {
  if (context.uid !== ARTICLE_UID || !['create', 'update', 'clone'].includes(context.action)) return next();
  const params = paramsOf(context);
  params.data = { ...(params.data ?? {}), scheduleError: null };
  const data = params.data;
  if (context.action === 'clone') {
    // A copy is another article: it is not scheduled unless the copy's data says so.
    data.publishAt ??= null;
    data.unpublishAt ??= null;
  }
  // A publish clears the schedule it makes moot (clear-schedule-on-publish.ts).
  if (isPublishing(context.action, params) || !FIELDS.some((field) => field in data)) return next();
  let stored: Schedule = {};
  if (context.action === 'update' && params.documentId) {
    stored =
      ((await strapi.db.query(ARTICLE_UID).findOne({
        where: { documentId: params.documentId, locale: params.locale ?? (await defaultLocale(strapi)), publishedAt: null },
        select: [...FIELDS],
      })) as Schedule | null) ?? {};
  }
  const merged: Schedule = {};
  for (const field of FIELDS) merged[field] = (field in data ? data[field] : stored[field]) as Schedule[typeof field];
  const problems = scheduleProblems(merged, stored, new Date());
  if (problems.length) {
    throw new errors.ValidationError(problems.map((problem) => problem.message).join('；'), {
      errors: problems.map((problem) => ({ path: [problem.field], message: problem.message, name: 'ValidationError', value: null })),
    });
  }
  return next();
};
