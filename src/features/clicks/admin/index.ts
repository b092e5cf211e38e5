// 点击率 in the admin: the panel of the edit view and a column of the article list.
import { contentManagerOf, type AdminPart } from '../../../admin/admin-part';
import { ClickPanel } from './ClickPanel';
import { addClickColumn } from './ClickColumn';
import { clickMessages } from './messages';

export const clicksAdmin: AdminPart = {
  translations: clickMessages.translations,
  bootstrap(app) {
    contentManagerOf(app).apis.addEditViewSidePanel([ClickPanel]);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addClickColumn);
  },
};
