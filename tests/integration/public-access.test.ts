// What the public (anonymous) role can and cannot do: read published content, nothing else.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, graphql } from '../helpers/http';

let app: App;
let publishedId: string;
let draftOnlyId: string;

const SECRET = 'SECRET-草稿-内容';

beforeAll(async () => {
  app = await startApp();
  const articles = app.documents('api::article.article');
  const published = await articles.findFirst({ locale: 'zh-Hans', status: 'published' });
  publishedId = published!.documentId;
  // An article that was never published, and a pending edit of a published one.
  const draft = await articles.create({ locale: 'zh-Hans', data: { title: `${SECRET} 标题`, summary: SECRET } });
  draftOnlyId = draft.documentId;
  await articles.update({ documentId: publishedId, locale: 'zh-Hans', data: { summary: SECRET } });
  // A draft-only English translation of the published article.
  await articles.update({ documentId: draftOnlyId, locale: 'en', data: { title: `${SECRET} en` } });
  // A draft quote on the published article, and a draft channel.
  await app.documents('api::speaker-quote.speaker-quote').create({
    locale: 'zh-Hans',
    data: { text: SECRET, speakerName: '某人', order: 99, article: publishedId },
  });
  await app.documents('api::channel.channel').create({ locale: 'zh-Hans', data: { name: `${SECRET} 栏目` } });
});
afterAll(async () => {
  await stopApp(app);
});

const leaks = (body: unknown) => JSON.stringify(body).includes('SECRET');

describe('drafts never reach the public', () => {
  test.each([
    ['list', '/api/articles'],
    ['list in every locale', '/api/articles?locale=*'],
    ['list, English', '/api/articles?locale=en'],
    ['status=published', '/api/articles?status=published'],
    ['quotes of an article', '/api/speaker-quotes?pagination[pageSize]=100'],
    ['channels', '/api/channels?locale=*'],
  ])('REST %s shows no draft content', async (_name, url) => {
    const res = await api(app).get(url);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(leaks(res.body)).toBe(false);
  });

  test.each([
    ['the draft text', '/api/articles?filters[summary][$contains]=SECRET'],
    ['a null publishedAt', '/api/articles?filters[publishedAt][$null]=true'],
    ['the draft title, in every locale', '/api/articles?locale=*&filters[title][$contains]=SECRET'],
    ['a draft quote', `/api/articles?filters[quotes][text][$eq]=${SECRET}`],
  ])('REST filters on %s find nothing', async (_name, url) => {
    const res = await api(app).get(url);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    expect(res.body.meta.pagination.total).toBe(0);
  });

  test('REST refuses to follow localizations, which reach other locales’ drafts', async () => {
    for (const url of [
      '/api/articles?populate=localizations',
      '/api/articles?locale=en&filters[localizations][summary][$contains]=SECRET',
    ]) {
      const res = await api(app).get(url);
      expect(res.status).toBe(400);
      expect(leaks(res.body)).toBe(false);
    }
  });

  test('REST findOne of a draft-only article answers 404, in any locale', async () => {
    for (const locale of ['zh-Hans', 'en']) {
      const res = await api(app).get(`/api/articles/${draftOnlyId}?locale=${locale}`);
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
    }
  });

  test('REST findOne of a published article serves the published text, not the pending edit', async () => {
    const res = await api(app).get(`/api/articles/${publishedId}`);
    expect(res.status).toBe(200);
    expect(leaks(res.body)).toBe(false);
    expect(res.body.data.quotes).toHaveLength(20);
  });

  test.each(['/api/articles?status=draft', `/api/articles/${'x'.repeat(24)}?status=draft`, '/api/channels?status=draft'])(
    'REST %s is refused with 403',
    async (url) => {
      const res = await api(app).get(url);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/Drafts are only available to API tokens/);
      expect(leaks(res.body)).toBe(false);
    }
  );

  test('GraphQL lists, filters and nested relations show no draft content', async () => {
    const res = await graphql(
      app,
      `
        {
          articles(locale: "*") {
            title
            summary
            quotes {
              text
            }
          }
          channels {
            name
            articles {
              title
            }
          }
          speakerQuotes(pagination: { limit: 100 }) {
            text
          }
          byText: articles(filters: { summary: { contains: "SECRET" } }) {
            title
          }
        }
      `
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articles.length).toBeGreaterThan(0);
    expect(res.body.data.byText).toEqual([]);
    expect(leaks(res.body)).toBe(false);
  });

  test('GraphQL status: DRAFT is refused, and a draft-only document is null', async () => {
    const drafts = await graphql(app, '{ articles(status: DRAFT) { title } }');
    expect(drafts.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(leaks(drafts.body)).toBe(false);
    const one = await graphql(app, 'query($id: ID!) { article(documentId: $id) { title } }', { id: draftOnlyId });
    expect(one.body.data.article).toBeNull();
    expect(leaks(one.body)).toBe(false);
  });

  test('an API token (a preview front end) may read drafts', async () => {
    const token = await app.service('admin::api-token').create({
      name: 'preview',
      type: 'read-only',
      lifespan: null,
    });
    const res = await api(app).get('/api/articles?status=draft').set('Authorization', `Bearer ${token.accessKey}`);
    expect(res.status).toBe(200);
    expect(leaks(res.body)).toBe(true);
  });
});

