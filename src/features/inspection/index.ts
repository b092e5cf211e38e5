/**
 * 发布前检查 (inspection): the one publish guard. Every path that publishes runs the
 * publish rules (review stage, required facts, word lists, personal data, links) on the
 * version about to go public; what blocks, or warns without a 终审's acceptance, refuses it.
 */
import type { Feature } from '../../utils/feature';
import { getService } from '../services';
import createInspectionService from './service';
import createInspectionAdminController from './controller';
import { INSPECTION_CONTROLLER, inspectionActions, inspectionRoutes } from './routes';

export { guardPublish, assertMayPublish, guardEnabled } from './guard';
export { checkTerms } from './rules/check-terms';
export { protectAcceptances } from './rules/protect-acceptances';

// Used by other features:
export { ACCEPTANCE_UID } from './rules/protect-acceptances';
export { localesOf, enforcedOf } from './guard';
export { isInspected } from './subject';
export type { PublishRule } from './types';
export { ACCEPT_ACTION } from './service';

export type { InspectionService } from './service';

export const inspectionFeature: Feature = {
  name: 'inspection',
  promise: 'nothing unchecked is published, by any path',
  services: { 'api::inspection.inspection': createInspectionService },
  controllers: { [INSPECTION_CONTROLLER]: createInspectionAdminController },
  adminRoutes: inspectionRoutes,
  adminActions: inspectionActions,
  async bootstrap(strapi) {
    const terms = await getService(strapi, 'inspection').seedStarterTerms();
    if (terms) strapi.log.info(`[inspection] loaded the starter word list: ${terms} terms`);
  },
};
