// Rebuild hooks in the admin panel: the "rebuild now" endpoint behind admin
// authentication, and no trace of targets or deliveries in the content API.
import type { Core } from '@strapi/strapi';
import type { RebuildService } from '../api/rebuild/services/rebuild';

export type { RebuildService };


type AdminRouter = { type: 'admin'; routes: unknown[] };

export const registerRebuildAdminRoutes = (strapi: Core.Strapi) => {
  // API routers are always content-API routes; an admin route joins the admin's own.
  (strapi.admin!.routes as unknown as Record<string, AdminRouter>)['newsroom-rebuild'] = {
    type: 'admin',
    routes: [
      {
        method: 'POST',
        path: '/rebuild-now',
        handler: async (ctx: { state: { user?: { email?: string } }; status: number; body: unknown }) => {
          const rebuild = strapi.service('api::rebuild.rebuild') as unknown as RebuildService;
          rebuild.forgetTargets();
          const deliveries = await rebuild.rebuildNow(`admin:${ctx.state.user?.email ?? 'unknown'}`);
          ctx.status = 202;
          ctx.body = { data: { deliveries } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  };

  // Targets hold URLs and secrets, deliveries the changes: administrators only.
  const graphql = strapi.plugin('graphql')?.service('extension') as
    | { shadowCRUD: (uid: string) => { disable: () => void } }
    | undefined;
  graphql?.shadowCRUD('api::rebuild.rebuild-target').disable();
  graphql?.shadowCRUD('api::rebuild.rebuild-delivery').disable();
};
