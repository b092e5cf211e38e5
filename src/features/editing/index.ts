/**
 * Editing: one save of a document at a time, a save based on an older version refused
 * (409), pasted text cleaned, slugs filled, the 栏目 tree kept a tree, the edit views laid
 * out for editors, and the content manager's draft actions kept to types with drafts.
 */
import type { Feature } from '../../utils/feature';
import { refuseDraftActionsWithoutDrafts } from './no-draft-actions';
import { guardBulkPublish } from './guard-bulk-publish';
import { retryContentManagerConflicts } from './retry-conflicts';
import { patchAdminSlugGenerator } from './admin-slugs';
import { applyAdminLayouts } from './admin-layout';
import draftVersion from './middlewares/draft-version';
import databaseBusy from './middlewares/database-busy';

export { lockDocument } from './rules/lock-document';
export { refuseStaleSave } from './rules/refuse-stale-save';
export { guardClone } from './rules/guard-clone';
export { cleanPasting } from './rules/clean-pasting';
export { markPastedHeadings } from './rules/mark-headings';
export { fillSlug } from './rules/fill-slug';
export { guardChannelTree } from './rules/guard-channel-tree';

// Used by other features:
export { stripInvisibleFields } from './rules/clean-pasting';

export const editingFeature: Feature = {
  name: 'editing',
  promise: 'no save is lost or silently overwritten; what editors paste is cleaned',
  middlewares: { 'draft-version': draftVersion, 'database-busy': databaseBusy },
  register(strapi) {
    refuseDraftActionsWithoutDrafts(strapi);
    guardBulkPublish(strapi);
    retryContentManagerConflicts(strapi);
  },
  async bootstrap(strapi) {
    patchAdminSlugGenerator(strapi);
    await applyAdminLayouts(strapi);
  },
};
