// The public response cache as front ends meet it: a second read is answered from memory
// (X-Cache: HIT) with the same bytes, a publish, unpublish or delete made in the admin
// panel shows at once, click totals stay current on a hit, drafts and credentials never
// touch the cache, GraphQL queries (GET and POST) are cached and mutations are not, the
// memory is bounded, and a CDN is told what to purge, signed.
import crypto from 'crypto';
import knexFactory from 'knex';
import { Webhook } from 'standardwebhooks';
import { adminToken } from '../helpers/admin';
import { api, BROWSER, graphql } from '../helpers/http';
import { Receiver } from '../helpers/receiver';
import { waitFor } from '../helpers/wait';
import { startApp, stopApp, usingPostgres, type App } from '../helpers/strapi';

const CM = '/content-manager/collection-types/api::article.article';
const SECRET = `whsec_${crypto.randomBytes(32).toString('base64')}`;
const LIST = '/api/articles?fields[0]=title&pagination[pageSize]=25';

let app: App;
let receiver: Receiver;
let admin: string;

beforeAll(async () => {
  receiver = await new Receiver().start();
  app = await startApp({ CACHE_PURGE_URL: receiver.url, CACHE_PURGE_SECRET: SECRET, CLICK_DEDUPE_WINDOW_S: '0' });
  admin = await adminToken(app, 'cache-editor@example.gov.cn');
});
afterAll(async () => {
  await stopApp(app);
  await receiver.down();
});

const cm = () => ({
  post: (path: string, body: object = {}) => api(app).post(`${CM}${path}`).set('Authorization', `Bearer ${admin}`).send(body),
  put: (path: string, body: object) => api(app).put(`${CM}${path}`).set('Authorization', `Bearer ${admin}`).send(body),
  del: (path: string) => api(app).delete(`${CM}${path}`).set('Authorization', `Bearer ${admin}`),
});

const titles = (res: { body: { data: Array<{ title: string }> } }) => res.body.data.map((article) => article.title);

/** A draft made by an editor in the admin panel, not yet published. */
const draft = async (title: string) => {
  const res = await cm().post('?locale=zh-Hans', { title });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};

test('a second anonymous read is a hit: the same bytes and ETag, a 304 when asked, HEAD too', async () => {
  const first = await api(app).get(LIST);
  expect(first.status).toBe(200);
  expect(first.headers['x-cache']).toBe('MISS');
  const second = await api(app).get(LIST);
  expect(second.headers['x-cache']).toBe('HIT');
  expect(second.text).toBe(first.text);
  expect(second.headers.etag).toBe(first.headers.etag);
  expect(second.headers['cache-control']).toBe(first.headers['cache-control']);
  expect(second.headers['surrogate-key']).toBe(first.headers['surrogate-key']);
  expect(second.headers['x-content-type-options']).toBe('nosniff');
  const notModified = await api(app).get(LIST).set('If-None-Match', first.headers.etag);
  expect(notModified.status).toBe(304);
  expect(notModified.headers['x-cache']).toBe('HIT');
  const head = await api(app).head(LIST);
  expect(head.status).toBe(200);
  expect(head.headers['x-cache']).toBe('HIT');
  // CORS still answers on a hit.
  const cors = await api(app).get(LIST).set('Origin', 'https://news.example.gov.cn');
  expect(cors.headers['access-control-allow-origin']).toBeDefined();
});

test('publish, unpublish and delete in the admin panel show on the next read; a draft never does', async () => {
  await api(app).get(LIST);
  expect((await api(app).get(LIST)).headers['x-cache']).toBe('HIT');
  const documentId = await draft('缓存草稿不可见');
  // A draft save leaves the public answer as it was.
  const afterDraft = await api(app).get(LIST);
  expect(titles(afterDraft)).not.toContain('缓存草稿不可见');
  expect((await api(app).get(`/api/articles/${documentId}`)).status).toBe(404);

  expect((await cm().post(`/${documentId}/actions/publish?locale=zh-Hans`)).status).toBe(200);
  const published = await api(app).get(LIST);
  expect(published.headers['x-cache']).toBe('MISS');
  expect(titles(published)).toContain('缓存草稿不可见');
  const one = await api(app).get(`/api/articles/${documentId}`);
  expect(one.status).toBe(200);
  expect((await api(app).get(`/api/articles/${documentId}`)).headers['x-cache']).toBe('HIT');

  // An edit saved as a draft does not show; published, it does.
  expect((await cm().put(`/${documentId}?locale=zh-Hans`, { title: '缓存草稿已改' })).status).toBe(200);
  expect((await api(app).get(`/api/articles/${documentId}`)).body.data.title).toBe('缓存草稿不可见');
  expect((await cm().post(`/${documentId}/actions/publish?locale=zh-Hans`)).status).toBe(200);
  expect((await api(app).get(`/api/articles/${documentId}`)).body.data.title).toBe('缓存草稿已改');

  expect((await cm().post(`/${documentId}/actions/unpublish?locale=zh-Hans`)).status).toBe(200);
  expect((await api(app).get(`/api/articles/${documentId}`)).status).toBe(404);
  expect(titles(await api(app).get(LIST))).not.toContain('缓存草稿已改');

  expect((await cm().post(`/${documentId}/actions/publish?locale=zh-Hans`)).status).toBe(200);
  expect(titles(await api(app).get(LIST))).toContain('缓存草稿已改');
  expect((await cm().del(`/${documentId}?locale=zh-Hans`)).status).toBe(200);
  expect(titles(await api(app).get(LIST))).not.toContain('缓存草稿已改');
  expect((await api(app).get(`/api/articles/${documentId}`)).status).toBe(404);
});

