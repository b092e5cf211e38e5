// Static sites rebuild when what readers see changes: publish, unpublish and delete of
// a type declared with `rebuild: true`, in any locale. Draft saves are not recorded.
// The record joins the running transaction (see the rebuild service).
import { getService } from '../../services';
import { settingsOf } from '../../../utils/type-settings';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { isVisibleChange } from '../../../utils/visible-change';

type View = { documentId?: string; slug?: string | null; entries?: Array<{ slug?: string | null }> } | null;

/** The action a rebuild payload names: creating or updating as published is a publish. */
export const rebuildAction = (action: string) => (action === 'create' || action === 'update' ? 'publish' : action);

/** The slug to name: the result's, else the first entry's, else the one read before a delete. */
export const changedSlug = (view: View, before: { slug?: string | null } | null) =>
  view?.slug ?? view?.entries?.[0]?.slug ?? before?.slug ?? null;

export const recordRebuildChange: DocumentRule = (strapi) => async (context, next) => {
  const params = paramsOf(context);
  if (!settingsOf(context.uid)?.rebuild || !isVisibleChange(context.action, params)) return next();
  const hasSlug = 'slug' in (strapi.contentTypes[context.uid]?.attributes ?? {});
  // Read before a delete removes it.
  const before =
    hasSlug && params.documentId
      ? ((await strapi.db.query(context.uid).findOne({
          select: ['slug'],
          where: { documentId: params.documentId },
        })) as { slug?: string | null } | null)
      : null;
  const result = await next();
  const view = result as View;
  const documentId = params.documentId ?? view?.documentId;
  if (!documentId) return result;
  try {
    await getService(strapi, 'rebuild').record({
      uid: context.uid,
      documentId,
      locale: params.locale ?? null,
      action: rebuildAction(context.action),
      slug: changedSlug(view, before),
    });
  } catch (error) {
    // The editor's publish has happened; a failed record must not turn it into an error.
    strapi.log.error(`[rebuild] could not record ${context.action} of ${context.uid} ${documentId}: ${(error as Error).message}`);
  }
  return result;
};
