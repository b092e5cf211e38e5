// CDN-friendly headers on anonymous content-API reads: an ETag, a 304 for a matching
// If-None-Match, Cache-Control a shared cache may follow, a new ETag once a publish
// changes the answer, and nothing cacheable for a request with credentials.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api } from '../helpers/http';

let app: App;
const LIST = '/api/articles?fields[0]=title&fields[1]=slug&pagination[pageSize]=5';

beforeAll(async () => {
  app = await startApp();
});
afterAll(() => stopApp(app));

test('an anonymous read carries an ETag and Cache-Control, and a matching If-None-Match gets a 304 with no body', async () => {
  const first = await api(app).get(LIST);
  expect(first.status).toBe(200);
  expect(first.headers.etag).toMatch(/^W\/"[\w-]+"$/);
  expect(first.headers['cache-control']).toBe('public, max-age=0, s-maxage=30');
  // Browsers honour stale-while-revalidate too: it goes to CDNs only.
  expect(first.headers['cdn-cache-control']).toBe('max-age=30, stale-while-revalidate=30');
  expect(first.headers['content-type']).toMatch(/application\/json/);
  expect(first.body.data.length).toBeGreaterThan(0);
  const again = await api(app).get(LIST).set('If-None-Match', first.headers.etag);
  expect(again.status).toBe(304);
  expect(again.text ?? '').toBe('');
  const other = await api(app).get(LIST).set('If-None-Match', 'W/"something-else"');
  expect(other.status).toBe(200);
});

test('a publish that changes the answer changes its ETag', async () => {
  const before = await api(app).get(LIST);
  await app.documents('api::article.article').create({ locale: 'zh-Hans', data: { title: '缓存验证新稿' }, status: 'published' });
  const after = await api(app).get(LIST).set('If-None-Match', before.headers.etag);
  expect(after.status).toBe(200);
  expect(after.headers.etag).not.toBe(before.headers.etag);
  expect(after.body.data.map((a: { title: string }) => a.title)).toContain('缓存验证新稿');
});

test('with credentials nothing is cacheable; errors and feeds keep their own headers', async () => {
  const token = await app.service('admin::api-token').create({ name: 'preview-cache', type: 'read-only', lifespan: null });
  const preview = await api(app).get('/api/articles?status=draft').set('Authorization', `Bearer ${token.accessKey}`);
  expect(preview.status).toBe(200);
  expect(preview.headers['cache-control']).toBe('private, no-store');
  expect(preview.headers.etag).toBeUndefined();
  const missing = await api(app).get('/api/articles/nosuchdocumentid0000000');
  expect(missing.status).toBe(404);
  expect(missing.headers.etag).toBeUndefined();
  const feed = await api(app).get('/api/feeds/articles.rss');
  expect(feed.status).toBe(200);
  expect(feed.headers['cdn-cache-control']).toBeUndefined();
});
