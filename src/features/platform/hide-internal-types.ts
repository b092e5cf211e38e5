// Internal types are not in the content API: for the public role and for every API token
// (read-only, full-access, custom), over REST and GraphQL alike. A type is in the content
// API only when its declaration (src/api/<name>/newsroom.ts) says readers see it
// (`publicRead`); every other type of the project, declared or not, is internal: review
// stages and events, the word list and accepted warnings, the audit log, rebuild targets
// and deliveries, and any type added later without that flag; so are Strapi's review
// workflows. Administrators reach them through the admin API and the admin panel only.
//   GraphQL  the plugin's shadow CRUD is switched off for them (no object, input, filter
//            or response type, no query, no mutation), and the private fields of the
//            types that are public (schedule fields, 原网页) are not in the schema at all:
//            not as output, filter, sort or input.
//   REST     they have no routes folder, so no content-API route and no action a custom
//            token could be given (tests/integration/internal-types.test.ts fails when one
//            appears); private fields are left out of answers and refused in filters and
//            sorts by Strapi's sanitizer.
// No public type (nor a component it uses) has a relation to an internal one, so no
// `populate` reaches them (tested there too).
import type { Core } from '@strapi/strapi';
import { settingsOf } from '../../utils/type-settings';
import { componentSchema } from '../../strapi-internals/schemas';
import { graphqlExtension } from '../../strapi-internals/graphql';

type Attributes = Record<string, { type?: string; private?: boolean; component?: string; components?: string[] }>;

/**
 * Strapi's own types that stay: the public types' media and locales, and users-permissions,
 * whose plugin builds its own GraphQL on them (its auth mutations are locked in
 * src/features/accounts/lock-accounts.ts). Every other plugin's types (review workflows and their
 * stages, and whatever a plugin added later brings) are internal like the project's.
 */
const STRAPI_TYPES_KEPT = ['plugin::upload.', 'plugin::i18n.', 'plugin::users-permissions.'];

/** Whether a content type stays out of the content API: every type not declared `publicRead` but those above. */
export const isInternalType = (uid: string) =>
  !STRAPI_TYPES_KEPT.some((prefix) => uid.startsWith(prefix)) && settingsOf(uid)?.publicRead !== true;

/** The components a type uses, nested ones included. */
const componentsOf = (strapi: Core.Strapi, attributes: Attributes, found = new Set<string>()) => {
  for (const attribute of Object.values(attributes)) {
    const used =
      attribute.type === 'component' ? [attribute.component] : attribute.type === 'dynamiczone' ? (attribute.components ?? []) : [];
    for (const uid of used) {
      if (!uid || found.has(uid)) continue;
      found.add(uid);
      const component = componentSchema(strapi, uid);
      if (component) componentsOf(strapi, component.attributes, found);
    }
  }
  return found;
};

/** In register(): before the GraphQL plugin builds its schema. */
export const hideInternalTypes = (strapi: Core.Strapi) => {
  const graphql = graphqlExtension(strapi);
  if (!graphql) return;
  const hidePrivateFields = (uid: string, attributes: Attributes) => {
    for (const [name, attribute] of Object.entries(attributes)) if (attribute.private) graphql.shadowCRUD(uid).field(name).disable();
  };
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (isInternalType(uid)) {
      graphql.shadowCRUD(uid).disable();
      continue;
    }
    if (!uid.startsWith('api::')) continue;
    const { attributes } = contentType as { attributes: Attributes };
    hidePrivateFields(uid, attributes);
    for (const component of componentsOf(strapi, attributes)) {
      hidePrivateFields(component, componentSchema(strapi, component)!.attributes);
    }
  }
};
