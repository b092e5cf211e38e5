// The rules that keep 点击率 honest: one count per visitor per window, no bots, a
// per-IP rate limit, and no personal data at rest.
import fs from 'fs';
import { startApp, stopApp, usingPostgres, type App } from '../helpers/strapi';
import { BROWSER, readJson } from '../helpers/http';
import { listen } from '../helpers/listen';
import { withDateNowAhead } from '../helpers/wait';

let app: App;
let base: string;
let articleId: string;

const RATE = 40;

beforeAll(async () => {
  app = await startApp({ CLICK_DEDUPE_WINDOW_S: '2', CLICK_RATE_LIMIT_PER_MIN: String(RATE), CLICK_COMMIT_WAIT_MS: '2' });
  base = await listen(app);
  articleId = (await app.documents('api::article.article').findFirst({}))!.documentId;
});
afterAll(async () => {
  await stopApp(app);
});

const click = async (userAgent: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}/api/articles/${articleId}/clicks`, { method: 'POST', headers: { 'User-Agent': userAgent, ...headers } });
  return { status: res.status, headers: res.headers, body: (await readJson(res)) as { data: { counted: boolean; total: number } } };
};

test('a repeat view by the same visitor within the window is not counted again; after it, it is', async () => {
  const first = await click(`${BROWSER} visitor-a`);
  expect(first.body.data.counted).toBe(true);
  const again = await click(`${BROWSER} visitor-a`);
  expect(again.status).toBe(202);
  expect(again.body.data).toMatchObject({ counted: false, total: first.body.data.total });
  const other = await click(`${BROWSER} visitor-b`);
  expect(other.body.data).toMatchObject({ counted: true, total: first.body.data.total + 1 });
  // After the window: the in-memory dedupe reads Date.now, moved past the window's end for this click.
  const later = await withDateNowAhead(2100, () => click(`${BROWSER} visitor-a`));
  expect(later.body.data).toMatchObject({ counted: true, total: first.body.data.total + 2 });
});

test('a click whose write fails is answered 503 and not counted; its retry counts once the database is back', async () => {
  const knex = app.db.connection;
  const before = (await click(`${BROWSER} write-fails-probe`)).body.data.total;
  // The table the click is written to goes away (a full disk or a lost database behaves the same).
  await knex.schema.renameTable('article_clicks', 'article_clicks_away');
  let refused;
  try {
    refused = await click(`${BROWSER} write-fails`);
  } finally {
    await knex.schema.renameTable('article_clicks_away', 'article_clicks');
  }
  expect(refused.status).toBe(503);
  expect(refused.body).toEqual({
    data: null,
    error: { status: 503, name: 'ServiceUnavailableError', message: 'The click could not be stored, try again', details: {} },
  });
  // Nothing half-written, and the same visitor's retry is not taken for a repeat view.
  const retry = await click(`${BROWSER} write-fails`);
  expect(retry.status).toBe(202);
  expect(retry.body.data).toMatchObject({ counted: true, total: before + 1 });
  const [row] = await knex('article_clicks').where('document_id', articleId).sum({ n: 'count' });
  const legacy =
    (await app.documents('api::article.article').findOne({ documentId: articleId, status: 'published' }))!.legacyClickCount ?? 0;
  expect(Number(row.n) + Number(legacy)).toBe(before + 1);
});

test.each([
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
  'Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)',
  'curl/8.5.0',
  '',
])('the bot %p is answered but not counted', async (userAgent) => {
  const before = (await click(`${BROWSER} bot-check-${userAgent.length}`)).body.data.total;
  const res = await click(userAgent);
  expect(res.status).toBe(202);
  expect(res.body.data).toMatchObject({ counted: false, total: before });
});

test('no IP address or user agent is stored', async () => {
  await click(`${BROWSER} unmistakable-visitor-1234567`);
  await (app.service('api::article.clicks') as unknown as { flush: () => Promise<void> }).flush();
  const columns = Object.keys(await app.db.connection('article_clicks').columnInfo());
  expect(columns.sort()).toEqual(['count', 'day', 'document_id', 'locale']);
  if (usingPostgres()) return; // the column list above is the whole story there
  const file = process.env.DATABASE_FILENAME!;
  const bytes = Buffer.concat([fs.readFileSync(file), fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
  expect(bytes.includes(Buffer.from('unmistakable-visitor'))).toBe(false);
  expect(bytes.includes(Buffer.from('127.0.0.1'))).toBe(false);
});

test('past the per-IP limit: 429 with Retry-After, in Strapi error shape; X-Forwarded-For cannot dodge it without proxy trust', async () => {
  let limited: Awaited<ReturnType<typeof click>> | null = null;
  for (let i = 0; i < RATE + 5 && !limited; i += 1) {
    const res = await click(`${BROWSER} flood-${i}`, { 'X-Forwarded-For': `203.0.113.${i}` });
    if (res.status === 429) limited = res;
  }
  expect(limited).not.toBeNull();
  expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(Number(limited!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  expect(limited!.body).toEqual({
    data: null,
    error: { status: 429, name: 'RateLimitError', message: expect.any(String), details: {} },
  });
});
