// A server process with a database of its own, for tests that measure the process itself
// (memoryOf, peakOf, its RSS): a SQLite file, or with DATABASE_CLIENT=postgres a database
// on the test server, named `<prefix>_<Jest worker>`, fresh at start and removed at stop.
import fs from 'fs';
import path from 'path';
import { startServerProcess, stopServer, type ServerProcess } from './process';
import { dropPostgresDatabase, postgresUrl, recreatePostgresDatabase, usingPostgres } from './strapi';

const appDir = path.resolve(__dirname, '..', '..');

export type OwnServer = { server: ServerProcess; stop: () => Promise<void> };

export const startOwnServer = async (
  prefix: string,
  env: Record<string, string>,
  options?: Parameters<typeof startServerProcess>[1]
): Promise<OwnServer> => {
  const name = `${prefix}_${process.env.JEST_WORKER_ID ?? '0'}`;
  const file = path.join(appDir, '.tmp', `${name}.db`);
  const database: Record<string, string> = usingPostgres() ? { DATABASE_URL: postgresUrl(name) } : { DATABASE_FILENAME: file };
  const clean = async () => {
    if (usingPostgres()) await dropPostgresDatabase(name);
    else ['', '-wal', '-shm'].forEach((suffix) => fs.rmSync(file + suffix, { force: true }));
  };
  await clean();
  if (usingPostgres()) await recreatePostgresDatabase(name);
  let server: ServerProcess;
  try {
    server = await startServerProcess({ ...database, ...env }, options);
  } catch (error) {
    await clean();
    throw error;
  }
  return {
    server,
    stop: async () => {
      await stopServer(server);
      await clean();
    },
  };
};
