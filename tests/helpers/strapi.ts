// Boots the real app (compiled once by global-setup) on a fresh database per test file:
// a SQLite file per Jest worker, or with DATABASE_CLIENT=postgres a fresh PostgreSQL
// database per worker on the server in TEST_POSTGRES_URL.
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';
import { createStrapi, type Core } from '@strapi/strapi';

export type App = Core.Strapi;

const appDir = process.env.TEST_APP_DIR ?? path.resolve(__dirname, '..', '..');
const distDir = process.env.TEST_DIST_DIR ?? path.join(appDir, 'dist');
const worker = process.env.JEST_WORKER_ID ?? '0';

export const usingPostgres = () => (process.env.DATABASE_CLIENT ?? 'sqlite') === 'postgres';

const sqliteFile = () => path.join(appDir, '.tmp', `test-${worker}.db`);

const removeSqlite = (file: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
};

const serverUrl = () => {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error('DATABASE_CLIENT=postgres needs TEST_POSTGRES_URL (see scripts/test-postgres-server.sh)');
  return url;
};

/** A database URL on the test server, for a database named `name`. */
export const postgresUrl = (name: string) => {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.href;
};

const withServer = async (work: (client: Client) => Promise<void>) => {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
};

export const recreatePostgresDatabase = (name: string) =>
  withServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });

export const dropPostgresDatabase = (name: string) =>
  withServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

type Options = { keepDatabase?: boolean };

export const startApp = async (env: Record<string, string> = {}, { keepDatabase = false }: Options = {}): Promise<App> => {
  Object.assign(process.env, env);
  if (usingPostgres()) {
    const name = `newsroom_test_${worker}`;
    if (!keepDatabase) await recreatePostgresDatabase(name);
    process.env.DATABASE_URL = postgresUrl(name);
  } else {
    process.env.DATABASE_FILENAME = sqliteFile();
    if (!keepDatabase) removeSqlite(process.env.DATABASE_FILENAME);
  }
  const app = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  await app.server.mount();
  // One fixed loopback address for the whole file: responses that carry absolute URLs
  // (feed links) must not change with an ephemeral port per request.
  await new Promise<void>((resolve) => app.server.httpServer.listen(0, '127.0.0.1', resolve));
  return app;
};

export const stopApp = async (app: App | undefined, { keepDatabase = false }: Options = {}) => {
  if (!app) return;
  await app.destroy();
  if (keepDatabase) return;
  if (usingPostgres()) await dropPostgresDatabase(`newsroom_test_${worker}`);
  else if (process.env.DATABASE_FILENAME) removeSqlite(process.env.DATABASE_FILENAME);
};
