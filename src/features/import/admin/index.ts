// 识别引语 in the admin: the quote finder's panel of the edit view, and its strings in the
// admin's two languages (./messages.ts, ids newsroom.import.*).
import { contentManagerOf, type AdminPart } from '../../../admin/admin-part';
import { QuotePanel } from './QuotePanel';
import { importMessages } from './messages';

export const importAdmin: AdminPart = {
  translations: importMessages.translations,
  bootstrap(app) {
    contentManagerOf(app).apis.addEditViewSidePanel([QuotePanel]);
  },
};
