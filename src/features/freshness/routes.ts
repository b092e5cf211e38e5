// 栏目更新检查 behind admin authentication: GET /admin/newsroom/inspection/channels
// (controller.ts), for administrators who may read channels of that locale in the content
// manager, checked by the service on the locale. The content API has no such route.
import type { AdminRoute } from '../../utils/feature';

export const FRESHNESS_CONTROLLER = 'api::channel.freshness-admin';

export const freshnessRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/newsroom/inspection/channels',
    handler: `${FRESHNESS_CONTROLLER}.channels`,
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
];