test('a cached article answer carries the current click total, with a new ETag', async () => {
  const [article] = (await api(app).get('/api/articles?fields[0]=title&pagination[pageSize]=1')).body.data;
  const path = `/api/articles/${article.documentId}?fields[0]=title`;
  await api(app).get(path);
  const before = await api(app).get(path);
  expect(before.headers['x-cache']).toBe('HIT');
  const click = await api(app).post(`/api/articles/${article.documentId}/clicks`).set('User-Agent', BROWSER);
  expect(click.status).toBe(202);
  const after = await api(app).get(path);
  expect(after.headers['x-cache']).toBe('HIT');
  expect(after.body.data.clickCount).toBe(before.body.data.clickCount + 1);
  expect(after.body.data.clickCount).toBe(click.body.data.total);
  expect(after.headers.etag).not.toBe(before.headers.etag);
  expect((await api(app).get(path).set('If-None-Match', before.headers.etag)).status).toBe(200);
});

test('requests with credentials are neither served from nor stored in the cache', async () => {
  const token = await app.service('admin::api-token').create({ name: 'cache-reader', type: 'read-only', lifespan: null });
  await api(app).get(LIST);
  const withToken = await api(app).get(LIST).set('Authorization', `Bearer ${token.accessKey}`);
  expect(withToken.status).toBe(200);
  expect(withToken.headers['x-cache']).toBeUndefined();
  expect(withToken.headers['cache-control']).toBe('private, no-store');
  // A draft read with the token is not kept for anonymous readers.
  const id = await draft('带令牌的草稿');
  const drafts = await api(app).get('/api/articles?status=draft&fields[0]=title').set('Authorization', `Bearer ${token.accessKey}`);
  expect(titles(drafts)).toContain('带令牌的草稿');
  const anonymous = await api(app).get('/api/articles?status=draft&fields[0]=title');
  expect(anonymous.status).toBeGreaterThanOrEqual(400);
  expect(anonymous.text).not.toContain('带令牌的草稿');
  expect(titles(await api(app).get('/api/articles?fields[0]=title&pagination[pageSize]=25'))).not.toContain('带令牌的草稿');
  expect((await api(app).get(`/api/articles/${id}?status=draft`)).status).toBe(403);
  // A header that changes the answer's format is not in the URL: such answers are not shared.
  const v4 = await api(app).get(LIST).set('Strapi-Response-Format', 'v4');
  expect(v4.headers['x-cache']).toBeUndefined();
  expect(v4.headers['cache-control']).toBe('private, no-store');
  expect(v4.body.data[0].attributes).toBeDefined();
  const plain = await api(app).get(LIST);
  expect(plain.body.data[0].attributes).toBeUndefined();
  expect(plain.body.data[0].title).toEqual(expect.any(String));
});

