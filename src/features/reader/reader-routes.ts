// Serves the reader front end (public/index.html) for its page URLs: the home page and
// /articles/<slug>, /channels/<slug>, /commendations/<slug>, /search, the links feeds and the
// rebuild payloads point to, and /preview (the admin's preview button). Assets (/reader/*.js, *.css) are plain static files.
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

const PAGES = /^\/(?:(?:articles|channels|commendations)\/[^/]+\/?|search\/?|preview\/?)?$/;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const file = path.join(strapi.dirs.static.public, 'index.html');
  let cached: string | null = null;
  const page = () => {
    // Re-read in development so edits show without a restart.
    if (cached === null || process.env.NODE_ENV === 'development') cached = fs.readFileSync(file, 'utf8');
    return cached;
  };

  return async (ctx: KoaContext, next: () => Promise<unknown>) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !PAGES.test(ctx.path) || !fs.existsSync(file)) return next();
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-cache');
    // The page of preview links (#<token>, src/features/preview/service.ts) is never indexed.
    if (ctx.path.startsWith('/preview')) ctx.set('X-Robots-Tag', 'noindex, nofollow');
    ctx.body = page();
  };
};
