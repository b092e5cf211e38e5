// The GraphQL plugin's extension service (shadow CRUD, resolver config) and its naming
// utilities, as src/features/platform and src/features/accounts use them. Each method
// is asserted by tests/integration/strapi-internals.test.ts (docs/upgrading-strapi.md).
import type { Core } from '@strapi/strapi';

export type GraphqlExtension = {
  shadowCRUD: (uid: string) => { disable: () => void; field: (name: string) => { disable: () => void } };
  use: (extension: unknown) => void;
};

/** The extension service, or undefined without the plugin. Relies on: service('extension') `shadowCRUD` and `use`. */
export const graphqlExtension = (strapi: Core.Strapi) => strapi.plugin('graphql')?.service('extension') as GraphqlExtension | undefined;

/** The GraphQL type name of a content type ('Article'). Relies on: service('utils').naming.getTypeName. */
export const graphqlTypeName = (strapi: Core.Strapi, contentType: unknown) =>
  (strapi.plugin('graphql').service('utils').naming as { getTypeName: (contentType: unknown) => string }).getTypeName(contentType);
