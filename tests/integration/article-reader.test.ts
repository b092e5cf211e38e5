// The whole-article read a front end makes (GET /api/articles/:documentId and
// /api/articles/by-slug/:slug, no query but the locale) is answered by a plain reader
// (src/features/reader/service.ts) instead of the document service. Its answer must
// be the one the core path gives: each article is read both ways over HTTP (the core
// path is taken by spelling the same populate out in the query) and compared, with a
// cover, attachments, quotes with and without a commended person, commendations, an
// English version, and after edits made in the admin panel. Where the public role may
// not read part of it, the core path answers (and sanitizes) instead.
import { adminToken } from '../helpers/admin';
import { api } from '../helpers/http';
import { startApp, stopApp, type App } from '../helpers/strapi';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const QUOTES = '/content-manager/collection-types/api::speaker-quote.speaker-quote';
const SAMPLE = 'gan-en-fen-jin-shi-gan-zheng-xian';

// The controller's default populate, spelled out (qs notation) so the core path runs it.
const POPULATE = {
  channel: { fields: ['name', 'slug'] },
  cover: true,
  attachments: true,
  quotes: { sort: ['order:asc', 'id:asc'], populate: { commendedIndividual: { fields: ['name'] } } },
  commendedUnits: { fields: ['name', 'city', 'district'] },
  commendedIndividuals: { fields: ['name', 'organization', 'position', 'city'] },
  disclosure: true,
};
const flatten = (value: unknown, prefix: string): string[] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, inner]) => flatten(inner, `${prefix}[${key}]`))
    : [`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`];
const SPELLED_OUT = Object.entries(POPULATE)
  .flatMap(([key, value]) => flatten(value, `populate[${key}]`))
  .join('&');

let app: App;
let token: string;
// Document-service reads of articles made while serving a request (the core path makes them; the reader does not).
let coreReads = 0;

beforeAll(async () => {
  app = await startApp({ RESPONSE_CACHE: 'false' });
  token = await adminToken(app, 'reader-editor@example.gov.cn');
  app.documents.use(async (context, next) => {
    if (context.uid === 'api::article.article' && context.action.startsWith('find') && app.requestContext.get()) coreReads += 1;
    return next();
  });
});
afterAll(() => stopApp(app));

const asAdmin = <T extends { set: (name: string, value: string) => T }>(req: T) => req.set('Authorization', `Bearer ${token}`);

/** The article read both ways; the answers must be equal (key order aside). */
const bothWays = async (path: string, locale?: string) => {
  const sep = path.includes('?') ? '&' : '?';
  coreReads = 0;
  const plain = await api(app).get(locale ? `${path}${sep}locale=${locale}` : path);
  const readerTookIt = coreReads === 0;
  const core = await api(app).get(`${path}${sep}${locale ? `locale=${locale}&` : ''}${SPELLED_OUT}`);
  expect(coreReads).toBeGreaterThan(0);
  expect(plain.status).toBe(core.status);
  expect(plain.body).toEqual(core.body);
  return { body: plain.body, readerTookIt };
};

const upload = async (name: string, type: string, bytes: Buffer, info: object) => {
  const res = await asAdmin(api(app).post('/upload'))
    .field('fileInfo', JSON.stringify(info))
    .attach('files', bytes, { filename: name, contentType: type });
  expect(res.status).toBe(201);
  return res.body[0] as { id: number; url: string };
};

const sampleId = async () => (await api(app).get(`/api/articles/by-slug/${SAMPLE}`)).body.data.documentId as string;

