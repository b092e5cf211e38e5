// The features' admin routes (#28: declared on each feature, mounted under /admin by the
// composer): every one answers 401 in Strapi's error shape to a caller without an admin
// session, whatever the method, and answers JSON (not the admin's HTML) to one with it.
// The registry route gives the admin panels the types they used to keep copies of.
import { FEATURES } from '../../src/features';
import { editorWithRole } from '../helpers/admin';
import { api } from '../helpers/http';
import { startApp, stopApp, type App } from '../helpers/strapi';

const ROUTES = FEATURES.flatMap((feature) => (feature.adminRoutes ?? []).map((route) => ({ feature: feature.name, ...route })));
const urlOf = (path: string) => `/admin${path.replace(/:(\w+)/g, 'no-such-$1')}`;
const call = (app: App, method: string, url: string) => {
  const client = api(app);
  return method === 'GET'
    ? client.get(url)
    : method === 'POST'
      ? client.post(url)
      : method === 'PUT'
        ? client.put(url)
        : client.delete(url);
};

let app: App;
let writer: string;

beforeAll(async () => {
  app = await startApp({ REVIEW_REQUIRED: 'true' });
  writer = (await editorWithRole(app, '撰稿', { email: 'routes-writer@example.gov.cn', firstname: '撰稿', password: 'Writer-Passw0rd' }))
    .token;
});

afterAll(async () => {
  await stopApp(app);
});

test('the features declare their admin routes (review, inspection, audit, freshness, import, rebuild, platform, versions)', () => {
  expect(new Set(ROUTES.map((route) => route.feature))).toEqual(
    new Set(['review', 'inspection', 'audit', 'freshness', 'import', 'rebuild', 'platform', 'versions'])
  );
  for (const route of ROUTES) expect(route.config.policies).toContain('admin::isAuthenticatedAdmin');
});

test.each(ROUTES.map((route) => [route.method, route.path]))('%s %s answers 401 without an admin session', async (method, path) => {
  const res = await call(app, method, urlOf(path));
  expect(res.status).toBe(401);
  expect(res.headers['content-type']).toMatch(/json/);
  expect(res.body.error).toEqual(expect.objectContaining({ status: 401, name: 'UnauthorizedError' }));
});

test.each(ROUTES.map((route) => [route.method, route.path]))('%s %s answers JSON to a signed-in editor', async (method, path) => {
  const res = await call(app, method, urlOf(path)).set('Authorization', `Bearer ${writer}`);
  expect(res.status).not.toBe(401);
  expect(res.status).toBeLessThan(500);
  expect(res.headers['content-type']).toMatch(/json/);
});

test('GET /admin/newsroom/types gives the registry: labels, review mode, checks, feed, versions', async () => {
  const res = await api(app).get('/admin/newsroom/types').set('Authorization', `Bearer ${writer}`);
  expect(res.status).toBe(200);
  const article = res.body.data.find((type: { uid: string }) => type.uid === 'api::article.article');
  expect(article).toEqual(expect.objectContaining({ review: 'own', inspected: true, feed: expect.objectContaining({ name: 'articles' }) }));
  expect(article.labels.zh).toBeTruthy();
  // Which types keep 版本记录 (draft & publish): the 版本记录 panel shows only on those, so
  // a word-list entry's edit view asks for no versions (the server would answer 400).
  const versioned = (uid: string) => res.body.data.find((type: { uid: string }) => type.uid === uid)?.versioned;
  expect(versioned('api::article.article')).toBe(true);
  expect(versioned('api::inspection.inspection-term')).toBe(false);
  // Internal types (review records, audit entries) are not types editors see here.
  const uids = res.body.data.map((type: { uid: string }) => type.uid);
  expect(uids).not.toContain('api::audit.audit-entry');
});
