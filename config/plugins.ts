import type { Core } from '@strapi/strapi';
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
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 10),
      amountLimit: env.int('GRAPHQL_AMOUNT_LIMIT', 100),
      defaultLimit: 25,
      maxLimit: 100,
      apolloServer: {
        introspection: env('NODE_ENV') !== 'production',
      },
    },
  },
});
