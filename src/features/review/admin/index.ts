// 三审 in the admin: the 审核 panel of the edit view, the 审核阶段 list column and the 待我审核 page.
import { Feather } from '@strapi/icons';
import { contentManagerOf, type AdminPart } from '../../../admin/admin-part';
import { ReviewPanel } from './ReviewPanel';
import { reviewMessages } from './messages';
import { reviewStageColumn } from './ReviewStageColumn';
import { ownReviewTypes } from '../../../admin/content-names';

export const reviewAdmin: AdminPart = {
  translations: reviewMessages.translations,
  bootstrap(app) {
    contentManagerOf(app).apis.addEditViewSidePanel([ReviewPanel]);
    // 审核阶段 in the list of every type that passes 三审 itself.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', reviewStageColumn(ownReviewTypes));
    // 待我审核, for whoever holds one of the 三审 actions (the list holds only what they may read).
    app.addMenuLink({
      to: 'newsroom/review',
      icon: Feather,
      intlLabel: { id: reviewMessages.id('menu'), defaultMessage: '待我审核' },
      Component: () => import('./ReviewPage'),
      permissions: ['submit', 'first', 'second', 'final'].map((action) => ({ action: `api::review.${action}`, subject: null })),
    });
  },
};
