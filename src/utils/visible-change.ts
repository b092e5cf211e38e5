// Whether a document-service action changes what readers can see: a publish, an
// unpublish, a delete, or a create/update that publishes at once. Draft saves do not.
import type { Params } from './document-rules';

const VISIBLE_ACTIONS = new Set(['publish', 'unpublish', 'delete']);

export const isVisibleChange = (action: string, params: Params) =>
  VISIBLE_ACTIONS.has(action) || ((action === 'create' || action === 'update') && params.status === 'published');