test('GraphQL queries are cached by POST and GET; mutations and errors are not', async () => {
  const query = 'query { articles(pagination: { pageSize: 3 }) { documentId title } }';
  const first = await graphql(app, query);
  expect(first.status).toBe(200);
  expect(first.headers['x-cache']).toBe('MISS');
  expect(first.headers['cache-control']).toBe('public, max-age=0, s-maxage=30');
  const second = await graphql(app, query);
  expect(second.headers['x-cache']).toBe('HIT');
  expect(second.text).toBe(first.text);

  const get = await api(app).get(`/graphql?query=${encodeURIComponent(query)}`);
  expect(get.status).toBe(200);
  expect(get.body.data.articles).toEqual(first.body.data.articles);
  expect((await api(app).get(`/graphql?query=${encodeURIComponent(query)}`)).headers['x-cache']).toBe('HIT');

  // An automatic persisted query: registered once with its text, then fetched by its hash alone.
  const hash = crypto.createHash('sha256').update(query).digest('hex');
  const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  expect(
    (
      await api(app)
        .post('/graphql')
        .send({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })
    ).status
  ).toBe(200);
  const byHash = await api(app).get(`/graphql?extensions=${extensions}`);
  expect(byHash.status).toBe(200);
  expect(byHash.body.data.articles).toEqual(first.body.data.articles);
  expect((await api(app).get(`/graphql?extensions=${extensions}`)).headers['x-cache']).toBe('HIT');

  const [article] = first.body.data.articles;
  const mutation = `mutation { registerArticleClick(documentId: "${article.documentId}") { total counted } }`;
  const click = await graphql(app, mutation);
  expect(click.headers['x-cache']).toBe('MISS');
  expect((await graphql(app, mutation)).headers['x-cache']).toBe('MISS');

  const broken = 'query { articles { noSuchField } }';
  expect((await graphql(app, broken)).status).toBe(400);
  expect((await graphql(app, broken)).headers['x-cache']).toBe('MISS');

  // A publish reaches GraphQL answers too.
  const id = await draft('图形接口缓存');
  expect((await cm().post(`/${id}/actions/publish?locale=zh-Hans`)).status).toBe(200);
  const fresh = await graphql(app, 'query { articles(pagination: { pageSize: 25 }) { title } }');
  expect(fresh.body.data.articles.map((a: { title: string }) => a.title)).toContain('图形接口缓存');
});

test('the counters are for operators only, and the memory stays within its bound', async () => {
  expect((await api(app).get('/api/response-cache')).status).toBe(403);
  const token = await app.service('admin::api-token').create({ name: 'cache-ops', type: 'full-access', lifespan: null });
  const stats = await api(app).get('/api/response-cache').set('Authorization', `Bearer ${token.accessKey}`);
  expect(stats.status).toBe(200);
  expect(stats.body.data).toMatchObject({ enabled: true, active: true, hits: expect.any(Number), misses: expect.any(Number) });
  expect(stats.body.data.hits).toBeGreaterThan(0);
  expect(stats.body.data.bytes).toBeLessThanOrEqual(stats.body.data.maxBytes);
});

test('a publish calls the purge hook, signed, with the keys its answers carried', async () => {
  const id = await draft('内容分发网络清除');
  await api(app).get(LIST);
  receiver.requests.length = 0;
  expect((await cm().post(`/${id}/actions/publish?locale=zh-Hans`)).status).toBe(200);
  const read = await api(app).get(`/api/articles/${id}`);
  expect(read.headers['surrogate-key'].split(' ')).toEqual(expect.arrayContaining(['all', 'articles', `d-${id}`]));
  expect(read.headers['cache-tag'].split(',')).toContain(`d-${id}`);
  // Purges of earlier tests' changes may still arrive: the one for this publish names it.
  const ours = () => receiver.requests.find((request) => request.body.includes(`d-${id}`));
  await waitFor(() => ours() !== undefined, 5_000);
  const call = ours()!;
  const payload = new Webhook(SECRET).verify(call.body, call.headers as Record<string, string>) as { keys: string[] };
  expect(payload.keys).toEqual(expect.arrayContaining([`d-${id}`, 'articles', 'search', 'graphql']));
});

test('a change written by another process (an import, a restore) reaches the cache by the version poll', async () => {
  const [article] = (await api(app).get('/api/articles?fields[0]=title&pagination[pageSize]=1')).body.data;
  const path = `/api/articles/${article.documentId}?fields[0]=title`;
  await api(app).get(path);
  expect((await api(app).get(path)).headers['x-cache']).toBe('HIT');
  const connection = app.config.get('database.connection') as { client: string; connection: object };
  const other = knexFactory({
    client: usingPostgres() ? 'pg' : 'better-sqlite3',
    connection: connection.connection,
    useNullAsDefault: true,
  });
  try {
    // What a Strapi script in another process does: the change and the version, in one transaction.
    await other.transaction(async (trx) => {
      await trx('articles').where({ document_id: article.documentId }).whereNotNull('published_at').update({ title: '另一进程改写' });
      await trx('content_changes').insert({ at_ms: Date.now() });
    });
  } finally {
    await other.destroy();
  }
  const start = Date.now();
  await waitFor(async () => (await api(app).get(path)).body.data.title === '另一进程改写', 5_000, 20);
  expect(Date.now() - start).toBeLessThan(1_500);
});

