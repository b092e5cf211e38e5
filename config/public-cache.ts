import type { Core } from '@strapi/strapi';

// Cache-Control of anonymous content-API reads (src/features/response-cache/middlewares/public-cache-headers.ts).
// Browsers revalidate every time (max-age 0, a 304 when nothing changed); shared caches
// (a CDN, nginx) may keep an answer `sMaxAge` seconds and serve it stale while they
// revalidate for `staleWhileRevalidate` more. A publish shows after at most sMaxAge
// on a CDN; set it to 0 to make CDNs revalidate too.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  maxAge: env.int('PUBLIC_CACHE_MAX_AGE_S', 0),
  sMaxAge: env.int('PUBLIC_CACHE_S_MAXAGE_S', 30),
  staleWhileRevalidate: env.int('PUBLIC_CACHE_SWR_S', 30),
});
