/**
 * Linked entries: quotes, commended units and individuals are part of what readers see
 * of an article; changing them is an edit of that article (its rights, its 三审).
 */
import type { Feature } from '../../utils/feature';

export { guardLinkedEdits } from './rules/guard-linked-edits';
export { quotesFollowArticle } from './rules/quotes-follow-article';
export { keepPublishedLinks } from './rules/keep-published-links';
export { guardSharedFields } from './rules/guard-shared-fields';
export { assertMayChange, assertMayChangeVisible } from './may-change-visible';

// Used by other features:
export { parseRelationInput } from './rules/guard-linked-edits';
export { articleQuoteVersions } from './rules/quotes-follow-article';

export const linkedEntriesFeature: Feature = {
  name: 'linked-entries',
  promise: 'no side door through a linked entry: it changes an article only as an edit of it',
};
