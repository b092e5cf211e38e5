// Statements run on SQLite's one pooled connection, prepared once per connection. Knex
// prepares a statement anew on every call, the largest cost of small hot queries (the
// plain article reader, the click writes). The connection is taken from knex's pool, so
// a statement never runs inside someone else's open transaction: it waits for it.
import type { Core } from '@strapi/strapi';
import { rawConnectionPool } from '../strapi-internals/database';

export type Statement = {
  all: (...bindings: unknown[]) => Array<Record<string, unknown>>;
  get: (...bindings: unknown[]) => Record<string, unknown> | undefined;
  run: (...bindings: unknown[]) => unknown;
};
export type SqliteConnection = {
  prepare: (sql: string) => Statement;
  transaction: <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A) => R;
};

const prepared = new WeakMap<SqliteConnection, Map<string, Statement>>();

export const isSqlite = (strapi: Core.Strapi) => strapi.db.dialect.client === 'sqlite';

/**
 * Runs `work` synchronously on the pooled connection with a `statement(sql)` that
 * prepares each SQL text once per connection. SQLite only.
 */
export const withSqliteStatements = async <R>(
  strapi: Core.Strapi,
  work: (statement: (sql: string) => Statement, connection: SqliteConnection) => R
): Promise<R> => {
  const pool = rawConnectionPool<SqliteConnection>(strapi);
  const connection = await pool.acquireConnection();
  try {
    let statements = prepared.get(connection);
    if (!statements) prepared.set(connection, (statements = new Map()));
    const cache = statements;
    const statement = (sql: string) => {
      let found = cache.get(sql);
      if (!found) cache.set(sql, (found = connection.prepare(sql)));
      return found;
    };
    return work(statement, connection);
  } finally {
    // The work is done (committed, if it wrote): a failure to hand the connection back
    // is the pool's to report, not the work's.
    await pool
      .releaseConnection(connection)
      .catch((error: Error) => strapi.log.error(`[sqlite] could not release the connection: ${error.message}`));
  }
};
