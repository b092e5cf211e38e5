// Rebuild hooks in the admin: 立即重建 in the list view, delivery states in the admin's language.
import { contentManagerOf, type AdminPart } from '../../../admin/admin-part';
import { RebuildNowButton } from './RebuildNowButton';
import { translateDeliveryStates } from './DeliveryStateColumn';
import { rebuildMessages } from './messages';

export const rebuildAdmin: AdminPart = {
  translations: rebuildMessages.translations,
  bootstrap(app) {
    contentManagerOf(app).injectComponent('listView', 'actions', { name: 'rebuild-now', Component: RebuildNowButton });
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', translateDeliveryStates);
  },
};
