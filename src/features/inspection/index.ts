/**
 * 发布前检查 (inspection): the one publish guard. Every path that publishes runs the
 * publish rules (review stage, required facts, word lists, personal data, links) on the
 * version about to go public; what blocks, or warns without a 终审's acceptance, refuses it.
 */
import type { Feature } from '../../utils/feature';
import { getService } from '../services';
import createInspectionService from './service';
import { registerInspectionAdminRoutes, registerInspectionPermissions } from './admin-routes';

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
  async register(strapi) {
    registerInspectionAdminRoutes(strapi);
    await registerInspectionPermissions(strapi);
  },
  async bootstrap(strapi) {
    const terms = await getService(strapi, 'inspection').seedStarterTerms();
    if (terms) strapi.log.info(`[inspection] loaded the starter word list: ${terms} terms`);
  },
};
