import type { Core } from '@strapi/strapi';
import path from 'path';

type PoolConnection = { pragma: (sql: string) => unknown };

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    // No statement holds a connection longer than this (migrations and backups included:
    // raise it for a one-off job). Public reads are bounded well below it by
    // src/lib/public-query.ts and the GraphQL limits; this is the backstop.
    const statementTimeout = env.int('DATABASE_STATEMENT_TIMEOUT_MS', 30000);
    const ssl = env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false;
    return {
      connection: {
        client: 'postgres',
        connection: env('DATABASE_URL')
          ? { connectionString: env('DATABASE_URL'), ssl, statement_timeout: statementTimeout }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'newsroom'),
              user: env('DATABASE_USERNAME', 'newsroom'),
              password: env('DATABASE_PASSWORD', ''),
              schema: env('DATABASE_SCHEMA', 'public'),
              ssl,
              statement_timeout: statementTimeout,
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        // Knex reads these beside the pool (Strapi passes `connection` to knex as is).
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
        asyncStackTraces: env.bool('KNEX_ASYNC_STACK', false),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}"`);
  }

  const filename = env('DATABASE_FILENAME', '.tmp/data.db');
  // NORMAL: a commit survives the process dying (kill -9, OOM); FULL: also a power cut, at
  // one fsync per commit (clicks share one commit per group, so they pay it once per group).
  const synchronous = env('DATABASE_SQLITE_SYNCHRONOUS', 'NORMAL').toUpperCase();
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL') {
    throw new Error(`DATABASE_SQLITE_SYNCHRONOUS must be "NORMAL" or "FULL", got "${synchronous}"`);
  }
  return {
    connection: {
      client: 'sqlite',
      connection: {
        // Compiled config runs from dist/config, so relative paths are anchored at the project root.
        filename: path.isAbsolute(filename) ? filename : path.join(__dirname, '..', '..', filename),
      },
      useNullAsDefault: true,
      pool: {
        // Strapi's own afterCreate (foreign keys) runs first, then this. The defaults
        // (rollback journal, synchronous=FULL) fsync on every write; WAL + NORMAL is
        // still crash-safe for the database and lets readers run beside a writer.
        afterCreate: (conn: PoolConnection, done: (err: Error | null, conn: PoolConnection) => void) => {
          try {
            conn.pragma('journal_mode = WAL');
            conn.pragma(`synchronous = ${synchronous}`);
            conn.pragma(`busy_timeout = ${env.int('DATABASE_BUSY_TIMEOUT', 5000)}`);
            // SQLite's default page cache is 2 MB: an archive of long articles and its
            // search index are read from the OS on every scan. The one connection gets more.
            conn.pragma(`cache_size = -${env.int('DATABASE_CACHE_MB', 64) * 1024}`);
            done(null, conn);
          } catch (error) {
            done(error as Error, conn);
          }
        },
      },
    },
  };
};
