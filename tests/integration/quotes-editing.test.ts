// Quotes and pasted text as editors meet them in the admin panel (its content-manager
// API): the quote picker offers the article's own quotes and unattached ones only; a
// quote made or changed in the editor goes public with the article's publish; the
// order dragged in the article is the order readers get; pasted text is cleaned on save.
import { adminToken, adminUser } from '../helpers/admin';
import { api } from '../helpers/http';
import { startApp, stopApp, type App } from '../helpers/strapi';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const QUOTES = '/content-manager/collection-types/api::speaker-quote.speaker-quote';
const SAMPLE = 'gan-en-fen-jin-shi-gan-zheng-xian';

let app: App;
let token: string;
let sample: string;

beforeAll(async () => {
  app = await startApp({ RESPONSE_CACHE: 'false' });
  token = await adminToken(app, 'quotes-editor@example.gov.cn');
  sample = (await api(app).get(`/api/articles/by-slug/${SAMPLE}?fields[0]=title`)).body.data.documentId;
});
afterAll(() => stopApp(app));

const asAdmin = <T extends { set: (name: string, value: string) => T }>(req: T) => req.set('Authorization', `Bearer ${token}`);
const publicQuotes = async (documentId: string) =>
  (await api(app).get(`/api/articles/${documentId}`)).body.data.quotes as Array<{ documentId: string; text: string; order: number }>;
const newArticle = async (data: Record<string, unknown>) => {
  const res = await asAdmin(api(app).post(`${ARTICLES}?locale=zh-Hans`)).send(data);
  expect(res.status).toBe(201);
  return res.body.data as { documentId: string; id: number; [key: string]: unknown };
};
const publish = async (documentId: string) =>
  expect((await asAdmin(api(app).post(`${ARTICLES}/${documentId}/actions/publish?locale=zh-Hans`)).send({})).status).toBe(200);
/** The article draft's quotes as the edit view lists them (draft row ids, in the relation's order). */
const linked = async (documentId: string) =>
  (await asAdmin(api(app).get(`/content-manager/relations/api::article.article/${documentId}/quotes?locale=zh-Hans&pageSize=100`))).body
    .results as Array<{ id: number; documentId: string }>;

test('the quote picker offers the article’s own unlinked quotes and quotes of no article, never another article’s', async () => {
  const other = await newArticle({ title: '另一篇稿件' });
  const orphan = await asAdmin(api(app).post(`${QUOTES}?locale=zh-Hans`)).send({ text: '没有归属的引语。', speakerName: '张三' });
  expect(orphan.status).toBe(201);
  const available = async (documentId: string) =>
    (await asAdmin(api(app).get(`/content-manager/relations/api::article.article/quotes?id=${documentId}&locale=zh-Hans&pageSize=100`)))
      .body.results as Array<{ documentId: string }>;
  const sampleQuotes = new Set((await linked(sample)).map((quote) => quote.documentId));
  expect(sampleQuotes.size).toBe(20);
  const forOther = (await available(other.documentId)).map((quote) => quote.documentId);
  expect(forOther).toContain(orphan.body.data.documentId);
  expect(forOther.filter((id) => sampleQuotes.has(id))).toEqual([]);
  // A new article (no id yet) is offered the unattached ones only.
  const forNew = (await asAdmin(api(app).get('/content-manager/relations/api::article.article/quotes?locale=zh-Hans&pageSize=100'))).body
    .results;
  expect(forNew.map((quote: { documentId: string }) => quote.documentId)).toEqual([orphan.body.data.documentId]);
});

test('a quote made or changed in the editor goes public with the article’s publish', async () => {
  const made = await asAdmin(api(app).post(`${QUOTES}?locale=zh-Hans`)).send({
    text: '编辑新录入的引语。',
    speakerName: '李四',
    article: { connect: [{ documentId: sample, locale: 'zh-Hans' }] },
  });
  expect(made.status).toBe(201);
  const first = (await publicQuotes(sample))[0];
  const draft = (await asAdmin(api(app).get(`${QUOTES}/${first.documentId}?locale=zh-Hans`))).body.data;
  expect(
    (await asAdmin(api(app).put(`${QUOTES}/${first.documentId}?locale=zh-Hans`)).send({ ...draft, text: '改过的第一条引语!' })).status
  ).toBe(200);
  // Still private: only drafts changed.
  expect((await publicQuotes(sample)).map((quote) => quote.text)).not.toContain('编辑新录入的引语。');

  await publish(sample);
  const texts = (await publicQuotes(sample)).map((quote) => quote.text);
  expect(texts).toContain('编辑新录入的引语。');
  expect(texts[0]).toBe('改过的第一条引语!');
  expect(texts).toHaveLength(21);
});

