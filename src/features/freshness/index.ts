/**
 * 栏目更新检查 (channel freshness): which 栏目 have not been updated within the period the
 * quarterly inspection allows, per locale, for whoever may read channels.
 */
import type { Feature } from '../../utils/feature';
import createFreshnessService, { warnDaysOf } from './service';
import createFreshnessAdminController from './controller';
import { FRESHNESS_CONTROLLER, freshnessRoutes } from './routes';

export type { FreshnessService } from './service';

export const freshnessFeature: Feature = {
  name: 'freshness',
  promise: 'stale 栏目 are listed before an inspector finds them',
  services: { 'api::channel.freshness': createFreshnessService },
  controllers: { [FRESHNESS_CONTROLLER]: createFreshnessAdminController },
  adminRoutes: freshnessRoutes,
  bootstrap(strapi) {
    warnDaysOf(strapi); // INSPECTION_WARN_DAYS: refuse to start on a value that is not a number of days
  },
};