test('a permission the administrator takes from the public role applies at once, cached answers included', async () => {
  const asAdmin = (req: import('supertest').Test) => req.set('Authorization', `Bearer ${admin}`);
  const roles = await asAdmin(api(app).get('/users-permissions/roles'));
  const publicRole = roles.body.roles.find((role: { type: string }) => role.type === 'public');
  const role = (await asAdmin(api(app).get(`/users-permissions/roles/${publicRole.id}`))).body.role;
  const setFind = async (enabled: boolean) => {
    role.permissions['api::channel'].controllers.channel.find.enabled = enabled;
    const res = await asAdmin(api(app).put(`/users-permissions/roles/${publicRole.id}`)).send({
      name: role.name,
      description: role.description,
      permissions: role.permissions,
    });
    expect(res.status).toBe(200);
  };
  await api(app).get('/api/channels');
  expect((await api(app).get('/api/channels')).headers['x-cache']).toBe('HIT');
  await setFind(false);
  try {
    expect((await api(app).get('/api/channels')).status).toBe(403);
  } finally {
    await setFind(true);
  }
  expect((await api(app).get('/api/channels')).status).toBe(200);
});

test('a cached search answer follows a delete made in the admin panel at once', async () => {
  const id = await draft('缓存检索删除稿件');
  expect((await cm().post(`/${id}/actions/publish?locale=zh-Hans`)).status).toBe(200);
  const search = `/api/search?q=${encodeURIComponent('缓存检索删除')}`;
  expect((await api(app).get(search)).body.data.map((hit: { documentId: string }) => hit.documentId)).toContain(id);
  expect((await api(app).get(search)).headers['x-cache']).toBe('HIT');
  expect((await cm().del(`/${id}?locale=zh-Hans`)).status).toBe(200);
  expect((await api(app).get(search)).body.data).toEqual([]);
});

test('a persisted hash is never taken for another document: a mutation is not cached as a query', async () => {
  const [article] = (await api(app).get('/api/articles?fields[0]=title&pagination[pageSize]=1')).body.data;
  const mutation = `mutation { registerArticleClick(documentId: "${article.documentId}") { total } }`;
  const hash = crypto.createHash('sha256').update(mutation).digest('hex');
  const persisted = { persistedQuery: { version: 1, sha256Hash: hash } };
  expect((await api(app).post('/graphql').send({ query: mutation, extensions: persisted })).status).toBe(200);
  // The same hash sent with a query's text: Apollo refuses it, and nothing is noted.
  expect((await api(app).post('/graphql').send({ query: '{ __typename }', extensions: persisted })).status).toBe(400);
  for (let i = 0; i < 2; i += 1) {
    const byHash = await api(app).post('/graphql').send({ extensions: persisted });
    expect(byHash.headers['x-cache']).toBe('MISS');
  }
});

test('very long keys are not kept; GraphQL answers vary with Accept', async () => {
  // 20 KB of extensions Apollo ignores: a key that long is not kept.
  const extensions = { padding: 'x'.repeat(20_000) };
  for (let i = 0; i < 2; i += 1) {
    const res = await api(app).post('/graphql').send({ query: '{ channels { name } }', extensions });
    expect(res.status).toBe(200);
    expect(res.headers['x-cache']).not.toBe('HIT');
  }
  const url = `/graphql?query=${encodeURIComponent('{ channels { name } }')}`;
  const plain = await api(app).get(url).set('Accept', 'application/json');
  const modern = await api(app).get(url).set('Accept', 'application/graphql-response+json');
  expect(plain.headers['content-type']).toMatch(/^application\/json/);
  expect(modern.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
  expect((await api(app).get(url).set('Accept', 'application/json')).headers['content-type']).toMatch(/^application\/json/);
  expect(plain.headers.vary).toMatch(/Accept/);
});

test('publishes that overlap (a bulk publish and single ones) all succeed', async () => {
  const ids = await Promise.all(['并发发布一', '并发发布二', '并发发布三'].map((title) => draft(title)));
  const results = await Promise.all([
    cm().post('/actions/bulkPublish?locale=zh-Hans', { documentIds: ids }),
    ...ids.map((id) => cm().post(`/${id}/actions/publish?locale=zh-Hans`)),
  ]);
  for (const res of results) expect(res.status).toBeLessThan(500);
  const listed = titles(await api(app).get(LIST));
  for (const title of ['并发发布一', '并发发布二', '并发发布三']) expect(listed).toContain(title);
});