test('the order dragged in the article is the order readers get; a save without a drag keeps it', async () => {
  const before = await publicQuotes(sample);
  // An unchanged save through the edit view keeps every quote where it was.
  const draft = (await asAdmin(api(app).get(`${ARTICLES}/${sample}?locale=zh-Hans`))).body.data;
  expect((await asAdmin(api(app).put(`${ARTICLES}/${sample}?locale=zh-Hans`)).send({ title: draft.title })).status).toBe(200);
  await publish(sample);
  expect((await publicQuotes(sample)).map((quote) => quote.documentId)).toEqual(before.map((quote) => quote.documentId));

  // Drag the last quote up to the second place, as the edit view sends it: "before" the
  // quote it now precedes (the relations route lists them last first).
  const rows = (await linked(sample)).reverse();
  const last = rows.at(-1)!;
  const moved = await asAdmin(api(app).put(`${ARTICLES}/${sample}?locale=zh-Hans`)).send({
    quotes: {
      connect: [
        {
          id: last.id,
          documentId: last.documentId,
          locale: 'zh-Hans',
          position: { before: rows[1].documentId, locale: 'zh-Hans', status: 'draft' },
        },
      ],
      disconnect: [],
    },
  });
  expect(moved.status).toBe(200);
  await publish(sample);
  const after = await publicQuotes(sample);
  const expected = before.map((quote) => quote.documentId).filter((id) => id !== last.documentId);
  expected.splice(1, 0, last.documentId);
  expect(after.map((quote) => quote.documentId)).toEqual(expected);
  expect(after.map((quote) => quote.order)).toEqual(after.map((_, i) => i + 1));

  // And to the very top, which the edit view sends as { start: true }.
  const now = (await linked(sample)).reverse();
  const bottom = now.at(-1)!;
  const top = await asAdmin(api(app).put(`${ARTICLES}/${sample}?locale=zh-Hans`)).send({
    quotes: { connect: [{ id: bottom.id, documentId: bottom.documentId, locale: 'zh-Hans', position: { start: true } }], disconnect: [] },
  });
  expect(top.status).toBe(200);
  await publish(sample);
  const onTop = await publicQuotes(sample);
  expect(onTop[0].documentId).toBe(bottom.documentId);
  expect(onTop.slice(1).map((quote) => quote.documentId)).toEqual(
    after.map((quote) => quote.documentId).filter((id) => id !== bottom.documentId)
  );
});

test('pasted text is cleaned on save: empty paragraphs and indents go, 主标题——副标题 is split, the slug is the title’s', async () => {
  const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
  const article = await newArticle({
    title: '节约型机关建设推进会召开——绿色低碳从点滴做起',
    body: [paragraph('\u3000\u3000第一段。'), paragraph(''), paragraph('  第二段。'), paragraph('\u3000')],
  });
  expect(article.title).toBe('节约型机关建设推进会召开');
  expect(article.subtitle).toBe('绿色低碳从点滴做起');
  expect(article.slug).toBe('jie-yue-xing-ji-guan-jian-she-tui-jin-hui-zhao-kai');
  expect(article.body).toEqual([paragraph('第一段。'), paragraph('第二段。')]);
  // The admin panel's slug button gives the same.
  const generated = await asAdmin(api(app).post('/content-manager/uid/generate?locale=zh-Hans')).send({
    contentTypeUID: 'api::article.article',
    field: 'slug',
    data: { title: '节约型机关建设推进会召开——绿色低碳从点滴做起', subtitle: '' },
  });
  expect(generated.body.data).toMatch(/^jie-yue-xing-ji-guan-jian-she-tui-jin-hui-zhao-kai(-\d+)?$/);
});

