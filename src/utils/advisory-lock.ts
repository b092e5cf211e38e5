// Instances sharing one PostgreSQL database take turns at start-up work nothing else
// locks (creating the 三审 roles): a session advisory lock held on one
// pooled connection while the work runs on the others. Elsewhere (SQLite: one process per
// file) the work just runs.
import type { Core } from '@strapi/strapi';

type PgConnection = { query: (sql: string, values: unknown[]) => Promise<unknown> };
type Pool = { acquireConnection: () => Promise<PgConnection>; releaseConnection: (connection: PgConnection) => Promise<void> };

export const LOCKS = {
  reviewRoles: 731_301,
} as const;

export const withAdvisoryLock = async <T>(strapi: Core.Strapi, key: number, work: () => Promise<T>): Promise<T> => {
  if (strapi.db.dialect.client !== 'postgres') return work();
  // knex's pool is untyped here; it hands out the raw pg client.
  const pool = strapi.db.connection.client as unknown as Pool;
  const connection = await pool.acquireConnection();
  try {
    await connection.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work();
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await pool.releaseConnection(connection);
  }
};
