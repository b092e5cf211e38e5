// Click counts (点击率) as a front end and an editor see them. Dedupe and rate limit
// are off here (see click-guards.test.ts for them) so counts can be exact.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, BROWSER, graphql, readJson } from '../helpers/http';
import { listen } from '../helpers/listen';

let app: App;
let base: string;
let sampleId: string;

beforeAll(async () => {
  app = await startApp({ CLICK_DEDUPE_WINDOW_S: '0', CLICK_RATE_LIMIT_PER_MIN: '0', CLICK_COMMIT_WAIT_MS: '2' });
  base = await listen(app);
  sampleId = (await app.documents('api::article.article').findFirst({ filters: { slug: 'gan-en-fen-jin-shi-gan-zheng-xian' } }))!
    .documentId;
});
afterAll(async () => {
  await stopApp(app);
});

const click = (documentId: string, init: RequestInit & { query?: string } = {}) =>
  fetch(`${base}/api/articles/${documentId}/clicks${init.query ?? ''}`, {
    method: 'POST',
    ...init,
    headers: { 'User-Agent': BROWSER, ...(init.headers as Record<string, string>) },
  });
type ClickBody = { data: { documentId: string; total: number; counted: boolean } };
const body = async (res: Response) => (await readJson(res)) as ClickBody;
const flush = () => (app.service('api::article.clicks') as unknown as { flush: () => Promise<void> }).flush();
const storedCount = async (documentId: string) =>
  Number((await app.db.connection('article_clicks').where('document_id', documentId).sum({ n: 'count' }))[0].n ?? 0);
const total = async (documentId: string) => (await api(app).get(`/api/articles/${documentId}/clicks`)).body.data.total as number;

const newArticle = async (title: string, extra: Record<string, unknown> = {}) =>
  app.documents('api::article.article').create({ locale: 'zh-Hans', data: { title, ...extra }, status: 'published' });

