// The click routes' actions (src/api/article/routes/01-clicks.ts). They stay actions of
// the article controller (src/api/article/controllers/article.ts spreads them): their
// names, 'api::article.article.registerClick' and so on, are users-permissions actions
// that the public role, GraphQL's scopes, the click fast path and any role an
// administrator has granted them to hold; a controller of its own would rename them.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { writeClickOutcome } from '../../lib/click-response';
import { getService } from '../services';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

export const clickActions = (strapi: Core.Strapi) => ({
  /** POST /articles/:documentId/clicks through the full stack (when the fast path steps aside). */
  async registerClick(ctx: KoaContext) {
    const { documentId } = ctx.params;
    const outcome = await getService(strapi, 'clicks').register({
      documentId,
      locale: ctx.query.locale,
      ip: ctx.request.ip,
      userAgent: ctx.get('user-agent'),
    });
    writeClickOutcome(ctx, outcome);
  },

  /** GET /articles/:documentId/clicks: total, today and the last 30 days. */
  async clickStats(ctx: KoaContext) {
    const { documentId } = ctx.params;
    if (!/^[a-z0-9]{24}$/.test(documentId)) throw new errors.ValidationError('documentId must be 24 characters a-z or 0-9');
    const stats = await getService(strapi, 'clicks').stats(documentId);
    if (!stats) return ctx.notFound('No published article with this documentId');
    ctx.body = { data: stats };
  },

  /** GET /articles/popular?period=day|week|month|all&channel=<slug>&locale=&limit=&fields= (点击排行). */
  async popular(ctx: KoaContext) {
    ctx.body = await getService(strapi, 'popular').page(ctx.query, ctx.state.auth);
  },
});
