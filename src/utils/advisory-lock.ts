// A PostgreSQL session advisory lock, held on a pooled connection of its own while the
// work runs on the others, for as long as that work takes (not bounded by
// DATABASE_STATEMENT_TIMEOUT_MS). Instances sharing one database take turns with it: one
// start at a time (src/strapi-internals/serial-startup.ts), and work nothing else locks even when
// called outside a start (creating the 三审 roles). Elsewhere (SQLite: one process
// per file) there is nothing to hold.
import type { Core } from '@strapi/strapi';
import { rawConnectionPool } from '../strapi-internals/database';

type PgConnection = { query: (sql: string, values?: unknown[]) => Promise<unknown> };

/** Waits for the lock `key` (a bigint, as text or number); resolves to the function that releases it. */
export const holdAdvisoryLock = async (strapi: Core.Strapi, key: string | number): Promise<() => Promise<void>> => {
  if (strapi.db.dialect.client !== 'postgres') return async () => {};
  // knex's pool hands out the raw pg client.
  const pool = rawConnectionPool<PgConnection>(strapi);
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
  /** With a second key (the document's hash): one document's writes, transaction-scoped (lockDocument). */
  document: 731_302,
} as const;

/**
 * Waits until no other transaction writes the document (`uid`, `documentId`), then holds it
 * until the running transaction ends: call it inside the transaction it protects, before the
 * first write. PostgreSQL only (SQLite has one writer). The two-key form keeps these apart
 * from the session locks above; a hash collision only makes two documents take turns.
 */
export const lockDocument = async (strapi: Core.Strapi, uid: string, documentId: string) => {
  if (strapi.db.dialect.client !== 'postgres') return;
  await strapi.db.transaction(({ trx }) =>
    trx.raw('SELECT pg_advisory_xact_lock(?::integer, hashtext(?::text))', [LOCKS.document, `${uid}:${documentId}`])
  );
};

/** lockDocument without waiting: false when another transaction writes the document now. */
export const tryLockDocument = async (strapi: Core.Strapi, uid: string, documentId: string): Promise<boolean> => {
  if (strapi.db.dialect.client !== 'postgres') return true;
  const result = (await strapi.db.transaction(({ trx }) =>
    trx.raw('SELECT pg_try_advisory_xact_lock(?::integer, hashtext(?::text)) AS locked', [LOCKS.document, `${uid}:${documentId}`])
  )) as { rows?: Array<{ locked?: unknown }> };
  return result.rows?.[0]?.locked === true;
};

/** `work` under the lock `key`: one instance at a time runs it. */
export const withAdvisoryLock = async <T>(strapi: Core.Strapi, key: number, work: () => Promise<T>): Promise<T> => {
  const release = await holdAdvisoryLock(strapi, key);
  try {
    return await work();
  } finally {
    await release();
  }
};