test('every published article reads the same by the reader as by the core path, by documentId and by slug', async () => {
  // Beside the seeded sample: an article with nothing but a title, and one with a channel and a commended unit.
  const channel = (await api(app).get('/api/channels?fields[0]=name&pagination[pageSize]=1')).body.data[0].documentId as string;
  const unit = (await api(app).get('/api/commended-units?fields[0]=name&pagination[pageSize]=1')).body.data[0].documentId as string;
  for (const data of [
    { title: '只有标题的稿件' },
    {
      title: '有栏目的短讯',
      channel: { connect: [{ documentId: channel, locale: 'zh-Hans' }] },
      commendedUnits: { connect: [{ documentId: unit, locale: 'zh-Hans' }] },
    },
  ]) {
    const created = await asAdmin(api(app).post(`${ARTICLES}?locale=zh-Hans`)).send(data);
    expect(created.status).toBe(201);
    const published = await asAdmin(api(app).post(`${ARTICLES}/${created.body.data.documentId}/actions/publish?locale=zh-Hans`)).send({});
    expect(published.status).toBe(200);
  }
  const list = await api(app).get('/api/articles?fields[0]=slug&pagination[pageSize]=25');
  expect(list.body.data.length).toBeGreaterThanOrEqual(3);
  for (const { documentId, slug } of list.body.data) {
    const byId = await bothWays(`/api/articles/${documentId}`);
    expect(byId.readerTookIt).toBe(true);
    expect(byId.body.data.documentId).toBe(documentId);
    // What the controller adds on both paths.
    expect(Array.isArray(byId.body.data.breadcrumb)).toBe(true);
    expect(typeof byId.body.data.clickCount).toBe('number');
    const bySlug = await bothWays(`/api/articles/by-slug/${slug}`);
    expect(bySlug.readerTookIt).toBe(true);
    expect(bySlug.body).toEqual(byId.body);
  }
  // The sample carries what the reader joins: its quotes in order, one with its commended person.
  const sample = (await bothWays(`/api/articles/${await sampleId()}`)).body.data;
  expect(sample.quotes.length).toBeGreaterThanOrEqual(17);
  expect(sample.quotes.map((quote: { order: number }) => quote.order)).toEqual(
    [...sample.quotes.map((quote: { order: number }) => quote.order)].sort((a, b) => a - b)
  );
  expect(sample.quotes.some((quote: { commendedIndividual: unknown }) => quote.commendedIndividual)).toBe(true);
  expect(sample.commendedUnits.length).toBeGreaterThan(0);
  expect(sample.commendedIndividuals.length).toBeGreaterThan(0);
  // The sample is in the 信息公开 catalogue: its metadata (a component) is joined too, number included.
  expect(sample.disclosure).toMatchObject({
    publishingOrganization: '浙江省机关事务管理局',
    indexNumber: expect.stringMatching(/\/\d{4}-\d{5}$/),
  });
  expect(sample.channel).toEqual({
    id: expect.any(Number),
    documentId: expect.any(String),
    name: '上级工作动态',
    slug: expect.any(String),
  });
});

test('a cover, attachments in the order given, a quote edited and one unpublished, an English version: still the same answer', async () => {
  const documentId = await sampleId();
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAOUlEQVRIie3VwQkAQAgDwe2/thR1ZXiPAf+CxEyrk8ninHrClXdKgUxlBomwGBbD4rAYFsPivmLxAQG9vG68soTJAAAAAElFTkSuQmCC',
    'base64'
  );
  const cover = await upload('会场.png', 'image/png', png, { caption: '会议现场', alternativeText: '“会场”<全景>' });
  const pdf = await upload('表彰决定.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), {});
  const photo = await upload('合影.png', 'image/png', png, {});
  const draft = (await asAdmin(api(app).get(`${ARTICLES}/${documentId}?locale=zh-Hans`))).body.data;
  const saved = await asAdmin(api(app).put(`${ARTICLES}/${documentId}?locale=zh-Hans`)).send({
    ...draft,
    cover: cover.id,
    attachments: [pdf.id, photo.id],
  });
  expect(saved.status).toBe(200);

  // A quote edited and published again (a new published row), another unpublished later.
  const quotes = (await api(app).get(`/api/articles/${documentId}`)).body.data.quotes as Array<{ documentId: string }>;
  const [edited, withdrawn] = [quotes[2].documentId, quotes[3].documentId];
  const quoteDraft = (await asAdmin(api(app).get(`${QUOTES}/${edited}?locale=zh-Hans`))).body.data;
  expect(
    (await asAdmin(api(app).put(`${QUOTES}/${edited}?locale=zh-Hans`)).send({ ...quoteDraft, text: '改过的引语 <b>&</b>' })).status
  ).toBe(200);
  expect((await asAdmin(api(app).post(`${QUOTES}/${edited}/actions/publish?locale=zh-Hans`)).send({})).status).toBe(200);
  expect((await asAdmin(api(app).post(`${ARTICLES}/${documentId}/actions/publish?locale=zh-Hans`)).send({})).status).toBe(200);
  // Unpublished after the article's publish (which publishes the quotes linked to it).
  expect((await asAdmin(api(app).post(`${QUOTES}/${withdrawn}/actions/unpublish?locale=zh-Hans`)).send({})).status).toBe(200);

  const { body, readerTookIt } = await bothWays(`/api/articles/${documentId}`);
  expect(readerTookIt).toBe(true);
  expect(body.data.cover).toMatchObject({ id: cover.id, url: cover.url, caption: '会议现场', alternativeText: '“会场”<全景>', width: 40 });
  expect(body.data.attachments.map((file: { id: number }) => file.id)).toEqual([pdf.id, photo.id]);
  expect(body.data.quotes.map((quote: { text: string }) => quote.text)).toContain('改过的引语 <b>&</b>');
  expect(body.data.quotes.map((quote: { documentId: string }) => quote.documentId)).not.toContain(withdrawn);
  // No private file fields (the core path's sanitizer removes them; the reader never selects them).
  expect(body.data.cover).not.toHaveProperty('folderPath');
  expect(body.data.cover).not.toHaveProperty('locale');

  // An English version, published: read by ?locale=en both ways; the Chinese one is unchanged.
  const english = await asAdmin(api(app).put(`${ARTICLES}/${documentId}?locale=en`)).send({
    title: 'Gratitude and hard work',
    slug: 'gratitude-and-hard-work',
    source: 'Provincial Government Offices Administration',
  });
  expect(english.status).toBe(200);
  expect((await asAdmin(api(app).post(`${ARTICLES}/${documentId}/actions/publish?locale=en`)).send({})).status).toBe(200);
  const en = await bothWays(`/api/articles/${documentId}`, 'en');
  expect(en.readerTookIt).toBe(true);
  expect(en.body.data).toMatchObject({ title: 'Gratitude and hard work', locale: 'en' });
  expect((await bothWays('/api/articles/by-slug/gratitude-and-hard-work', 'en')).body.data.documentId).toBe(documentId);
  expect((await bothWays(`/api/articles/${documentId}`)).body.data.locale).toBe('zh-Hans');
});

