// Rebuild hooks in the admin panel: the "rebuild now" endpoint behind admin
// authentication. Targets and deliveries are internal types, not in the content API
// (src/features/platform/hide-internal-types.ts).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../services';

type AdminRouter = { type: 'admin'; routes: unknown[] };

export const registerRebuildAdminRoutes = (strapi: Core.Strapi) => {
  // API routers are always content-API routes; an admin route joins the admin's own.
  (strapi.admin!.routes as unknown as Record<string, AdminRouter>)['newsroom-rebuild'] = {
    type: 'admin',
    routes: [
      {
        method: 'POST',
        path: '/rebuild-now',
        handler: async (ctx: { status: number; body: unknown }) => {
          const rebuild = getService(strapi, 'rebuild');
          rebuild.forgetTargets();
          const deliveries = await rebuild.rebuildNow();
          if (deliveries === 0) {
            throw new errors.ApplicationError(
              '没有可用的重建目标：请先在“重建目标”中添加并启用一个，或设置 REBUILD_HOOK_URL（No rebuild target is configured）'
            );
          }
          ctx.status = 202;
          ctx.body = { data: { deliveries } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  };
};
