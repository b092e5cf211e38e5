// Strapi's loaded schemas (strapi.contentTypes, strapi.components) by a uid known only at
// run time. Core.Strapi types them per generated uid; the features walk them by string and
// read a few attribute fields, typed here once.
import type { Core } from '@strapi/strapi';

/** The attribute fields the features read (type, relation target, component uids, private). */
export type SchemaAttribute = {
  type: string;
  target?: string;
  private?: boolean;
  component?: string;
  components?: string[];
};
export type Schema = {
  uid?: string;
  options?: { draftAndPublish?: boolean };
  pluginOptions?: unknown;
  attributes: Record<string, SchemaAttribute>;
};

// Relies on: strapi.contentTypes and strapi.components holding each schema by uid, with `attributes`.
const byUid = (registry: unknown) => registry as Record<string, Schema | undefined>;

/** Every content type's schema, by uid. */
export const contentTypeSchemas = (strapi: Core.Strapi) => byUid(strapi.contentTypes) as Record<string, Schema>;

/** A content type's schema, or undefined for an unknown uid. */
export const contentTypeSchema = (strapi: Core.Strapi, uid: string) => byUid(strapi.contentTypes)[uid];

/** A component's schema, or undefined for an unknown uid. */
export const componentSchema = (strapi: Core.Strapi, uid: string) => byUid(strapi.components)[uid];

/** A content type's or a component's schema (as strapi.getModel finds either), or undefined. */
export const modelSchema = (strapi: Core.Strapi, uid: string) => contentTypeSchema(strapi, uid) ?? componentSchema(strapi, uid);