describe('POST /api/articles/:documentId/clicks', () => {
  test('2,000 concurrent clicks on one article count exactly 2,000', async () => {
    const article = await newArticle('并发点击');
    const responses = await Promise.all(Array.from({ length: 2000 }, () => click(article.documentId)));
    expect(responses.every((res) => res.status === 202)).toBe(true);
    const bodies = await Promise.all(responses.map(readJson));
    expect(Math.max(...bodies.map((body) => body.data.total))).toBe(2000);
    await flush();
    expect(await storedCount(article.documentId)).toBe(2000);
    expect(await total(article.documentId)).toBe(2000);
  });

  test('answers 202 with the new total, and ignores whatever the body holds', async () => {
    const article = await newArticle('点击回应');
    const first = await click(article.documentId, {
      body: '{"total": 999999, "documentId": "x"}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(first.status).toBe(202);
    expect(await readJson(first)).toEqual({ data: { documentId: article.documentId, total: 1, counted: true } });
    const beacon = await click(article.documentId, { body: 'not json at all', headers: { 'Content-Type': 'text/plain;charset=UTF-8' } });
    expect((await readJson(beacon)).data.total).toBe(2);
  });

  test('a draft-only or unknown article answers 404 and writes nothing; a malformed id answers 400', async () => {
    const draft = await app.documents('api::article.article').create({ locale: 'zh-Hans', data: { title: '未发布' } });
    for (const id of [draft.documentId, 'abcdefghijklmnopqrstuvwx']) {
      const res = await click(id);
      expect(res.status).toBe(404);
      expect((await readJson(res)).error).toMatchObject({ status: 404, name: 'NotFoundError' });
    }
    for (const id of ['short', 'UPPERCASEUPPERCASEUPPERC', 'a'.repeat(25), '%E0%A4%A', "x'%20OR%201=1"]) {
      const res = await click(id);
      expect(res.status).toBe(400);
      expect((await readJson(res)).error).toMatchObject({ status: 400, name: 'ValidationError' });
    }
    expect((await click(sampleId, { query: '?locale=xx' })).status).toBe(404);
    await flush();
    expect(await storedCount(draft.documentId)).toBe(0);
    expect(await storedCount('abcdefghijklmnopqrstuvwx')).toBe(0);
  });

  test('counts survive re-publishing, a new locale, and unpublish + re-publish', async () => {
    const articles = app.documents('api::article.article');
    const article = await newArticle('计数不丢');
    for (let i = 0; i < 5; i += 1) await click(article.documentId);
    await flush();
    await articles.update({ documentId: article.documentId, locale: 'zh-Hans', data: { summary: '改了' }, status: 'published' });
    expect(await total(article.documentId)).toBe(5);
    await articles.update({ documentId: article.documentId, locale: 'en', data: { title: 'Counts are kept' }, status: 'published' });
    expect((await click(article.documentId, { query: '?locale=en' })).status).toBe(202);
    expect(await total(article.documentId)).toBe(6);
    await articles.unpublish({ documentId: article.documentId, locale: '*' });
    expect((await click(article.documentId)).status).toBe(404);
    expect((await api(app).get(`/api/articles/${article.documentId}/clicks`)).status).toBe(404);
    await articles.publish({ documentId: article.documentId, locale: 'zh-Hans' });
    expect(await total(article.documentId)).toBe(6);
    await flush();
    const perLocale = (await app.db
      .connection('article_clicks')
      .where('document_id', article.documentId)
      .select('locale')
      .sum({ n: 'count' })
      .groupBy('locale')) as Array<{ locale: string; n: number }>;
    expect(Object.fromEntries(perLocale.map((row) => [row.locale, Number(row.n)]))).toEqual({ 'zh-Hans': 5, en: 1 });
  });

  test('a legacy starting count (the old page 点击率) is added to the total', async () => {
    const article = await newArticle('旧网页迁移', { legacyClickCount: 1234 });
    const res = await click(article.documentId);
    expect((await body(res)).data.total).toBe(1235);
  });

  test('CORS: a preflight from another origin is answered, and the click carries the CORS header', async () => {
    const preflight = await fetch(`${base}/api/articles/${sampleId}/clicks`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://www.example.gov.cn',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://www.example.gov.cn');
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const res = await click(sampleId, { headers: { Origin: 'https://www.example.gov.cn' } });
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://www.example.gov.cn');
  });

  test('the same answer comes through the full stack when the caller is authenticated', async () => {
    const token = await app.service('admin::api-token').create({ name: 'clicker', type: 'full-access', lifespan: null });
    const article = await newArticle('完整路径');
    const res = await click(article.documentId, { headers: { Authorization: `Bearer ${token.accessKey}` } });
    expect(res.status).toBe(202);
    expect((await body(res)).data).toEqual({ documentId: article.documentId, total: 1, counted: true });
  });
});

describe('reading counts', () => {
  test('GET clicks gives total, today and a 30-day daily series', async () => {
    const article = await newArticle('统计');
    for (let i = 0; i < 3; i += 1) await click(article.documentId);
    const res = await api(app).get(`/api/articles/${article.documentId}/clicks`);
    expect(res.status).toBe(200);
    expect(res.body.data.total).toBe(3);
    expect(res.body.data.today).toBe(3);
    expect(res.body.data.days).toHaveLength(30);
    expect(res.body.data.days[29]).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), count: 3 });
    expect(res.body.data.days.slice(0, 29).every((day: { count: number }) => day.count === 0)).toBe(true);
  });

  test('article find and findOne carry clickCount', async () => {
    const article = await newArticle('带计数');
    await click(article.documentId);
    await click(article.documentId);
    const one = await api(app).get(`/api/articles/${article.documentId}`);
    expect(one.body.data.clickCount).toBe(2);
    const list = await api(app).get('/api/articles').query({ 'filters[documentId][$eq]': article.documentId });
    expect(list.body.data[0].clickCount).toBe(2);
  });

  test('GraphQL: Article.clickCount and the registerArticleClick mutation', async () => {
    const article = await newArticle('图形接口');
    const mutation = await graphql(app, 'mutation($id: ID!) { registerArticleClick(documentId: $id) { documentId total counted } }', {
      id: article.documentId,
    });
    expect(mutation.body.errors).toBeUndefined();
    expect(mutation.body.data.registerArticleClick).toEqual({ documentId: article.documentId, total: 1, counted: true });
    const query = await graphql(app, 'query($id: ID!) { article(documentId: $id) { clickCount } }', { id: article.documentId });
    expect(query.body.data.article.clickCount).toBe(1);
    const missing = await graphql(app, 'mutation { registerArticleClick(documentId: "abcdefghijklmnopqrstuvwx") { total } }');
    expect(missing.body.errors[0].extensions.error.name).toBe('NotFoundError');
  });
});

