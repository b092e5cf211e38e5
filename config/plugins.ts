import type { Core } from '@strapi/strapi';
import { costLimitPlugin } from '../src/utils/graphql-limits';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // The sandbox is a developer tool; production serves the API only.
      landingPage: env('NODE_ENV') !== 'production',
      // Strapi's own depth rule stays as a backstop; src/features/public-api/middlewares/graphql-guard.ts
      // refuses deeper operations (and fragment cycles, which crash this rule) first.
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 7),
      amountLimit: 100,
      defaultLimit: 25,
      maxLimit: 100,
      apolloServer: {
        introspection: env('NODE_ENV') !== 'production',
        // The plugin's own CORS would answer any origin: the global strapi::cors
        // (config/middlewares.ts, CORS_ORIGINS) already applies to /graphql.
        cors: false,
        // Queries by GET must work without extra headers, so CDNs can cache them. Apollo's
        // CSRF prevention guards cookie-authenticated APIs; this one authenticates by the
        // Authorization header only, which no cross-site form can send.
        csrfPrevention: false,
        // Strapi appends these to its own plugins (config/graphql-limits.ts sets the limits).
        plugins: [costLimitPlugin],
      },
    },
  },
});
