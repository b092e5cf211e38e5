// 操作日志 in the admin: the log's page, for roles given 查看操作日志 (the API checks it too).
import { ClockCounterClockwise } from '@strapi/icons';
import type { AdminPart } from '../../../admin/admin-part';
import { auditMessages } from './messages';

export const auditAdmin: AdminPart = {
  translations: auditMessages.translations,
  bootstrap(app) {
    app.addMenuLink({
      to: 'newsroom/audit',
      icon: ClockCounterClockwise,
      intlLabel: { id: auditMessages.id('menu'), defaultMessage: '操作日志' },
      Component: () => import('./AuditPage'),
      permissions: [{ action: 'api::audit.read', subject: null }],
    });
  },
};