describe('most-read list (点击排行)', () => {
  const daysAgo = (n: number) => {
    const day = new Date(Date.now() + 8 * 3600_000 - n * 86_400_000); // the newsroom's day (Asia/Shanghai)
    return day.toISOString().slice(0, 10);
  };

  test('orders by the clicks of the period, lists no draft, and filters by channel subtree', async () => {
    const channels = app.documents('api::channel.channel');
    const [work] = await channels.findMany({ filters: { slug: 'gong-zuo-dong-tai' } });
    const recent = await newArticle('近期热门', { channel: work.documentId });
    const older = await newArticle('上月热门');
    const hidden = await newArticle('已撤下热门');
    await app.db.connection('article_clicks').insert([
      { document_id: recent.documentId, locale: 'zh-Hans', day: daysAgo(0), count: 10000 },
      { document_id: older.documentId, locale: 'zh-Hans', day: daysAgo(10), count: 50000 },
      { document_id: hidden.documentId, locale: 'zh-Hans', day: daysAgo(0), count: 90000 },
    ]);
    await app.documents('api::article.article').unpublish({ documentId: hidden.documentId, locale: '*' });
    await app.documents('api::article.article').update({ documentId: hidden.documentId, locale: 'zh-Hans', data: { title: '草稿热门' } });
    (app.service('api::article.clicks') as unknown as { forget: () => void }).forget();

    const ids = async (query: string) => {
      const res = await api(app).get(`/api/articles/popular?${query}`);
      expect(res.status).toBe(200);
      return res.body.data.map((entry: { documentId: string }) => entry.documentId) as string[];
    };
    const day = await ids('period=day&limit=50');
    expect(day[0]).toBe(recent.documentId);
    expect(day).not.toContain(older.documentId);
    const month = await ids('period=month&limit=50');
    expect(month.slice(0, 2)).toEqual([older.documentId, recent.documentId]);
    expect(await ids('period=week&limit=50')).not.toContain(older.documentId);
    for (const period of ['day', 'week', 'month', 'all']) expect(await ids(`period=${period}&limit=50`)).not.toContain(hidden.documentId);
    const underWork = await ids('period=month&channel=gong-zuo-dong-tai&limit=50');
    // The sample article sits in a sub-channel (上级工作动态) and was clicked above.
    expect(underWork).toEqual([recent.documentId, sampleId]);
    const first = await api(app).get('/api/articles/popular?period=month&limit=1');
    expect(first.body.data).toHaveLength(1);
    expect(first.body.data[0]).toMatchObject({ documentId: older.documentId, clickCount: 50000, title: '上月热门' });

    const gql = await graphql(app, '{ popularArticles(period: month, limit: 2) { documentId title clickCount } }');
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.popularArticles.map((a: { documentId: string }) => a.documentId)).toEqual([older.documentId, recent.documentId]);
    // Both APIs take the same periods and give the same counts: the period's, not the total.
    for (const period of ['day', 'week', 'month', 'all']) {
      const rest = await api(app).get(`/api/articles/popular?period=${period}&limit=5&fields[0]=title`);
      const viaGraphql = await graphql(app, `{ popularArticles(period: ${period}, limit: 5) { documentId clickCount } }`);
      const pairs = (list: Array<{ documentId: string; clickCount: number }>) => list.map((a) => [a.documentId, a.clickCount]);
      expect(pairs(viaGraphql.body.data.popularArticles)).toEqual(pairs(rest.body.data));
    }
  });

  test.each(['period=year', 'limit=0', 'limit=51', 'limit=abc', 'locale=xx', 'channel[$ne]=x'])(
    'bad query %s answers 400',
    async (query) => {
      const res = await api(app).get(`/api/articles/popular?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
  );

  test('an unknown channel answers 404', async () => {
    const res = await api(app).get('/api/articles/popular?channel=no-such-channel');
    expect(res.status).toBe(404);
  });
});

test('GraphQL lists carry each article its own clickCount', async () => {
  const first = await newArticle('列表计数一');
  const second = await newArticle('列表计数二');
  await click(first.documentId);
  for (let i = 0; i < 3; i += 1) await click(second.documentId);
  const res = await graphql(app, '{ articles(filters: { title: { startsWith: "列表计数" } }, sort: "title:asc") { title clickCount } }');
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.articles).toEqual([
    { title: '列表计数一', clickCount: 1 },
    { title: '列表计数二', clickCount: 3 },
  ]);
});
