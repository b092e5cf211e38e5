// 操作日志 in the admin: the log's page, for roles given 查看操作日志 (the API checks it too).
import { ClockCounterClockwise } from '@strapi/icons';
import type { AdminPart } from '../../../admin/admin-part';
import { auditMessages } from './messages';

export const auditAdmin: AdminPart = {
  translations: auditMessages.translations,
  bootstrap(app) {
    app.addMenuLink({
      // Not newsroom/audit: that path is the log's admin API (GET /admin/newsroom/audit), which a
      // reload of the page would reach instead (401 JSON).
      to: 'newsroom/audit-log',
      icon: ClockCounterClockwise,
      intlLabel: { id: auditMessages.id('menu'), defaultMessage: '操作日志' },
      Component: () => import('./AuditPage'),
      permissions: [{ action: 'api::audit.read', subject: null }],
    });
  },
};
