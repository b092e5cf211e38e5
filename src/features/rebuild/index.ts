/**
 * Rebuild hooks: static sites are told to rebuild through signed webhooks after changes
 * readers could see, debounced, retried, and logged per delivery.
 */
import type { Feature } from '../../utils/feature';
import { getService } from '../services';
import createRebuildService from './service';
import createRebuildAdminController from './controller';
import { REBUILD_CONTROLLER, rebuildRoutes } from './routes';

export { guardRebuildSecret } from './rules/guard-rebuild-secret';
export { protectRebuildLog } from './rules/protect-rebuild-log';
export { recordRebuildChange } from './rules/record-rebuild-change';

// Used by other features:
export { DELIVERY_UID } from './rules/protect-rebuild-log';

export type { RebuildService } from './service';

export const rebuildFeature: Feature = {
  name: 'rebuild',
  promise: 'every visible change reaches the static sites, signed, once',
  services: { 'api::rebuild.rebuild': createRebuildService },
  controllers: { [REBUILD_CONTROLLER]: createRebuildAdminController },
  adminRoutes: rebuildRoutes,
  bootstrap: (strapi) => getService(strapi, 'rebuild').checkConfig(),
  start(strapi) {
    getService(strapi, 'rebuild').start();
  },
  destroy: (strapi) => getService(strapi, 'rebuild').stop(),
};
