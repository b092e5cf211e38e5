// 版本记录 in the admin: the edit view's side panel (list, compare two, restore).
import { contentManagerOf, type AdminPart } from '../../../admin/admin-part';
import { VersionsPanel } from './VersionsPanel';
import { en, zhHans } from './messages';

export const versionsAdmin: AdminPart = {
  translations: { en, 'zh-Hans': zhHans },
  bootstrap(app) {
    contentManagerOf(app).apis.addEditViewSidePanel([VersionsPanel]);
  },
};
