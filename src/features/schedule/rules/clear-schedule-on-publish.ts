// A publish, by the scheduler or by hand, makes the 定时发布 of the locales it publishes
// moot: it is cleared with its refusal, before the published copy is made, so the
// scheduler never publishes the same draft again. A 到期下线 already past is cleared too
// (it would take the article down at once); a future one stays and is kept.
import { isDue } from '../../../lib/schedule';
import { localesOf } from '../../inspection';
import { defaultLocale } from '../../../utils/locales';
import { isPublishing } from './keep-publish-date';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { ARTICLE_UID } from '../../../api/article/newsroom';

export const clearScheduleOnPublish: DocumentRule = (strapi) => async (context, next) => {
  if (context.uid !== ARTICLE_UID) return next();
  const params = paramsOf(context);
  if (!isPublishing(context.action, params)) return next();
  const now = new Date();
  if (context.action !== 'publish') {
    if (params.data) {
      params.data.publishAt = null;
      params.data.scheduleError = null;
      if (isDue(params.data.unpublishAt as string | null, now)) params.data.unpublishAt = null;
    }
    return next();
  }
  if (!params.documentId) return next();
  const locales = localesOf(params);
  const where: Record<string, unknown> = { documentId: params.documentId, publishedAt: null };
  if (locales !== '*') where.locale = { $in: locales ?? [await defaultLocale(strapi)] };
  // Through the query layer, inside the publish's transaction when there is one.
  const articles = strapi.db.query(ARTICLE_UID);
  await articles.updateMany({ where, data: { publishAt: null, scheduleError: null } });
  await articles.updateMany({ where: { ...where, unpublishAt: { $lte: now } }, data: { unpublishAt: null } });
  return next();
};
