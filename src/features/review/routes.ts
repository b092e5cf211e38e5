// 三审 behind admin authentication, for the edit view's 审核 panel and the 待我审核 page
// (controller.ts). A move needs the stage's action (Settings › Roles › 三审) and the right
// to edit the document as the content manager checks it (owner, locale); Super Admins have
// every action. Both depend on the document and its stage, so the service checks them, not
// a route policy.
import type { AdminAction, AdminRoute } from '../../utils/feature';
import { REVIEW_ACTIONS, type ReviewAction } from '../../lib/review/stages';

export const REVIEW_CONTROLLER = 'api::review.review-admin';

const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };

export const reviewRoutes: AdminRoute[] = [
  { method: 'POST', path: '/newsroom/review/state', handler: `${REVIEW_CONTROLLER}.state`, config: authenticated },
  { method: 'POST', path: '/newsroom/review/move', handler: `${REVIEW_CONTROLLER}.move`, config: authenticated },
  { method: 'GET', path: '/newsroom/review/waiting', handler: `${REVIEW_CONTROLLER}.waiting`, config: authenticated },
];

const ACTION_NAMES: Record<ReviewAction, string> = {
  submit: '送初审 Submit for review (撰稿)',
  first: '初审 First review',
  second: '复审 Second review',
  final: '终审 Final review (may approve for publishing)',
};

/** Settings › Roles › 三审: one action per stage. */
export const reviewActions: AdminAction[] = (Object.keys(REVIEW_ACTIONS) as ReviewAction[]).map((action) => ({
  section: 'settings',
  category: '三审 Review',
  subCategory: 'stages',
  displayName: ACTION_NAMES[action],
  uid: `review.${action}`,
}));
