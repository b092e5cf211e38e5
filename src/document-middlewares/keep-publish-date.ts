// publishDate is the date readers see (发布时间). It defaults to the first publish and
// survives re-publishing, which in Strapi 5 re-creates the published row. It is shared
// by every locale (not localized).
import { paramsOf, type DocumentRule, type Params } from './types';

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

export const isPublishing = (action: string, params: Params) =>
  action === 'publish' || ((action === 'update' || action === 'create') && params.status === 'published');

export const keepPublishDate: DocumentRule = (strapi) => async (context, next) => {
  if (context.uid !== 'api::article.article') return next();
  const params = paramsOf(context);
  if (!isPublishing(context.action, params)) return next();
  if (context.action === 'create') {
    if (params.data && isBlank(params.data.publishDate)) params.data.publishDate = new Date();
  } else if (params.documentId && !(params.data && !isBlank(params.data.publishDate))) {
    // Through the query layer, inside the publish's transaction when there is one.
    await strapi.db.query('api::article.article').updateMany({
      where: { documentId: params.documentId, publishDate: null },
      data: { publishDate: new Date() },
    });
  }
  return next();
};
