// GET /api/articles/preview with `Authorization: Preview <token>`: the version of an
// article a preview link names (./service.ts), for the reader's /preview page. Never
// cached, never indexed; a missing, altered or expired token is a 401. The route has
// `auth: false` (the token is the credential), so this action is no permission a role holds.
import type { Core } from '@strapi/strapi';
import { getService } from '../services';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async read(ctx: KoaContext) {
    // First, so refusals carry them too: the URL is the same for every token, and no
    // browser, proxy or CDN may keep an answer (a draft, or a 401) for anyone else.
    ctx.set('Cache-Control', 'private, no-store');
    ctx.set('CDN-Cache-Control', 'no-store');
    ctx.set('Surrogate-Control', 'no-store');
    ctx.vary('Authorization');
    ctx.set('X-Robots-Tag', 'noindex, nofollow');
    ctx.body = await getService(strapi, 'preview').answer(ctx.get('authorization'));
  },
});
