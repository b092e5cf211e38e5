import type { Core } from '@strapi/strapi';
import { getService } from '../services';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async stats(ctx: KoaContext) {
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data: { ...getService(strapi, 'responseCache').stats(), purge: getService(strapi, 'purge').counters } };
  },
});
