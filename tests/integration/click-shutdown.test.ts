// Clicks buffered in memory are written before the process exits on SIGTERM.
import path from 'path';
import fs from 'fs';
import Database from 'better-sqlite3';
import { startServerProcess } from '../helpers/process';
import { BROWSER, readJson } from '../helpers/http';

const appDir = path.resolve(__dirname, '..', '..');
const file = path.join(appDir, '.tmp', `test-shutdown-${process.env.JEST_WORKER_ID ?? '0'}.db`);
const clean = () => ['', '-wal', '-shm'].forEach((suffix) => fs.rmSync(file + suffix, { force: true }));

beforeAll(clean);
afterAll(clean);

test('every click answered 202 before SIGTERM is in the database after the process exits', async () => {
  // A flush interval long enough that the clicks are still buffered when the signal arrives.
  const env = { DATABASE_FILENAME: file, CLICK_FLUSH_MS: '1000', CLICK_DEDUPE_WINDOW_S: '0', CLICK_RATE_LIMIT_PER_MIN: '0' };
  const server = await startServerProcess(env);
  const list = await readJson(await fetch(`${server.url}/api/articles`));
  const documentId = list.data[0].documentId as string;

  let accepted = 0;
  const sending = Array.from({ length: 400 }, async () => {
    const res = await fetch(`${server.url}/api/articles/${documentId}/clicks`, { method: 'POST', headers: { 'User-Agent': BROWSER } }).catch(
      () => null
    );
    if (res?.status === 202) accepted += 1;
  });
  await Promise.all(sending.slice(0, 300));
  server.child.kill('SIGTERM');
  await Promise.all(sending);
  expect(await server.exited).toBe(0);
  expect(accepted).toBeGreaterThanOrEqual(300);

  const db = new Database(file, { readonly: true });
  const { n } = db.prepare('SELECT COALESCE(SUM(count), 0) AS n FROM article_clicks WHERE document_id = ?').get(documentId) as { n: number };
  db.close();
  expect(n).toBe(accepted);

  // And the restarted server reports the same total.
  const again = await startServerProcess(env);
  const stats = await readJson(await fetch(`${again.url}/api/articles/${documentId}/clicks`));
  again.child.kill('SIGTERM');
  await again.exited;
  expect(stats.data.total).toBe(accepted);
});
