// The response cache holds at most RESPONSE_CACHE_MAX_MB: the least recently used
// answers make room for new ones, and every answer stays correct; and the bound is the
// process's too: its RSS after a full GC, under a flood of junk and of distinct queries.
import crypto from 'crypto';
import { api, BROWSER, readJson } from '../helpers/http';
import { createApiToken, memoryOf, registerAdmin, type ServerProcess } from '../helpers/process';
import { startOwnServer, type OwnServer } from '../helpers/own-server';
import { startApp, stopApp, type App } from '../helpers/strapi';

let app: App;
let token: string;

beforeAll(async () => {
  app = await startApp({ RESPONSE_CACHE_MAX_MB: '0.01' }); // 10,486 bytes
  token = (await app.service('admin::api-token').create({ name: 'cache-bound', type: 'full-access', lifespan: null })).accessKey;
});
afterAll(() => stopApp(app));

const stats = async () => (await api(app).get('/api/response-cache').set('Authorization', `Bearer ${token}`)).body.data;

test('many distinct answers never take more than the bound; evicted ones are made again', async () => {
  const urls = Array.from(
    { length: 20 },
    (_, i) => `/api/articles?fields[0]=title&populate[channel][fields][0]=name&pagination[pageSize]=${i + 1}`
  );
  const first = new Map<string, string>();
  for (const url of urls) {
    const res = await api(app).get(url);
    expect(res.status).toBe(200);
    first.set(url, res.text);
    const now = await stats();
    expect(now.bytes).toBeLessThanOrEqual(now.maxBytes);
  }
  const after = await stats();
  expect(after.maxBytes).toBe(10_486);
  expect(after.evicted).toBeGreaterThan(0);
  expect(after.entries).toBeLessThan(urls.length);
  // The oldest was evicted: answered again by the stack, with the same bytes.
  const again = await api(app).get(urls[0]);
  expect(again.headers['x-cache']).toBe('MISS');
  expect(again.text).toBe(first.get(urls[0]));
});

/**
 * The process, not just the cache's count: a server of its own (a child process run with
 * --expose-gc, so a full collection can be forced before RSS is read), with an 8 MB bound.
 */
describe('the bound holds for the process', () => {
  const MAX_MB = 8;
  let own: OwnServer | undefined;
  let server: ServerProcess;
  let statsToken: string;
  const MB = 1024 * 1024;

  beforeAll(async () => {
    own = await startOwnServer('newsroom_cache_rss', { RESPONSE_CACHE_MAX_MB: String(MAX_MB) }, { nodeArgs: ['--expose-gc'] });
    server = own.server;
    const adminJwt = await registerAdmin(server, {
      firstname: 'Ops',
      lastname: 'Admin',
      email: 'cache-rss@example.gov.cn',
      password: 'Ops-Passw0rd',
    });
    statsToken = await createApiToken(server, adminJwt, 'cache-rss');
  });
  afterAll(async () => {
    await own?.stop();
  });

  const serverStats = async () =>
    (await readJson(await fetch(`${server.url}/api/response-cache`, { headers: { Authorization: `Bearer ${statsToken}` } }))).data;

  /** Sends every URL, eight at a time; every answer must be a 200. */
  const sendAll = async (urls: string[]) => {
    let next = 0;
    const statuses = new Map<number, number>();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < urls.length) {
          const res = await fetch(`${server.url}${urls[next++]}`, { headers: { 'User-Agent': BROWSER } });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      })
    );
    expect(Object.fromEntries(statuses)).toEqual({ 200: urls.length });
  };
  const junk = (n: number) =>
    Array.from({ length: n }, (_, i) => `/api/articles?utm_source=${crypto.randomBytes(8).toString('hex')}&x[${i}]=${i}`);
  /** Distinct queries the API does read: each its own (small, empty) answer. */
  const distinct = (n: number) =>
    Array.from({ length: n }, () => `/api/articles?filters[slug][$eq]=${crypto.randomBytes(8).toString('hex')}&fields[0]=title`);

  test(`junk query strings share one entry, and distinct queries hold RSS (after a full GC) under ${MAX_MB} MB + 40 MB of the baseline`, async () => {
    // Warm up: JIT, pools, and the memory the allocators keep after serving uncached
    // requests (measured: +200 MB of RSS over the first few thousand, with the JS heap
    // unchanged: request processing, not the cache). Then a visible change empties the
    // cache, and the baseline is read with the cache empty.
    await sendAll([...junk(300), ...distinct(1_500)]);
    const change = await fetch(`${server.url}/api/channels?status=published`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${statsToken}` },
      body: JSON.stringify({ data: { name: '缓存测试' } }),
    });
    expect(change.status).toBe(201);
    expect((await serverStats()).entries).toBe(0);
    const baseline = await memoryOf(server);
    expect(baseline.collected).toBe(true);

    await sendAll(junk(3_000));
    const afterJunk = await memoryOf(server);
    const junkStats = await serverStats();

    await sendAll(distinct(4_000));
    const afterDistinct = await memoryOf(server);
    const distinctStats = await serverStats();

    const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
    console.log(
      `response cache ${MAX_MB} MB: baseline rss ${mb(baseline.rss)} heap ${mb(baseline.heapUsed)} external ${mb(baseline.external)}; ` +
        `after 3,000 junk queries rss ${mb(afterJunk.rss)} heap ${mb(afterJunk.heapUsed)} (${junkStats.entries} entries, ${mb(junkStats.bytes)}); ` +
        `after 4,000 distinct queries rss ${mb(afterDistinct.rss)} heap ${mb(afterDistinct.heapUsed)} external ${mb(afterDistinct.external)} (${distinctStats.entries} entries, ${mb(distinctStats.bytes)}, ${distinctStats.evicted} evicted)`
    );
    // 3,000 query strings no route reads: one entry, the plain list's.
    expect(junkStats.entries).toBe(1);
    expect(distinctStats.evicted).toBeGreaterThan(0);
    expect(distinctStats.bytes).toBeLessThanOrEqual(MAX_MB * MB);
    expect(afterJunk.rss).toBeLessThan(baseline.rss + (MAX_MB + 40) * MB);
    expect(afterDistinct.rss).toBeLessThan(baseline.rss + (MAX_MB + 40) * MB);
    // What the JS heap holds is the tighter measure: the cache's count bounds it.
    expect(afterDistinct.heapUsed + afterDistinct.external).toBeLessThan(baseline.heapUsed + baseline.external + (MAX_MB + 4) * MB);
    // 8,800 requests to a child process: about 60 s alone, more beside the other half of the suite on two cores.
  }, 300_000);
});
