// Defects found while restructuring, each fixed and kept fixed: the breadcrumb's
// language when `fields` leaves out `locale`, feed URLs that follow the API prefix and
// always resolve, and a GraphQL click during shutdown that says so.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, BROWSER, graphql } from '../helpers/http';
import { getService } from '../../src/features/services';

let app: App;
const SAMPLE = 'gan-en-fen-jin-shi-gan-zheng-xian';

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await stopApp(app);
});

test('a breadcrumb requested with fields that leave out locale is in the requested language', async () => {
  const zh = await api(app).get(
    `/api/articles?filters[slug][$eq]=${SAMPLE}&fields[0]=title&locale=zh-Hans&populate[channel][fields][0]=name`
  );
  expect(zh.status).toBe(200);
  expect(zh.body.data[0].breadcrumb.map((item: { name: string }) => item.name)).toEqual(['首页', '工作动态', '上级工作动态']);
  const en = await api(app).get(`/api/articles?filters[slug][$eq]=${SAMPLE}&fields[0]=title&locale=en&populate[channel][fields][0]=name`);
  expect(en.body.data[0].breadcrumb[0].name).not.toBe('首页');
  const channels = await api(app).get('/api/channels?fields[0]=name&locale=zh-Hans');
  expect(channels.body.data.map((channel: { breadcrumb: Array<{ name: string }> }) => channel.breadcrumb[0].name)).toEqual(
    channels.body.data.map(() => '首页')
  );
});

test("a channel's feed URLs use its slug even when fields leave it out, and they answer", async () => {
  const res = await api(app).get('/api/channels?fields[0]=name&locale=zh-Hans');
  for (const channel of res.body.data as Array<{ feeds: { rss: string } }>) {
    const path = new URL(channel.feeds.rss).pathname;
    expect(path).toMatch(/^\/api\/channels\/[a-z0-9-]+\/feed\.rss$/);
    expect((await api(app).get(path).set('User-Agent', BROWSER)).status).toBe(200);
  }
});

test('feed URLs follow api.rest.prefix', () => {
  app.config.set('api.rest.prefix', '/content');
  try {
    const urls = getService(app, 'feed').urls('https://cms.example.gov.cn', 'tong-zhi', 'en', 'zh-Hans');
    expect(urls.rss).toBe('https://cms.example.gov.cn/content/channels/tong-zhi/feed.rss?locale=en');
    expect(getService(app, 'feed').urls('https://cms.example.gov.cn', null, 'zh-Hans', 'zh-Hans').atom).toBe(
      'https://cms.example.gov.cn/content/feeds/articles.atom'
    );
  } finally {
    app.config.set('api.rest.prefix', '/api');
  }
});

test('a GraphQL click while the server shuts down says so (503), not a generic failure', async () => {
  const [article] = await app.documents('api::article.article').findMany({ status: 'published', limit: 1 });
  await getService(app, 'clicks').stop();
  const res = await graphql(app, `mutation { registerArticleClick(documentId: "${article.documentId}") { total counted } }`);
  expect(res.body.errors[0].message).toBe('Shutting down, try again');
  expect(res.body.errors[0].extensions.code).toBe('STRAPI_SERVICE_UNAVAILABLE_ERROR');
});
