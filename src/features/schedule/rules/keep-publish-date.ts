// publishDate is the date readers see (发布时间). It defaults to the first publish and
// survives re-publishing, which in Strapi 5 re-creates the published row. It is shared
// by every locale (not localized). A scheduled publish (定时发布) gives it the scheduled
// time instead, once that has come (src/lib/schedule.ts, defaultPublishDate).
import { defaultPublishDate } from '../../../lib/schedule';
import { defaultLocale } from '../../../utils/locales';
import { paramsOf, type DocumentRule, type Params } from '../../../utils/document-rules';
import { ARTICLE_UID } from '../../../api/article/newsroom';

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

export const isPublishing = (action: string, params: Params) =>
  action === 'publish' || ((action === 'update' || action === 'create') && params.status === 'published');

export const keepPublishDate: DocumentRule = (strapi) => async (context, next) => {
  if (context.uid !== ARTICLE_UID) return next();
  const params = paramsOf(context);
  if (!isPublishing(context.action, params)) return next();
  const now = new Date();
  if (context.action === 'create') {
    if (params.data && isBlank(params.data.publishDate)) params.data.publishDate = defaultPublishDate(params.data.publishAt as string, now);
  } else if (params.documentId && !(params.data && !isBlank(params.data.publishDate))) {
    // Through the query layer, inside the publish's transaction when there is one.
    const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : await defaultLocale(strapi);
    const draft = (await strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId: params.documentId, locale, publishedAt: null },
      select: ['publishAt'],
    })) as { publishAt?: string | null } | null;
    await strapi.db.query(ARTICLE_UID).updateMany({
      where: { documentId: params.documentId, publishDate: null },
      data: { publishDate: defaultPublishDate((params.data?.publishAt as string | undefined) ?? draft?.publishAt, now) },
    });
  }
  return next();
};
