// Several instances starting together on one PostgreSQL database after an upgrade each
// run Strapi's schema sync (migrations, then CREATE/ALTER for changed content types).
// Strapi takes no lock for it: two instances creating the same new table fail with
// "duplicate key value violates unique constraint pg_type_typname_nsp_index" and one
// of them does not start (seen when the 信息公开 component added `articles_cmps`). Here
// the whole sync runs under a PostgreSQL advisory lock: the second instance waits,
// then finds the schema up to date. SQLite is one file; its writers already queue.
import type { Core } from '@strapi/strapi';

/** A key of its own: database/versioned-migration.js takes another inside the sync. */
const SYNC_LOCK_KEY = '7954895654544699246';

type Sync = () => Promise<unknown>;

export const serializeSchemaSync = (strapi: Core.Strapi) => {
  const db = strapi.db as unknown as { dialect: { client: string }; connection: Core.Strapi['db']['connection']; schema: { sync: Sync } };
  if (!['postgres', 'pg'].includes(db.dialect.client)) return;
  const sync = db.schema.sync.bind(db.schema);
  db.schema.sync = async () => {
    // Held on a connection of its own for the length of the sync; the sync uses others.
    const lock = await db.connection.transaction();
    try {
      await lock.raw('SET LOCAL statement_timeout = 0');
      await lock.raw(`SELECT pg_advisory_xact_lock(${SYNC_LOCK_KEY})`);
      return await sync();
    } finally {
      await lock.commit();
    }
  };
};