describe('the public role cannot write', () => {
  const types = ['articles', 'channels', 'speaker-quotes', 'commendations', 'commended-units', 'commended-individuals'];

  test.each(types)('POST, PUT and DELETE on /api/%s answer 403 and change nothing', async (type) => {
    const before = await api(app).get(`/api/${type}?locale=*`);
    const id = before.body.data[0].documentId;
    const create = await api(app)
      .post(`/api/${type}`)
      .send({ data: { title: 'x', name: 'x', text: 'x', speakerName: 'x' } });
    const update = await api(app)
      .put(`/api/${type}/${id}`)
      .send({ data: { title: 'x', name: 'x' } });
    const remove = await api(app).delete(`/api/${type}/${id}`);
    for (const res of [create, update, remove]) {
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('ForbiddenError');
    }
    const after = await api(app).get(`/api/${type}?locale=*`);
    expect(after.body).toEqual(before.body);
  });

  test('GraphQL mutations are forbidden', async () => {
    const res = await graphql(
      app,
      `
        mutation ($id: ID!) {
          deleteArticle(documentId: $id) {
            documentId
          }
          updateChannel(documentId: $id, data: { name: "x" }) {
            name
          }
        }
      `,
      { id: publishedId }
    );
    expect(res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect((await api(app).get(`/api/articles/${publishedId}`)).status).toBe(200);
  });

  test.each([
    ['post', '/api/auth/local/register'],
    ['post', '/api/auth/forgot-password'],
    ['get', '/api/users'],
    ['get', '/api/upload/files'],
    ['get', '/api/i18n/locales'],
  ])('%s %s is not open to the public', async (method, url) => {
    const res = await (api(app) as unknown as Record<string, (u: string) => { send: (b: unknown) => Promise<{ status: number }> }>)
      [method](url)
      .send({
        username: 'reader',
        email: 'reader@example.com',
        password: 'correct-horse-battery',
      });
    expect(res.status).toBe(403);
  });
});

describe('bad input gets a 4xx in Strapi error format', () => {
  test.each([
    '/api/articles?pagination[page]=abc',
    '/api/articles?sort=nope:asc',
    '/api/articles?filters[nope][$eq]=1',
    '/api/articles?filters[$foo]=1',
    '/api/articles?populate=nope',
    '/api/articles?fields[0]=nope',
    '/api/articles?locale=xx',
    '/api/articles?locale[$ne]=en',
    '/api/articles?status=archived',
    '/api/articles/%E0%A4%A',
    '/api/channels?locale=klingon',
  ])('%s', async (url) => {
    const res = await api(app).get(url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error).toMatchObject({ status: res.status, name: expect.any(String), message: expect.any(String) });
  });

  test.each(['doesnotexist', 'x'.repeat(24), '%20', '1'])('unknown article id %s answers 404', async (id) => {
    const res = await api(app).get(`/api/articles/${id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  test('malformed GraphQL answers 400', async () => {
    const res = await graphql(app, '{ articles( }');
    expect(res.status).toBe(400);
  });
});
