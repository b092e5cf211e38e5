// The search index follows what readers can see: after a publish, unpublish or delete
// of an article (any locale, any path), its index rows are rewritten from its published
// versions, in the same transaction. Draft saves change nothing.
import { getService } from '../../services';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { isVisibleChange } from '../../../utils/visible-change';
import { ARTICLE_UID } from '../../../api/article/newsroom';

export const SEARCHED_UID = ARTICLE_UID;

export const indexForSearch: DocumentRule = (strapi) => async (context, next) => {
  const params = paramsOf(context);
  if (context.uid !== SEARCHED_UID || !isVisibleChange(context.action, params)) return next();
  const result = await next();
  const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
  if (documentId) await getService(strapi, 'search').indexDocument(documentId);
  return result;
};
