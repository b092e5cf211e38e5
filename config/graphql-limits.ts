import type { Core } from '@strapi/strapi';

// The cost a GraphQL operation may have (src/features/public-api/middlewares/graphql-guard.ts checks the
// shape before Apollo runs, src/utils/graphql-limits.ts the cost). Names are part of
// the operator contract: see docs/api.md.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  maxDepth: env.int('GRAPHQL_DEPTH_LIMIT', 7),
  maxAliases: env.int('GRAPHQL_ALIAS_LIMIT', 15),
  maxDirectives: env.int('GRAPHQL_DIRECTIVE_LIMIT', 10),
  /** About one unit per database query the operation can cause (see the estimator). */
  maxComplexity: env.int('GRAPHQL_MAX_COMPLEXITY', 300),
  /** Request body of a GraphQL POST. */
  maxBody: env('GRAPHQL_MAX_BODY', '100kb'),
  defaultLimit: 25,
  maxLimit: 100,
});
