// Boots the real app (compiled once by global-setup) on a fresh database per test file.
import fs from 'fs';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';

export type App = Core.Strapi;

const appDir = process.env.TEST_APP_DIR ?? path.resolve(__dirname, '..', '..');
const distDir = process.env.TEST_DIST_DIR ?? path.join(appDir, 'dist');

const sqliteFile = () => path.join(appDir, '.tmp', `test-${process.env.JEST_WORKER_ID ?? '0'}.db`);

const removeSqlite = (file: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
};

type Options = { keepDatabase?: boolean };

export const startApp = async (env: Record<string, string> = {}, { keepDatabase = false }: Options = {}): Promise<App> => {
  Object.assign(process.env, env);
  if ((process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite') {
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
  if (!keepDatabase && (process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite' && process.env.DATABASE_FILENAME) {
    removeSqlite(process.env.DATABASE_FILENAME);
  }
};
