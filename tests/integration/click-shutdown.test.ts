// Clicks buffered in memory are written before the process exits on SIGTERM.
import path from 'path';
import fs from 'fs';
import knexFactory from 'knex';
import { startServerProcess } from '../helpers/process';
import { BROWSER, readJson } from '../helpers/http';
import { dropPostgresDatabase, postgresUrl, recreatePostgresDatabase, usingPostgres } from '../helpers/strapi';

const appDir = path.resolve(__dirname, '..', '..');
const name = `newsroom_shutdown_${process.env.JEST_WORKER_ID ?? '0'}`;
const file = path.join(appDir, '.tmp', `${name}.db`);
const database: Record<string, string> = usingPostgres() ? { DATABASE_URL: postgresUrl(name) } : { DATABASE_FILENAME: file };
const clean = async () => {
  if (usingPostgres()) await dropPostgresDatabase(name);
  else ['', '-wal', '-shm'].forEach((suffix) => fs.rmSync(file + suffix, { force: true }));
};

beforeAll(async () => {
  await clean();
  if (usingPostgres()) await recreatePostgresDatabase(name);
});
afterAll(clean);

/** What is stored, read straight from the database the server wrote. */
const storedClicks = async (documentId: string) => {
  const db = usingPostgres()
    ? knexFactory({ client: 'pg', connection: postgresUrl(name) })
    : knexFactory({ client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true });
  try {
    const [row] = await db('article_clicks').where('document_id', documentId).sum({ n: 'count' });
    return Number(row.n ?? 0);
  } finally {
    await db.destroy();
  }
};

test('every click answered 202 before SIGTERM is in the database after the process exits', async () => {
  // A flush interval long enough that the clicks are still buffered when the signal arrives.
  const env = { ...database, CLICK_FLUSH_MS: '1000', CLICK_DEDUPE_WINDOW_S: '0', CLICK_RATE_LIMIT_PER_MIN: '0' };
  const server = await startServerProcess(env);
  const list = await readJson(await fetch(`${server.url}/api/articles`));
  const documentId = list.data[0].documentId as string;

  let accepted = 0;
  const sending = Array.from({ length: 400 }, async () => {
    const res = await fetch(`${server.url}/api/articles/${documentId}/clicks`, {
      method: 'POST',
      headers: { 'User-Agent': BROWSER },
    }).catch(() => null);
    if (res?.status === 202) accepted += 1;
  });
  await Promise.all(sending.slice(0, 300));
  server.child.kill('SIGTERM');
  await Promise.all(sending);
  expect(await server.exited).toBe(0);
  expect(accepted).toBeGreaterThanOrEqual(300);

  expect(await storedClicks(documentId)).toBe(accepted);

  // And the restarted server reports the same total.
  const again = await startServerProcess(env);
  const stats = await readJson(await fetch(`${again.url}/api/articles/${documentId}/clicks`));
  again.child.kill('SIGTERM');
  await again.exited;
  expect(stats.data.total).toBe(accepted);
});
