import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => [
  // First: every page view of the site lands here (src/middlewares/click-fast-path.ts).
  'global::click-fast-path',
  // Cached feeds, served before the rest of the stack (src/middlewares/feed-fast-path.ts).
  'global::feed-fast-path',
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // Front ends live on other origins; `*` by default since the API is public read-only.
      origin: env.array('CORS_ORIGINS', ['*']),
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
      headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'If-None-Match', 'If-Modified-Since'],
      keepHeadersOnError: true,
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  // The reader front end's page URLs (src/middlewares/reader-routes.ts); `/` included.
  'global::reader-routes',
  'strapi::public',
];
