// The command-line scripts' SQLite transactions begin IMMEDIATE (taking the write lock at
// BEGIN) instead of knex's plain BEGIN (DEFERRED). The scripts open the file beside the
// running server, and a deferred transaction that reads and then writes fails at once
// with "database is locked" (SQLITE_BUSY_SNAPSHOT: the busy timeout is never waited) when
// the server wrote in between: `npm run import` lost every page beside a server that was
// writing (tests/integration/importer.test.ts). With IMMEDIATE, a script's transaction
// waits up to the busy timeout for the server's write, then runs.
//
// The server keeps DEFERRED: Strapi runs every read in a transaction, and an IMMEDIATE
// read would wait for a script's write lock; better-sqlite3 waits synchronously, so the
// whole server would stop serving while an import page is written. Scripts set
// DATABASE_SQLITE_IMMEDIATE=true (scripts/cli-database.js). PostgreSQL is untouched.
import type { Core } from '@strapi/strapi';

type KnexTransaction = { query: (conn: unknown, sql: string) => Promise<unknown> };
type TransactionClass = new (...args: unknown[]) => KnexTransaction;

export const beginImmediateOnSqlite = (strapi: Core.Strapi) => {
  const db = strapi.db as unknown as {
    dialect: { client: string };
    connection: { client: { transaction: (...args: unknown[]) => unknown } };
  };
  if (db.dialect.client !== 'sqlite' || process.env.DATABASE_SQLITE_IMMEDIATE !== 'true') return;
  // knex's own class for SQLite transactions (knex is pinned in package.json).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const SqliteTransaction: TransactionClass = require('knex/lib/dialects/sqlite3/execution/sqlite-transaction');
  class ImmediateTransaction extends SqliteTransaction {
    begin(conn: unknown) {
      return this.query(conn, 'BEGIN IMMEDIATE;');
    }
  }
  const client = db.connection.client;
  client.transaction = function transaction(...args: unknown[]) {
    return new ImmediateTransaction(this, ...args);
  };
};
