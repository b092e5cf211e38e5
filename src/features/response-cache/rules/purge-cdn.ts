// A CDN in front of the API is told what a publish, unpublish or delete changed (the
// purge hook of src/features/response-cache/purge.ts), once the change is committed.
import { purgeKeys } from '../../../lib/response-cache/answer';
import { afterCommit } from '../../../utils/after-commit';
import { getService } from '../../services';
import { settingsOf } from '../../../utils/type-settings';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { isVisibleChange } from '../../../utils/visible-change';

export const purgeCdn: DocumentRule = (strapi) => async (context, next) => {
  const result = await next();
  const purge = getService(strapi, 'purge');
  const params = paramsOf(context);
  if (!purge.enabled() || !settingsOf(context.uid)?.publicRead || !isVisibleChange(context.action, params)) return result;
  const collection = (strapi.contentType(context.uid) as { info: { pluralName: string } }).info.pluralName;
  const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
  await afterCommit(strapi, () => purge.queue(purgeKeys(collection, documentId)));
  return result;
};
