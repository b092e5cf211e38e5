// A 202 means the click is stored: clicks waiting for their write are written before the
// process exits on SIGTERM, and a process killed with SIGKILL under full load has lost
// no click it acknowledged (on PostgreSQL, two instances share the load and both die).
import path from 'path';
import fs from 'fs';
import knexFactory from 'knex';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { BROWSER, readJson } from '../helpers/http';
import { waitFor } from '../helpers/wait';
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
  // The longest hold, so that clicks are still waiting for their write when the signal arrives.
  const env = { ...database, CLICK_COMMIT_WAIT_MS: '100', CLICK_DEDUPE_WINDOW_S: '0', CLICK_RATE_LIMIT_PER_MIN: '0' };
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

const servers: ServerProcess[] = [];
afterEach(() => {
  // A failed test leaves no server behind.
  for (const server of servers.splice(0))
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
});

test('no click answered 202 is lost when the server is killed with SIGKILL under full load', async () => {
  const env = { ...database, CLICK_DEDUPE_WINDOW_S: '0', CLICK_RATE_LIMIT_PER_MIN: '0', CLICK_MAX_PER_ADDRESS: '0' };
  servers.push(await startServerProcess(env));
  if (usingPostgres()) servers.push(await startServerProcess(env));
  const list = await readJson(await fetch(`${servers[0].url}/api/articles`));
  const documentId = list.data[0].documentId as string;
  const before = await storedClicks(documentId);

  let sent = 0;
  let acknowledged = 0;
  let running = true;
  const unexpected: number[] = [];
  // 64 clients in a loop, each with one request out: the server is saturated when it dies.
  const client = async (n: number) => {
    const server = servers[n % servers.length];
    while (running) {
      sent += 1;
      const res = await fetch(`${server.url}/api/articles/${documentId}/clicks`, {
        method: 'POST',
        headers: { 'User-Agent': `${BROWSER} client/${n}` },
      }).catch(() => null);
      if (!res) continue; // the server is gone
      // The status line is written after the commit: a 202 read here is an acknowledged click.
      if (res.status === 202) acknowledged += 1;
      else unexpected.push(res.status);
      await res.arrayBuffer().catch(() => null);
    }
  };
  const clients = Array.from({ length: 64 }, (_, n) => client(n));
  // Under load until a good number is acknowledged (a busy machine takes longer), then killed.
  // At most 20 s: the test goes on with what was acknowledged by then (checked below).
  await waitFor(() => acknowledged >= 1_500, { timeoutMs: 20_000, stepMs: 100 }).catch(() => undefined);
  for (const server of servers) server.child.kill('SIGKILL');
  running = false;
  await Promise.all(clients);
  for (const server of servers) await server.exited;

  expect(unexpected).toEqual([]);
  expect(acknowledged).toBeGreaterThan(300);
  const stored = (await storedClicks(documentId)) - before;
  // Every acknowledged click is stored; at most the ones in flight at the kill are stored unacknowledged.
  expect(stored).toBeGreaterThanOrEqual(acknowledged);
  expect(stored).toBeLessThanOrEqual(sent);
  expect(stored - acknowledged).toBeLessThanOrEqual(64);
});
