// Two Strapi processes on one PostgreSQL database, as behind a load balancer: exact
// click totals, one rebuild delivery per burst, feeds that follow each other.
import crypto from 'crypto';
import { createApiToken, registerAdmin, type ServerProcess } from '../helpers/process';
import { BROWSER, readJson } from '../helpers/http';
import { Receiver } from '../helpers/receiver';
import { waitFor } from '../helpers/wait';
import { startTwoInstances, type SharedDatabase } from '../helpers/instances';
import { waitForRebuildSettled } from '../helpers/rebuild';
import { usingPostgres } from '../helpers/strapi';

const SECRET = `whsec_${crypto.randomBytes(32).toString('base64')}`;
const FEED_BOUND_S = 1;
/** A change made on one instance reaches the other's response cache within this (NOTIFY; the poll is the fallback). */
const CACHE_BOUND_MS = 1_000;

const suite = usingPostgres() ? describe : describe.skip;
if (!usingPostgres()) {
  console.log('multi-instance tests run with DATABASE_CLIENT=postgres (npm run test:postgres); skipped on SQLite');
}

suite('two instances on one PostgreSQL database', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let receiver: Receiver;
  let token: string;
  let shared: SharedDatabase;

  beforeAll(async () => {
    receiver = await new Receiver().start();
    const env = {
      CLICK_DEDUPE_WINDOW_S: '0',
      CLICK_RATE_LIMIT_PER_MIN: '0',
      CLICK_COMMIT_WAIT_MS: '2',
      REBUILD_HOOK_URL: receiver.url,
      REBUILD_HOOK_SECRET: SECRET,
      REBUILD_DEBOUNCE_MS: '2000',
      REBUILD_MAX_WAIT_MS: '30000',
      REBUILD_POLL_MS: '100',
      // The response caches follow each other by NOTIFY alone here: the poll (the fallback) waits a minute.
      RESPONSE_CACHE_POLL_MS: '60000',
    };
    ({ shared, a, b } = await startTwoInstances('newsroom_multi', env));
    // An administrator (the first-run registration) and a full-access API token for writing.
    const adminToken = await registerAdmin(a, {
      firstname: 'Ops',
      lastname: 'Admin',
      email: 'ops@example.gov.cn',
      password: 'Ops-Passw0rd',
    });
    token = await createApiToken(a, adminToken, 'publisher');
    expect(token).toEqual(expect.any(String));
  }, 120_000);

  afterAll(async () => {
    await shared?.stop();
    await receiver.down();
  });

  const publish = async (server: ServerProcess, title: string) => {
    const res = await fetch(`${server.url}/api/articles?status=published`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ data: { title } }),
    });
    expect(res.status).toBe(201);
    return (await readJson(res)).data as { documentId: string; slug: string };
  };

  test('10,000 clicks split across both instances give exactly 10,000', async () => {
    const article = await publish(a, '双实例点击');
    // Readable on both instances before the clicks start.
    for (const server of [a, b])
      await waitFor(async () => (await fetch(`${server.url}/api/articles/${article.documentId}`)).status === 200);
    let accepted = 0;
    const send = async (server: ServerProcess, count: number) => {
      for (let sent = 0; sent < count; sent += 100) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(100, count - sent) }, () =>
            fetch(`${server.url}/api/articles/${article.documentId}/clicks`, { method: 'POST', headers: { 'User-Agent': BROWSER } })
          )
        );
        accepted += batch.filter((res) => res.status === 202).length;
      }
    };
    await Promise.all([send(a, 5000), send(b, 5000)]);
    expect(accepted).toBe(10_000);
    const db = shared.db();
    await waitFor(
      async () => Number((await db('article_clicks').where('document_id', article.documentId).sum({ n: 'count' }))[0].n) === 10_000,
      10_000
    );
    for (const server of [a, b]) {
      const stats = await readJson(await fetch(`${server.url}/api/articles/${article.documentId}/clicks`));
      expect(stats.data.total).toBe(10_000);
    }
  });

  test('a publishing burst on both instances gives one delivery per target', async () => {
    await waitForRebuildSettled(shared.db()); // the click test's publish goes out first
    receiver.requests.length = 0;
    const published = [];
    for (let i = 0; i < 10; i += 1) published.push(await publish(i % 2 ? b : a, `双实例发布 ${i}`));
    await waitFor(() => receiver.requests.length >= 1, 15_000);
    await waitForRebuildSettled(shared.db());
    expect(receiver.requests).toHaveLength(1);
    const payload = receiver.payloads()[0];
    expect(payload.changes.map((change: { documentId: string }) => change.documentId).sort()).toEqual(
      published.map((article) => article.documentId).sort()
    );
  });

  test(`a publish on one instance shows in the other's feed within ${FEED_BOUND_S} s`, async () => {
    const feedOf = async (server: ServerProcess) => readJson(await fetch(`${server.url}/api/feeds/articles.json?limit=5`));
    await feedOf(b);
    await feedOf(b); // cached on b now
    const article = await publish(a, '跨实例订阅');
    const published = Date.now();
    await waitFor(async () => (await feedOf(b)).items.some((item: { title: string }) => item.title === '跨实例订阅'), 10_000, 50);
    expect(Date.now() - published).toBeLessThanOrEqual(FEED_BOUND_S * 1000 + 1000);
    // The item on b is the article published on a: same slug in its link.
    const item = (await feedOf(b)).items.find((entry: { title: string }) => entry.title === '跨实例订阅');
    expect(item.url).toContain(`/articles/${article.slug}`);
  });

  test('a publish on one instance is found by the search of the other at once, and a delete on the other removes it', async () => {
    const searchOn = async (server: ServerProcess) =>
      readJson(await fetch(`${server.url}/api/search?q=${encodeURIComponent('跨实例检索')}`));
    expect((await searchOn(b)).data).toEqual([]);
    const article = await publish(a, '跨实例检索稿件');
    // b's cached answer is dropped when a's publish commits (PostgreSQL NOTIFY).
    await waitFor(async () => (await searchOn(b)).data.length > 0, CACHE_BOUND_MS, 20);
    expect((await searchOn(b)).data.map((hit: { documentId: string }) => hit.documentId)).toEqual([article.documentId]);
    const unpublished = await fetch(`${b.url}/api/articles/${article.documentId}?status=published`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(unpublished.status).toBeLessThan(300);
    await waitFor(async () => (await searchOn(a)).data.length === 0, CACHE_BOUND_MS, 20);
  });

  test('cached answers on one instance follow a publish, an edit and a delete made on the other within a second', async () => {
    const list = (server: ServerProcess) => fetch(`${server.url}/api/articles?fields[0]=title&pagination[pageSize]=5`);
    const titles = async (server: ServerProcess) =>
      ((await readJson(await list(server))).data as Array<{ title: string }>).map((x) => x.title);
    await list(b);
    expect((await list(b)).headers.get('x-cache')).toBe('HIT');
    const since = (start: number) => Date.now() - start;

    let start = Date.now();
    const article = await publish(a, '跨实例缓存');
    await waitFor(async () => (await titles(b)).includes('跨实例缓存'), 5_000, 20);
    expect(since(start)).toBeLessThan(1_000);

    const one = `${b.url}/api/articles/${article.documentId}?fields[0]=title`;
    await fetch(one);
    expect((await fetch(one)).headers.get('x-cache')).toBe('HIT');
    start = Date.now();
    const edited = await fetch(`${a.url}/api/articles/${article.documentId}?status=published`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ data: { title: '跨实例缓存已改' } }),
    });
    expect(edited.status).toBe(200);
    await waitFor(async () => (await readJson(await fetch(one))).data?.title === '跨实例缓存已改', 5_000, 20);
    expect(since(start)).toBeLessThan(1_000);

    start = Date.now();
    const removed = await fetch(`${a.url}/api/articles/${article.documentId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(removed.status).toBeLessThan(300);
    await waitFor(async () => (await fetch(one)).status === 404, 5_000, 20);
    expect(since(start)).toBeLessThan(1_000);
    expect(await titles(b)).not.toContain('跨实例缓存已改');
  });
});
