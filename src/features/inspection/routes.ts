// 发布检查 behind admin authentication, for the edit view's side panel (controller.ts):
//   POST /admin/newsroom/inspection/check   the findings on a saved draft
//   POST /admin/newsroom/inspection/fix     one-click fix (mask a number, correct a word)
//   POST /admin/newsroom/inspection/accept  a 终审 accepts a warning with a reason
// Each is checked against the editor's role as the content manager checks it (by the
// service, on the document); accepting needs the 接受检查警告 permission (Settings › Roles ›
// 发布检查), which Super Admins have, checked by the controller (it says why).
import type { AdminAction, AdminRoute } from '../../utils/feature';

export const INSPECTION_CONTROLLER = 'api::inspection.inspection-admin';

const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };

export const inspectionRoutes: AdminRoute[] = [
  { method: 'POST', path: '/newsroom/inspection/check', handler: `${INSPECTION_CONTROLLER}.check`, config: authenticated },
  { method: 'POST', path: '/newsroom/inspection/fix', handler: `${INSPECTION_CONTROLLER}.fix`, config: authenticated },
  { method: 'POST', path: '/newsroom/inspection/accept', handler: `${INSPECTION_CONTROLLER}.accept`, config: authenticated },
];

/** Settings › Roles › 发布检查: the action ACCEPT_ACTION (api::inspection.accept-warnings) names. */
export const inspectionActions: AdminAction[] = [
  {
    section: 'settings',
    category: '发布检查 Publish checks',
    subCategory: 'warnings',
    displayName: '接受检查警告 Accept warnings (终审)',
    uid: 'inspection.accept-warnings',
  },
];
