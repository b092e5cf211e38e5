// POST /api/articles/:documentId/clicks answered first in the middleware stack.
//
// Every page view of every static page lands on this endpoint, so it skips what a
// click does not need (request logging, body parsing, sessions, the router) while
// keeping what it does: the API's own CORS settings (the configured strapi::cors),
// the public role's permission, and the click service's validation, bot rule, rate
// limit and dedupe. Anything else (an Authorization header, a revoked permission,
// CLICK_FAST_PATH=false) falls through to the routed controller, which gives the
// same answer through the full stack. Drupal's statistics module keeps its own
// front controller for the same reason.
import type { Core } from '@strapi/strapi';
import { writeClickOutcome } from '../../lib/click-response';
import { configuredCors, escapeRegExp, publicPermission } from '../../utils/fast-path';
import { getService } from '../services';
import { ARTICLE_UID } from '../../api/article/newsroom';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];
type Next = () => Promise<unknown>;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  const pattern = new RegExp(`^${escapeRegExp(prefix)}/articles/([^/]+)/clicks/?$`);
  const cors = configuredCors(strapi);
  const publicMayClick = publicPermission(strapi, [`${ARTICLE_UID}.registerClick`]);

  return async (ctx: KoaContext, next: Next) => {
    if (ctx.method !== 'POST') return next();
    const match = pattern.exec(ctx.path);
    if (!match) return next();
    const clicks = getService(strapi, 'clicks');
    if (!clicks.config.fastPath || ctx.get('authorization') || !(await publicMayClick())) return next();
    let documentId: string;
    try {
      documentId = decodeURIComponent(match[1]);
    } catch {
      documentId = match[1];
    }
    await cors(ctx, async () => {
      const outcome = await clicks.register({
        documentId,
        locale: ctx.query.locale,
        ip: ctx.request.ip,
        userAgent: ctx.get('user-agent'),
      });
      writeClickOutcome(ctx, outcome);
    });
  };
};
