// A PostgreSQL session advisory lock, held on a pooled connection of its own while the
// work runs on the others, for as long as that work takes (not bounded by
// DATABASE_STATEMENT_TIMEOUT_MS). Instances sharing one database take turns with it: one
// start at a time (src/bootstrap/serial-startup.ts), and work nothing else locks even when
// called outside a start (creating the 三审 roles). Elsewhere (SQLite: one process
// per file) there is nothing to hold.
import type { Core } from '@strapi/strapi';

type PgConnection = { query: (sql: string, values?: unknown[]) => Promise<unknown> };
type Pool = { acquireConnection: () => Promise<PgConnection>; releaseConnection: (connection: PgConnection) => Promise<void> };

/** Waits for the lock `key` (a bigint, as text or number); resolves to the function that releases it. */
export const holdAdvisoryLock = async (strapi: Core.Strapi, key: string | number): Promise<() => Promise<void>> => {
  if (strapi.db.dialect.client !== 'postgres') return async () => {};
  // knex's pool is untyped here; it hands out the raw pg client.
  const pool = strapi.db.connection.client as unknown as Pool;
  const connection = await pool.acquireConnection();
  try {
    await connection.query('SET statement_timeout = 0');
    await connection.query('SELECT pg_advisory_lock($1)', [key]);
    await connection.query('RESET statement_timeout');
  } catch (error) {
    await pool.releaseConnection(connection);
    throw error;
  }
  return async () => {
    try {
      await connection.query('SELECT pg_advisory_unlock($1)', [key]);
    } finally {
      await pool.releaseConnection(connection);
    }
  };
};

export const LOCKS = {
  reviewRoles: 731_301,
} as const;

/** `work` under the lock `key`: one instance at a time runs it. */
export const withAdvisoryLock = async <T>(strapi: Core.Strapi, key: number, work: () => Promise<T>): Promise<T> => {
  const release = await holdAdvisoryLock(strapi, key);
  try {
    return await work();
  } finally {
    await release();
  }
};
