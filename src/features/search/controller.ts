// GET /api/search: the site search (站内搜索) over published articles; see docs/api.md.
// A search ranks every match before it pages, so searches run in their own lane, a few
// at a time (src/utils/heavy-requests.ts), and on SQLite yield to ordinary reads.
import type { Core } from '@strapi/strapi';
import { getService } from '../services';
import { acquireSearchSlot, Overloaded } from '../../utils/heavy-requests';
import { trackRequest } from '../../utils/time-slice';
import { sendError } from '../../utils/send-error';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: KoaContext) {
    const { q, locale, channel, from, to, sort, page, pageSize } = ctx.query as Record<string, unknown>;
    let release: () => void;
    try {
      release = await acquireSearchSlot(strapi);
    } catch (error) {
      if (!(error instanceof Overloaded)) throw error;
      ctx.set('Retry-After', '1');
      return sendError(ctx, 503, 'ServiceUnavailableError', 'Too many searches at once: retry shortly');
    }
    try {
      ctx.body = await trackRequest(() => getService(strapi, 'search').find({ q, locale, channel, from, to, sort, page, pageSize }), true);
    } finally {
      release();
    }
  },
});
