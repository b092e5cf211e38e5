/**
 * The public API (REST and GraphQL): the public may read what is published and nothing
 * else, at a bounded cost; its permissions are re-locked at every start.
 */
import type { Feature } from '../../utils/feature';
import { registerGraphqlExtensions } from './graphql';
import { enforcePublicPermissions } from './permissions';
import { memoizePublicPermissions } from './public-permissions-memo';
import hasPublicPermission from './has-public-permission';
import publicQueryGuard from './middlewares/public-query-guard';
import graphqlGuard from './middlewares/graphql-guard';
import rejectNulBytes from './middlewares/reject-nul-bytes';

export { guardPublicReads } from './rules/guard-public-reads';
export { PUBLIC_ACTIONS, READABLE_TYPES, enforcePublicPermissions } from './permissions';

// Used by other features:
export { readGraphqlBody } from './middlewares/graphql-guard';

export const publicApiFeature: Feature = {
  name: 'public-api',
  promise: 'the public reads published content only, within cost limits',
  middlewares: { 'public-query-guard': publicQueryGuard, 'graphql-guard': graphqlGuard, 'reject-nul-bytes': rejectNulBytes },
  policies: { 'has-public-permission': hasPublicPermission },
  register: registerGraphqlExtensions,
  async bootstrap(strapi) {
    await enforcePublicPermissions(strapi);
    memoizePublicPermissions(strapi);
  },
};
