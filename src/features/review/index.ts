/**
 * 三审 (review): a document reaches readers only after 初审, 复审 and 终审 approved the
 * version being published; any later edit of what readers would see sends it back.
 */
import type { Feature } from '../../utils/feature';
import createReviewService from './service';
import { ensureReviewRoles } from './roles';
import createReviewAdminController from './controller';
import { REVIEW_CONTROLLER, reviewActions, reviewRoutes } from './routes';

export { checkReviewStage, reviewRequired } from './check-review-stage';
export { protectReviewRecords } from './rules/protect-review-records';
export { resetReviewOnEdit } from './rules/reset-review-on-edit';
export { resetReviewOnDelete } from './rules/reset-review-on-delete';

// Used by other features:
export { schemaOf, sendBackToFirst, readDraft, visibleFieldsOf } from './rules/reset-review-on-edit';

export type { ReviewService } from './service';

export const reviewFeature: Feature = {
  name: 'review',
  promise: 'only a version 终审 approved is published',
  services: { 'api::review.review': createReviewService },
  controllers: { [REVIEW_CONTROLLER]: createReviewAdminController },
  adminRoutes: reviewRoutes,
  adminActions: reviewActions,
  async bootstrap(strapi) {
    // After the locales: the 三审 roles are given both.
    const roles = await ensureReviewRoles(strapi);
    if (roles.length) strapi.log.info(`[review] created the roles ${roles.join(', ')}`);
  },
};
