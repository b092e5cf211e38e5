// Rebuild hooks' admin controller (routes.ts): "rebuild now" asks the rebuild service for
// a delivery to every target and answers 202, or 400 when there is no target.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../services';

type Ctx = { status: number; body: unknown };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /admin/rebuild-now: nothing to validate; the deliveries started. */
  async rebuildNow(ctx: Ctx) {
    const deliveries = await getService(strapi, 'rebuild').rebuildNow({ rereadTargets: true });
    if (deliveries === 0) {
      throw new errors.ApplicationError(
        '没有可用的重建目标：请先在“重建目标”中添加并启用一个，或设置 REBUILD_HOOK_URL（No rebuild target is configured）'
      );
    }
    ctx.status = 202;
    ctx.body = { data: { deliveries } };
  },
});
