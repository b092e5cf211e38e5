// Several Strapi server processes on one fresh PostgreSQL database, as behind a load
// balancer: the first to start migrates and seeds, the others join it.
import knexFactory, { type Knex } from 'knex';
import { startServerProcess, stopServer, type ServerProcess } from './process';
import { dropPostgresDatabase, postgresUrl, recreatePostgresDatabase } from './strapi';

export type SharedDatabase = {
  /** The database's name on the test server (`<prefix>_<Jest worker>`). */
  name: string;
  url: string;
  /** Starts one more server process on the database; `env` comes on top of the database's. */
  start: (env?: Record<string, string>) => Promise<ServerProcess>;
  /** A connection of the test's own to the database, for reading what the servers wrote. */
  db: () => Knex;
  /** Stops every server started, closes the test's connection and drops the database. */
  stop: () => Promise<void>;
};

/** A fresh database (dropped and created again), with no server yet. */
export const sharedDatabase = async (prefix: string, baseEnv: Record<string, string> = {}): Promise<SharedDatabase> => {
  const name = `${prefix}_${process.env.JEST_WORKER_ID ?? '0'}`;
  const url = postgresUrl(name);
  const servers: ServerProcess[] = [];
  let knex: Knex | undefined;
  await recreatePostgresDatabase(name);
  return {
    name,
    url,
    start: async (env = {}) => {
      const server = await startServerProcess({ DATABASE_CLIENT: 'postgres', DATABASE_URL: url, ...baseEnv, ...env });
      servers.push(server);
      return server;
    },
    db: () => (knex ??= knexFactory({ client: 'pg', connection: url })),
    stop: async () => {
      await knex?.destroy();
      knex = undefined;
      for (const server of servers) await stopServer(server);
      await dropPostgresDatabase(name);
    },
  };
};

/** Two instances on a fresh shared database: `a` starts first (it migrates and seeds), then `b`. */
export const startTwoInstances = async (prefix: string, env: Record<string, string> = {}) => {
  const shared = await sharedDatabase(prefix, env);
  try {
    const a = await shared.start(); // migrates and seeds
    const b = await shared.start();
    return { shared, a, b };
  } catch (error) {
    await shared.stop();
    throw error;
  }
};
