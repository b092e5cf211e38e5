// 操作日志 behind admin authentication, for roles given 查看操作日志 (Settings › Roles ›
// 操作日志; Super Admins have it), checked by the controller (controller.ts says why):
//   GET /admin/newsroom/audit?…       one page of entries, newest first (JSON)
//   GET /admin/newsroom/audit.csv?…   the same filters as CSV for Excel, at most 50,000 rows
// Filters: action, user (id, or part of the name or e-mail), targetUid, targetDocumentId,
// from, to (ISO times; a bare date is a whole day in Beijing time), page, pageSize.
// Names, e-mails and addresses: an internal type, not in the content API (src/features/platform/hide-internal-types.ts).
import type { AdminAction, AdminRoute } from '../../utils/feature';

export const AUDIT_CONTROLLER = 'api::audit.audit-admin';

const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };

export const auditRoutes: AdminRoute[] = [
  { method: 'GET', path: '/newsroom/audit', handler: `${AUDIT_CONTROLLER}.find`, config: authenticated },
  { method: 'GET', path: '/newsroom/audit.csv', handler: `${AUDIT_CONTROLLER}.csv`, config: authenticated },
];

/** Settings › Roles › 操作日志: the action AUDIT_READ_ACTION (api::audit.read) names. */
export const auditActions: AdminAction[] = [
  {
    section: 'settings',
    category: '操作日志 Audit log',
    subCategory: 'audit',
    displayName: '查看和导出操作日志 Read and export the audit log',
    uid: 'audit.read',
  },
];
