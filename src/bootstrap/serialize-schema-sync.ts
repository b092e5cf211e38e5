// Strapi syncs the database schema at start without a lock: two instances starting
// together on one PostgreSQL database after a schema change both diff the tables and both
// create the new ones ("relation … already exists", and one fails to start). Each sync
// here waits for the other's; the second then finds the schema stored and unchanged.
import type { Core } from '@strapi/strapi';
import { LOCKS, withAdvisoryLock } from '../utils/advisory-lock';

type SchemaProvider = { sync: () => Promise<unknown> };

export const serializeSchemaSync = (strapi: Core.Strapi) => {
  if (strapi.db.dialect.client !== 'postgres') return;
  const schema = strapi.db.schema as unknown as SchemaProvider;
  const sync = schema.sync.bind(schema);
  schema.sync = () => withAdvisoryLock(strapi, LOCKS.schemaSync, sync);
};
