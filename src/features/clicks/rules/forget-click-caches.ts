// Click caches (published state, legacy count, rankings) follow any write to an article.
import { getService } from '../../services';
import { paramsOf, WRITE_ACTIONS, type DocumentRule } from '../../../utils/document-rules';
import { ARTICLE_UID } from '../../../api/article/newsroom';

export const forgetClickCaches: DocumentRule = (strapi) => async (context, next) => {
  const result = await next();
  if (context.uid === ARTICLE_UID && WRITE_ACTIONS.has(context.action)) {
    getService(strapi, 'clicks').forget(paramsOf(context).documentId);
  }
  return result;
};
