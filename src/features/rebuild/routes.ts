// Rebuild hooks in the admin panel: the "rebuild now" endpoint behind admin authentication
// (controller.ts). Targets and deliveries are internal types, not in the content API
// (src/features/platform/hide-internal-types.ts).
import type { AdminRoute } from '../../utils/feature';

export const REBUILD_CONTROLLER = 'api::rebuild.rebuild-admin';

export const rebuildRoutes: AdminRoute[] = [
  {
    method: 'POST',
    path: '/rebuild-now',
    handler: `${REBUILD_CONTROLLER}.rebuildNow`,
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
];
