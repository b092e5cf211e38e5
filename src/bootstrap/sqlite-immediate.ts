// On SQLite, transactions begin IMMEDIATE (taking the write lock at BEGIN) instead of
// knex's plain BEGIN (DEFERRED). A deferred transaction that reads and then writes fails
// at once with "database is locked" (SQLITE_BUSY_SNAPSHOT: the busy timeout is never
// waited) when another process wrote in between. Within the server that never happens
// (one connection), but the CLIs run beside it: `npm run import` failed every page while
// the server wrote (tests/integration/importer.test.ts). With IMMEDIATE, a transaction
// waits up to the busy timeout for the other writer, then runs. PostgreSQL is untouched.
import type { Core } from '@strapi/strapi';

type KnexTransaction = { query: (conn: unknown, sql: string) => Promise<unknown> };
type TransactionClass = new (...args: unknown[]) => KnexTransaction;

export const beginImmediateOnSqlite = (strapi: Core.Strapi) => {
  const db = strapi.db as unknown as {
    dialect: { client: string };
    connection: { client: { transaction: (...args: unknown[]) => unknown } };
  };
  if (db.dialect.client !== 'sqlite') return;
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
