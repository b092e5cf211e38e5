// Rebuild hooks in the admin: 立即重建 in the list view, delivery states in Chinese.
import { contentManagerOf, type AdminPart } from '../../../admin/admin-part';
import { RebuildNowButton } from './RebuildNowButton';
import { translateDeliveryStates } from './DeliveryStateColumn';

export const rebuildAdmin: AdminPart = {
  bootstrap(app) {
    contentManagerOf(app).injectComponent('listView', 'actions', { name: 'rebuild-now', Component: RebuildNowButton });
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', translateDeliveryStates);
  },
};
