/**
 * 操作日志 (audit log): every write of content, by any path, leaves an entry in the same
 * transaction, with personal numbers masked; roles given 查看操作日志 read and export it.
 */
import type { Feature } from '../../utils/feature';
import createAuditService from './service';
import { maskQueuedAuditEntries } from './mask-audit-log';
import { registerAuditLogins } from './logins';
import createAuditAdminController from './controller';
import { AUDIT_CONTROLLER, auditActions, auditRoutes } from './routes';

export { recordAudit } from './rules/record-audit';
export { protectAuditLog } from './rules/protect-audit-log';
export { AUDIT_UID } from './service';

export type { AuditService } from './service';

export const auditFeature: Feature = {
  name: 'audit',
  promise: 'every change is logged with who, when and what, and the log cannot be edited',
  services: { 'api::audit.audit': createAuditService },
  controllers: { [AUDIT_CONTROLLER]: createAuditAdminController },
  adminRoutes: auditRoutes,
  adminActions: auditActions,
  register: registerAuditLogins,
  async bootstrap(strapi) {
    // Entries from before personal numbers were masked in the 操作日志, once (a migration queues it).
    const masked = await maskQueuedAuditEntries(strapi);
    if (masked) strapi.log.info(`[audit] masked personal numbers in ${masked} older entries`);
  },
};
