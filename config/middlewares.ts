import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const prefix = '/api'; // api.rest.prefix: config/api.ts keeps Strapi's default
  // Front ends on other origins read the public API without credentials; the admin
  // panel is served from this origin and answers no other, unless listed.
  const publicOrigins = env.array('CORS_ORIGINS', ['*']);
  const adminOrigins = env.array('ADMIN_CORS_ORIGINS', []);
  const isPublicPath = (path: string) =>
    path === prefix || path.startsWith(`${prefix}/`) || path === '/graphql' || path.startsWith('/uploads/');
  return [
    // First: every page view of the site lands here (src/features/clicks/fast-path.ts).
    'global::click-fast-path',
    // Cached feeds, served before the rest of the stack (src/features/feeds/fast-path.ts).
    'global::feed-fast-path',
    // Cached public answers (REST and GraphQL), before the rest of the stack (src/features/response-cache/middlewares/response-cache.ts).
    'global::response-cache',
    'strapi::logger',
    'strapi::errors',
    // SQLite busy with a script's write: a 503 with Retry-After, not a 500 (src/features/editing/middlewares/database-busy.ts).
    'global::database-busy',
    // Uploads with images past their queue: a 503 with Retry-After (src/features/media/upload-limits.ts).
    'global::upload-busy',
    // Saves based on an older version of a draft (If-Match / If-Unmodified-Since): 409 (src/features/editing/middlewares/draft-version.ts).
    'global::draft-version',
    'strapi::security',
    {
      name: 'strapi::cors',
      config: {
        origin: (ctx: { path: string }) => (isPublicPath(ctx.path) ? publicOrigins : adminOrigins),
        // Readers have no accounts: the public API never needs cookies or credentials.
        credentials: (ctx: { path: string }) => !isPublicPath(ctx.path) && adminOrigins.length > 0,
        methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
        headers: [
          'Content-Type',
          'Authorization',
          'Origin',
          'Accept',
          'If-None-Match',
          'If-Modified-Since',
          'If-Match',
          'If-Unmodified-Since',
        ],
        keepHeadersOnError: true,
      },
    },
    'strapi::poweredBy',
    // ETag, 304, Cache-Control and Surrogate-Key on anonymous reads; fills the response cache.
    'global::public-cache-headers',
    'strapi::query',
    'strapi::body',
    // A NUL character in a URL or body is refused before anything stores or queries it.
    'global::reject-nul-bytes',
    // Content-API reads and GraphQL operations have a bounded cost.
    'global::public-query-guard',
    'global::graphql-guard',
    'strapi::session',
    'strapi::favicon',
    // Uploads are served so that they cannot script this origin (src/features/media/middlewares/upload-headers.ts).
    'global::upload-headers',
    // The reader front end's page URLs (src/features/reader/reader-routes.ts); `/` included.
    'global::reader-routes',
    'strapi::public',
  ];
};
