// GET /api/search: the site search (站内搜索) over published articles; see docs/api.md.
import type { Core } from '@strapi/strapi';
import { getService } from '../../../utils/services';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: KoaContext) {
    const { q, locale, channel, from, to, sort, page, pageSize } = ctx.query as Record<string, unknown>;
    ctx.body = await getService(strapi, 'search').find({ q, locale, channel, from, to, sort, page, pageSize });
  },
});
