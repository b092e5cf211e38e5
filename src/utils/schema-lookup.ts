// The content model as the pure query checks (src/lib/public-query.ts) need it.
import type { Core } from '@strapi/strapi';
import type { FieldKind, SchemaLookup } from '../lib/public-query';
import { modelSchema } from '../strapi-internals/schemas';

const KINDS: Record<string, FieldKind> = {
  relation: 'relation',
  media: 'relation',
  integer: 'number',
  biginteger: 'number',
  float: 'number',
  decimal: 'number',
  date: 'date',
  datetime: 'date',
  time: 'other',
  timestamp: 'date',
  boolean: 'boolean',
  string: 'text',
  text: 'text',
  richtext: 'text',
  email: 'text',
  uid: 'text',
  enumeration: 'text',
  // Blocks and JSON are stored as JSON text: a filter would match markup, and scan
  // every body of the archive. Searching text is the search endpoint's job.
  blocks: 'other',
  json: 'other',
};

type Attribute = {
  type: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
  private?: boolean;
  relation?: string;
  multiple?: boolean;
};

export const schemaLookup = (strapi: Core.Strapi): SchemaLookup => {
  const cache = new Map<string, ReturnType<SchemaLookup>>();
  return (uid, field) => {
    const key = `${uid}\u0000${field}`;
    if (cache.has(key)) return cache.get(key)!;
    const model = modelSchema(strapi, uid) as { attributes: Record<string, Attribute> } | undefined;
    const attribute = model && Object.hasOwn(model.attributes, field) ? model.attributes[field] : undefined;
    const result =
      !attribute || attribute.private || attribute.type === 'password'
        ? null
        : attribute.type === 'component'
          ? // A component is populated and filtered like a relation (a join to its own table).
            { kind: 'relation' as const, target: attribute.component, many: !!attribute.repeatable }
          : {
              kind: KINDS[attribute.type] ?? 'other',
              target: attribute.type === 'media' ? 'plugin::upload.file' : attribute.target,
              many: attribute.type === 'media' ? !!attribute.multiple : /Many$/.test(attribute.relation ?? ''),
            };
    // Only names the model has: a field name in a query is client input, and a memo of every
    // name ever asked grew without bound (issue #27, finding 15).
    if (attribute) cache.set(key, result);
    return result;
  };
};
