// 版本记录 behind admin authentication, for the edit view's 版本记录 panel (controller.ts).
// Who may see or restore a document's versions is the content manager's right on that
// document (read; restore: edit), checked by the service, so no route policy beyond login:
//   GET  /admin/newsroom/versions?uid=&documentId=&locale=   the versions, newest first
//   GET  /admin/newsroom/versions/:id/diff?against=:otherId  two versions compared
//   POST /admin/newsroom/versions/:id/restore                the draft becomes that version
// Versions are admin-only: no content-API route, never in REST, GraphQL or the response cache.
import type { AdminRoute } from '../../utils/feature';

export const VERSIONS_CONTROLLER = 'api::version.versions-admin';

const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };

export const versionsRoutes: AdminRoute[] = [
  { method: 'GET', path: '/newsroom/versions', handler: `${VERSIONS_CONTROLLER}.find`, config: authenticated },
  { method: 'GET', path: '/newsroom/versions/:id/diff', handler: `${VERSIONS_CONTROLLER}.diff`, config: authenticated },
  { method: 'POST', path: '/newsroom/versions/:id/restore', handler: `${VERSIONS_CONTROLLER}.restore`, config: authenticated },
];