test('识别引语 over the admin API: proposals, quotes made once and in the order of the text, bad requests refused', async () => {
  // The seeded sample: every quote found is one it has, but the one whose text an editor changed above.
  const seeded = await asAdmin(api(app).post('/admin/newsroom/quotes/propose')).send({ documentId: sample, locale: 'zh-Hans' });
  expect(seeded.status).toBe(200);
  expect(seeded.body.data.quotes).toHaveLength(20);
  const missing = seeded.body.data.quotes.filter((quote: { exists: boolean }) => !quote.exists);
  expect(missing.map((quote: { text: string }) => quote.text)).toEqual(['倍感荣耀、备受鼓舞!']);
  expect(seeded.body.data.commendation).toEqual({ unitQuota: 80, individualQuota: 180 });

  const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
  const article = await newArticle({
    title: '识别引语接口稿件',
    source: '浙江省机关事务管理局',
    body: [paragraph('“第一句引语。”省机关事务管理局局长李明说。'), paragraph('“第二句引语。”杭州市机关事务管理局副局长王芳表示。')],
  });
  const proposed = await asAdmin(api(app).post('/admin/newsroom/quotes/propose')).send({
    documentId: article.documentId,
    locale: 'zh-Hans',
  });
  const [first, second] = proposed.body.data.quotes;
  expect(first).toEqual({
    text: '第一句引语。',
    speakerName: '李明',
    speakerPosition: '局长',
    speakerOrganization: '浙江省机关事务管理局',
    exists: false,
    collective: false,
  });
  // Accepted out of order, one of them twice: made once each, in the order of the text.
  const accept = (quotes: unknown) =>
    asAdmin(api(app).post('/admin/newsroom/quotes/accept')).send({ documentId: article.documentId, locale: 'zh-Hans', quotes });
  const accepted = await accept([second, first, second]);
  expect(accepted.status).toBe(200);
  expect(accepted.body.data.created).toBe(2);
  expect((await accept([first, second])).body.data.created).toBe(0);
  // The publish dialog does not warn that these drafts stay behind: they go out with the article.
  const drafts = await asAdmin(api(app).get(`${ARTICLES}/${article.documentId}/actions/countDraftRelations?locale=zh-Hans`));
  expect(drafts.body.data.unpublishedRelations).toBe(0);
  await publish(article.documentId);
  const quotes = await publicQuotes(article.documentId);
  expect(quotes.map((quote) => quote.text)).toEqual(['第一句引语。', '第二句引语。']);
  expect(quotes.map((quote) => quote.order)).toEqual([1, 2]);

  // Refused, and nothing written.
  expect(
    (
      await api(app)
        .post('/admin/newsroom/quotes/accept')
        .send({ documentId: article.documentId, locale: 'zh-Hans', quotes: [first] })
    ).status
  ).toBe(401);
  for (const [body, status] of [
    [{ documentId: article.documentId, locale: 'zh-Hans', quotes: 'all' }, 400],
    [{ documentId: article.documentId, locale: 'zh-Hans', quotes: [{ text: 'x'.repeat(5001), speakerName: '甲' }] }, 400],
    [{ documentId: article.documentId, locale: 'zh-Hans', quotes: [{ text: '没有讲话人' }] }, 400],
    [{ documentId: article.documentId, quotes: [] }, 400],
    [{ documentId: 'aaaaaaaaaaaaaaaaaaaaaaaa', locale: 'zh-Hans', quotes: [first] }, 404],
  ] as const) {
    const res = await asAdmin(api(app).post('/admin/newsroom/quotes/accept')).send(body);
    expect(res.status).toBe(status);
    expect(res.body.error.status).toBe(status);
  }
  expect(await publicQuotes(article.documentId)).toHaveLength(2);
});

test('识别引语 follows the editor’s role: an Author may add quotes to their own article, not to another’s', async () => {
  // A role like Strapi's Author, for the locale this site writes in: articles they created, new quotes.
  const roles = app.service('admin::role');
  const author = await roles.create({ name: '撰稿人 Test author', code: 'test-author', description: 'own articles only' });
  const own = (action: string, subject: string, conditions: string[] = []) => ({
    action: `plugin::content-manager.explorer.${action}`,
    subject,
    properties: { locales: ['zh-Hans'] },
    conditions,
  });
  await roles.assignPermissions(author.id, [
    own('create', 'api::article.article'),
    own('read', 'api::article.article', ['admin::is-creator']),
    own('update', 'api::article.article', ['admin::is-creator']),
    own('create', 'api::speaker-quote.speaker-quote'),
    own('read', 'api::speaker-quote.speaker-quote', ['admin::is-creator']),
  ]);
  const authorToken = (
    await adminUser(app, { email: 'author@example.gov.cn', firstname: 'Test', lastname: 'Author', password: 'Author-Passw0rd' }, [
      author.id,
    ])
  ).token;
  const asAuthor = <T extends { set: (name: string, value: string) => T }>(req: T) => req.set('Authorization', `Bearer ${authorToken}`);
  const quote = { text: '作者不能替别人加的引语。', speakerName: '某人', speakerPosition: null, speakerOrganization: null };

  const others = await asAuthor(api(app).post('/admin/newsroom/quotes/accept')).send({
    documentId: sample,
    locale: 'zh-Hans',
    quotes: [quote],
  });
  expect(others.status).toBe(403);
  expect(others.body.error.name).toBe('ForbiddenError');
  expect((await asAuthor(api(app).post('/admin/newsroom/quotes/propose')).send({ documentId: sample, locale: 'zh-Hans' })).status).toBe(
    403
  );
  expect((await publicQuotes(sample)).map((q) => q.text)).not.toContain(quote.text);

  const ownArticle = await asAuthor(api(app).post(`${ARTICLES}?locale=zh-Hans`)).send({
    title: '作者自己的稿件',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: '“作者自己的引语。”局长王明说。' }] }],
  });
  expect(ownArticle.status).toBe(201);
  const mine = await asAuthor(api(app).post('/admin/newsroom/quotes/propose')).send({
    documentId: ownArticle.body.data.documentId,
    locale: 'zh-Hans',
  });
  expect([mine.status, mine.body.error?.message]).toEqual([200, undefined]);
  const added = await asAuthor(api(app).post('/admin/newsroom/quotes/accept')).send({
    documentId: ownArticle.body.data.documentId,
    locale: 'zh-Hans',
    quotes: mine.body.data.quotes,
  });
  expect(added.status).toBe(200);
  expect(added.body.data.created).toBe(1);
});
