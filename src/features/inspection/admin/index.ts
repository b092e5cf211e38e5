// 发布检查 in the admin: the panel of the edit view (findings, one-click fixes, acceptances).
import { contentManagerOf, type AdminPart } from '../../../admin/admin-part';
import { InspectionPanel } from './InspectionPanel';
import { inspectionMessages } from './messages';

export const inspectionAdmin: AdminPart = {
  translations: inspectionMessages.translations,
  bootstrap(app) {
    contentManagerOf(app).apis.addEditViewSidePanel([InspectionPanel]);
  },
};
