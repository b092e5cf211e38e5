// 栏目更新检查 in the admin, for whoever may read channels (the API checks the locale too).
import { Clock } from '@strapi/icons';
import type { AdminPart } from '../../../admin/admin-part';
import { freshnessMessages } from './messages';

export const freshnessAdmin: AdminPart = {
  translations: freshnessMessages.translations,
  bootstrap(app) {
    app.addMenuLink({
      to: 'newsroom/inspection',
      icon: Clock,
      intlLabel: { id: freshnessMessages.id('menu'), defaultMessage: '栏目更新检查' },
      Component: () => import('./FreshnessPage'),
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::channel.channel' }],
    });
  },
};
