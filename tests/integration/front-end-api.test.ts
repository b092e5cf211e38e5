// What a front-end developer asked for: an article by its slug without a filter array,
// and the article list of a channel with its sub-channels (`?channel=`), both only
// published and both held to the public query limits.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api } from '../helpers/http';
import { getService } from '../../src/features/services';

const SAMPLE = 'gan-en-fen-jin-shi-gan-zheng-xian';
const ARTICLE = 'api::article.article';
let app: App;

beforeAll(async () => {
  app = await startApp();
});
afterAll(() => stopApp(app));

describe('GET /api/articles/by-slug/:slug', () => {
  test('answers the published article with what findOne gives (populate, breadcrumb, clicks), in the asked locale', async () => {
    const res = await api(app).get(`/api/articles/by-slug/${SAMPLE}`);
    expect([res.status, res.body.error]).toEqual([200, undefined]);
    expect(res.body.data).toMatchObject({ slug: SAMPLE, title: '感恩奋进 实干争先', locale: 'zh-Hans' });
    expect(res.body.data.quotes.length).toBeGreaterThan(0);
    expect(res.body.data.breadcrumb.map((item: { name: string }) => item.name)).toEqual(['首页', '工作动态', '上级工作动态']);
    expect(res.body.data.clickCount).toEqual(expect.any(Number));
    const en = await api(app).get(`/api/articles/by-slug/${SAMPLE}?locale=en&fields[0]=title`);
    expect(en.status).toBe(200);
    expect(en.body.data.title).not.toBe('感恩奋进 实干争先');
  });

  test('a draft, an unknown slug and a malformed one are not found or refused', async () => {
    await app.documents(ARTICLE).create({ locale: 'zh-Hans', data: { title: '仅草稿', slug: 'jin-cao-gao' } });
    expect((await api(app).get('/api/articles/by-slug/jin-cao-gao')).status).toBe(404);
    expect((await api(app).get('/api/articles/by-slug/jin-cao-gao?status=draft')).status).toBe(403);
    expect((await api(app).get('/api/articles/by-slug/no-such-article')).status).toBe(404);
    const bad = await api(app).get(`/api/articles/by-slug/${encodeURIComponent('../../admin')}`);
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
  });

  test('is held to the public query limits', async () => {
    const res = await api(app).get(`/api/articles/by-slug/${SAMPLE}?populate[quotes][populate][article][populate][quotes]=true`);
    expect([res.status, res.body.error?.name]).toEqual([400, 'ValidationError']);
  });
});

describe('GET /api/articles?channel=<slug>', () => {
  test('lists the channel and its sub-channels, and nothing else', async () => {
    const parent = await api(app).get('/api/articles?channel=gong-zuo-dong-tai&fields[0]=slug&populate[channel][fields][0]=slug');
    expect([parent.status, parent.body.error]).toEqual([200, undefined]);
    expect(parent.body.data.map((a: { slug: string }) => a.slug)).toContain(SAMPLE);
    // A sibling channel with its own article: each list holds only its own.
    const root = (await app.db.query('api::channel.channel').findOne({ where: { slug: 'shou-ye', locale: 'zh-Hans' } })) as {
      documentId: string;
    };
    const notices = await app.documents('api::channel.channel').create({
      locale: 'zh-Hans',
      data: { name: '通知公告', slug: 'tong-zhi-gong-gao', parent: { documentId: root.documentId, locale: 'zh-Hans' } },
      status: 'published',
    });
    await app.documents(ARTICLE).create({
      locale: 'zh-Hans',
      data: { title: '放假通知', slug: 'fang-jia-tong-zhi', channel: { documentId: notices.documentId, locale: 'zh-Hans' } },
      status: 'published',
    });
    const slugsOf = async (channel: string) =>
      (await api(app).get(`/api/articles?channel=${channel}&fields[0]=slug`)).body.data.map((a: { slug: string }) => a.slug);
    expect(await slugsOf('tong-zhi-gong-gao')).toEqual(['fang-jia-tong-zhi']);
    expect(await slugsOf('gong-zuo-dong-tai')).not.toContain('fang-jia-tong-zhi');
    expect(await slugsOf('shou-ye')).toEqual(expect.arrayContaining([SAMPLE, 'fang-jia-tong-zhi']));
  });

  test('combines with the caller’s filters, and an unknown or malformed channel answers 404 / 400', async () => {
    const both = await api(app).get(`/api/articles?channel=gong-zuo-dong-tai&filters[slug][$eq]=no-such&fields[0]=slug`);
    expect([both.status, both.body.data]).toEqual([200, []]);
    const unknown = await api(app).get('/api/articles?channel=no-such-channel');
    expect([unknown.status, unknown.body.error?.name]).toEqual([404, 'NotFoundError']);
    const bad = await api(app).get('/api/articles?channel[$ne]=x');
    expect([bad.status, bad.body.error?.name]).toEqual([400, 'ValidationError']);
  });
});

test('popular honours fields: no full bodies unless asked for', async () => {
  await app.documents(ARTICLE).create({
    locale: 'zh-Hans',
    data: { title: '点击排行稿件', body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }], legacyClickCount: 5 },
    status: 'published',
  });
  getService(app, 'clicks').forget();
  const all = await api(app).get('/api/articles/popular?period=all');
  expect(all.status).toBe(200);
  expect(all.body.data.length).toBeGreaterThan(0);
  expect(all.body.data[0].body).toBeDefined();
  const slim = await api(app).get('/api/articles/popular?period=all&fields[0]=title&fields[1]=slug');
  expect(slim.status).toBe(200);
  expect(slim.body.data[0]).toMatchObject({ title: expect.any(String), slug: expect.any(String), clickCount: expect.any(Number) });
  expect(slim.body.data[0].body).toBeUndefined();
  expect(slim.body.data[0].summary).toBeUndefined();
  const bad = await api(app).get('/api/articles/popular?period=all&fields[0]=nosuchfield');
  expect([bad.status, bad.body.error?.name]).toEqual([400, 'ValidationError']);
});
