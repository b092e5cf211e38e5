// Several instances starting together on one PostgreSQL database (after an upgrade, or a
// deploy that starts them at once) each run Strapi's start-up: the schema sync
// (migrations, then CREATE/ALTER for changed content types), the admin's permission sync,
// then this project's bootstrap (indexes, roles, word list, demo seed). None of it takes a
// lock, and side by side they collide: two instances creating the same new table failed
// one start ("pg_type_typname_nsp_index", when the 信息公开 component added
// `articles_cmps`); on an old release's database, two CREATE INDEX IF NOT EXISTS collided
// ("pg_class_relname_nsp_index") and one instance's permission sync removed permissions
// the other was linking to its new roles (a foreign-key error). So the instances start one
// at a time: a session advisory lock is taken on a pooled connection of its own just
// before the schema sync and released when this project's bootstrap ends (or the
// instance stops); the next instance then finds everything done. SQLite is one file and
// one process: nothing to do.
import type { Core } from '@strapi/strapi';

/** A key of its own: database/versioned-migration.js and src/utils/advisory-lock.ts take others. */
const STARTUP_LOCK_KEY = '7954895654544699246';

type PgConnection = { query: (sql: string) => Promise<unknown> };
type Pool = { acquireConnection: () => Promise<PgConnection>; releaseConnection: (connection: PgConnection) => Promise<void> };
type Db = { dialect: { client: string }; connection: { client: Pool }; schema: { sync: () => Promise<unknown> } };

/** The connection holding the lock, per app (the tests start several apps in one process). */
const held = new WeakMap<Core.Strapi, PgConnection>();

const take = async (strapi: Core.Strapi, pool: Pool) => {
  if (held.has(strapi)) return;
  const connection = await pool.acquireConnection();
  try {
    // However long the other instance's start takes: not bounded by DATABASE_STATEMENT_TIMEOUT_MS.
    await connection.query('SET statement_timeout = 0');
    await connection.query(`SELECT pg_advisory_lock(${STARTUP_LOCK_KEY})`);
    await connection.query('RESET statement_timeout');
  } catch (error) {
    await pool.releaseConnection(connection);
    throw error;
  }
  held.set(strapi, connection);
};

/** In register(): the lock is taken when Strapi's bootstrap starts its schema sync. */
export const serializeStartup = (strapi: Core.Strapi) => {
  const db = strapi.db as unknown as Db;
  if (!['postgres', 'pg'].includes(db.dialect.client)) return;
  const sync = db.schema.sync.bind(db.schema);
  db.schema.sync = async () => {
    await take(strapi, db.connection.client);
    return sync();
  };
};

/** At the end of bootstrap() (and in destroy(), should the start have failed): the next instance may start. */
export const endSerialStartup = async (strapi: Core.Strapi) => {
  const connection = held.get(strapi);
  if (!connection) return;
  held.delete(strapi);
  const pool = (strapi.db as unknown as Db).connection.client;
  try {
    await connection.query(`SELECT pg_advisory_unlock(${STARTUP_LOCK_KEY})`);
  } finally {
    await pool.releaseConnection(connection);
  }
};