test('drafts, unknown ids and hostile ids get what the core path gives; other queries and callers with credentials take the core path', async () => {
  const created = await asAdmin(api(app).post(`${ARTICLES}?locale=zh-Hans`)).send({ title: '只在草稿里的稿件' });
  expect(created.status).toBe(201);
  const draftOnly = created.body.data.documentId as string;
  for (const path of [
    `/api/articles/${draftOnly}`,
    '/api/articles/aaaaaaaaaaaaaaaaaaaaaaaa',
    `/api/articles/${encodeURIComponent("x' OR '1'='1")}`,
    '/api/articles/by-slug/no-such-article',
  ]) {
    const plain = await api(app).get(path);
    expect(plain.status).toBe(404);
    expect(plain.body.error.status).toBe(404);
  }
  // An unknown locale is refused as before (400), not read.
  const badLocale = await api(app).get(`/api/articles/${await sampleId()}?locale=xx-YY`);
  expect(badLocale.status).toBe(400);
  expect(badLocale.body.error.name).toBe('ValidationError');

  coreReads = 0;
  await api(app).get(`/api/articles/${await sampleId()}?fields[0]=title`);
  expect(coreReads).toBeGreaterThan(0);
  // A locale that is not a string (qs makes objects and arrays of it) is not the reader's: refused as before.
  for (const query of ['locale[$ne]=en', 'locale[0]=zh-Hans']) {
    const nested = await api(app).get(`/api/articles/${await sampleId()}?${query}`);
    expect(nested.status).toBe(400);
    expect(nested.body.error.name).toBe('ValidationError');
  }
});

test('when the public role may not read quotes, the core path answers and leaves them out', async () => {
  const asAdminReq = <T extends { set: (name: string, value: string) => T }>(req: T) => asAdmin(req);
  const roles = await asAdminReq(api(app).get('/users-permissions/roles'));
  const publicRole = roles.body.roles.find((role: { type: string }) => role.type === 'public');
  const role = (await asAdminReq(api(app).get(`/users-permissions/roles/${publicRole.id}`))).body.role;
  const setQuotes = async (enabled: boolean) => {
    role.permissions['api::speaker-quote'].controllers['speaker-quote'].find.enabled = enabled;
    role.permissions['api::speaker-quote'].controllers['speaker-quote'].findOne.enabled = enabled;
    const res = await asAdminReq(api(app).put(`/users-permissions/roles/${publicRole.id}`)).send({
      name: role.name,
      description: role.description,
      permissions: role.permissions,
    });
    expect(res.status).toBe(200);
  };
  const documentId = await sampleId();
  await setQuotes(false);
  try {
    coreReads = 0;
    const res = await api(app).get(`/api/articles/${documentId}`);
    expect(res.status).toBe(200);
    expect(coreReads).toBeGreaterThan(0);
    expect(res.body.data).not.toHaveProperty('quotes');
    expect(res.body.data.commendedUnits.length).toBeGreaterThan(0);
  } finally {
    await setQuotes(true);
  }
  const { body, readerTookIt } = await bothWays(`/api/articles/${documentId}`);
  expect(readerTookIt).toBe(true);
  expect(body.data.quotes.length).toBeGreaterThan(0);
});
