// The publish checks as editors and clients meet them: findings in the edit view's
// panel API, one-click fixes, a 终审 accepting a warning, and the one guard refusing a
// publish on every path (content-manager publish and bulk publish, REST and GraphQL
// with an API token, the document service) with nothing written.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, graphql, type Json } from '../helpers/http';
import { adminToken, adminUser } from '../helpers/admin';
import { runScript } from '../helpers/script';

let app: App;
let admin: string;
let editor: string;
let apiToken: string;
let channelId: string;

const ARTICLES = '/content-manager/collection-types/api::article.article';
const ARTICLE = 'api::article.article';
const as = (token: string) => ({
  post: (path: string, body: object = {}) => api(app).post(path).set('Authorization', `Bearer ${token}`).send(body),
  put: (path: string, body: object = {}) => api(app).put(path).set('Authorization', `Bearer ${token}`).send(body),
  get: (path: string) => api(app).get(path).set('Authorization', `Bearer ${token}`),
});

// A valid 18-digit ID (GB 11643 check digit) and a valid-Luhn card number.
const ID_NUMBER = '330106198503121231';
const MOBILE = '13812345678';
const paragraph = (...texts: string[]) => ({ type: 'paragraph', children: texts.map((text) => ({ type: 'text', text })) });

const draft = (data: Record<string, unknown>) =>
  app.documents(ARTICLE).create({ locale: 'zh-Hans', data: { source: '办公室', channel: channelId, ...data } as never });
const publicGet = (documentId: string) => api(app).get(`/api/articles/${documentId}`);
const check = (documentId: string, token = admin) =>
  as(token).post('/admin/newsroom/inspection/check', { uid: ARTICLE, documentId, locale: 'zh-Hans' });
const publish = (documentId: string, token = admin) => as(token).post(`${ARTICLES}/${documentId}/actions/publish?locale=zh-Hans`);
const rules = (findings: Json[]) => findings.map((finding) => finding.rule).sort();

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false', PUBLISH_CHECKS: 'true' });
  admin = await adminToken(app, 'checks-admin@example.gov.cn');
  // A reviewer's role (初审) that may read and edit articles in both locales, but was not
  // given 接受检查警告 (Settings › Roles › 发布检查).
  const editorRole = await app.service('admin::role').create({ name: '初审 (test)', description: 'reviews articles' });
  const locales = ['zh-Hans', 'en'];
  await app.service('admin::role').assignPermissions(
    editorRole.id,
    ['read', 'update', 'publish'].map((action) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject: ARTICLE,
      properties: action === 'publish' ? { locales } : { fields: ['title', 'source', 'body', 'channel'], locales },
      conditions: [],
    }))
  );
  editor = (
    await adminUser(app, { email: 'checks-editor@example.gov.cn', firstname: 'Ed', lastname: 'Itor', password: 'Editor-Passw0rd' }, [
      editorRole.id,
    ])
  ).token;
  apiToken = (await app.service('admin::api-token').create({ name: 'checks', type: 'full-access', lifespan: null })).accessKey;
  const channel = await app
    .documents('api::channel.channel')
    .create({ locale: 'zh-Hans', data: { name: '工作动态' }, status: 'published' });
  channelId = channel.documentId;
});
afterAll(async () => {
  await stopApp(app);
});

describe('the edit view panel', () => {
  test('lists each problem with its field and masked text; the starter list is loaded', async () => {
    const article = await draft({
      title: '会议传达决策部属',
      source: null,
      body: [paragraph(`联系电话${MOBILE}，身份证${ID_NUMBER}。`)],
    });
    const res = await check(article.documentId);
    expect(res.status).toBe(200);
    const { findings, blocking, canAccept } = res.body.data;
    expect(canAccept).toBe(true);
    expect(rules(findings)).toEqual(['id-number', 'missing-fact', 'misspelling', 'mobile-number']);
    expect(findings.find((f: Json) => f.rule === 'misspelling')).toMatchObject({
      field: 'title',
      match: '决策部属',
      suggestion: '决策部署',
      severity: 'warn',
    });
    expect(findings.find((f: Json) => f.rule === 'missing-fact')).toMatchObject({ field: 'source', severity: 'block' });
    expect(blocking).toBe(4);
    expect(JSON.stringify(res.body)).not.toContain(MOBILE);
    expect(JSON.stringify(res.body)).not.toContain(ID_NUMBER);
  });

  test('one-click fixes mask the numbers and correct the word in the draft', async () => {
    const article = await draft({ title: '会议传达决策部属', body: [paragraph('联系电话', MOBILE, '。')] });
    const { findings } = (await check(article.documentId)).body.data;
    for (const rule of ['mobile-number', 'misspelling']) {
      const finding = findings.find((f: Json) => f.rule === rule);
      const res = await as(admin).post('/admin/newsroom/inspection/fix', {
        uid: ARTICLE,
        documentId: article.documentId,
        locale: 'zh-Hans',
        findingId: finding.id,
      });
      expect(res.status).toBe(200);
    }
    const stored = await app.documents(ARTICLE).findOne({ documentId: article.documentId, locale: 'zh-Hans' });
    expect(stored!.title).toBe('会议传达决策部署');
    expect(JSON.stringify(stored!.body)).toContain('138****5678');
    expect((await check(article.documentId)).body.data.findings).toEqual([]);
    expect((await publish(article.documentId)).status).toBe(200);
    expect((await publicGet(article.documentId)).status).toBe(200);
  });

  test('a fix for a finding that no longer exists is a 404 and changes nothing', async () => {
    const article = await draft({ title: '干净的标题' });
    const res = await as(admin).post('/admin/newsroom/inspection/fix', {
      uid: ARTICLE,
      documentId: article.documentId,
      locale: 'zh-Hans',
      findingId: 'nope',
    });
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  test('personal data in a linked quote or commended individual is found and fixed there', async () => {
    const article = await draft({ title: '表彰名单' });
    const person = await app.documents('api::commended-individual.commended-individual').create({
      locale: 'zh-Hans',
      data: { name: '张三', position: `身份证号${ID_NUMBER}` },
    });
    await app
      .documents(ARTICLE)
      .update({ documentId: article.documentId, locale: 'zh-Hans', data: { commendedIndividuals: [person.documentId] } as never });
    const { findings } = (await check(article.documentId)).body.data;
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'id-number', field: 'commendedIndividuals[0].position', match: '330***********1231' }),
    ]);
    expect((await publish(article.documentId)).status).toBe(400);
    const fixed = await as(admin).post('/admin/newsroom/inspection/fix', {
      uid: ARTICLE,
      documentId: article.documentId,
      locale: 'zh-Hans',
      findingId: findings[0].id,
    });
    expect(fixed.status).toBe(200);
    const stored = await app
      .documents('api::commended-individual.commended-individual')
      .findOne({ documentId: person.documentId, locale: 'zh-Hans' });
    expect(stored!.position).toBe('身份证号330***********1231');
  });

  test('a role without the right to read the article gets 403; bad input 400; anonymous 401', async () => {
    const article = await draft({ title: '权限' });
    const translation = await as(editor).post('/admin/newsroom/inspection/check', {
      uid: 'api::speaker-quote.speaker-quote',
      documentId: article.documentId,
      locale: 'zh-Hans',
    });
    expect(translation.status).toBe(403);
    expect((await check(article.documentId, 'not-a-token')).status).toBe(401);
    expect(
      (await as(admin).post('/admin/newsroom/inspection/check', { uid: 'admin::user', documentId: article.documentId, locale: 'zh-Hans' }))
        .status
    ).toBe(400);
    expect((await as(admin).post('/admin/newsroom/inspection/check', { documentId: ['x'], locale: 'zh-Hans' })).status).toBe(400);
    expect((await as(admin).post('/admin/newsroom/inspection/check', { documentId: 'missing', locale: 'zh-Hans' })).status).toBe(404);
  });
});

describe('warnings and who may accept them', () => {
  test('a sensitive word stops the publish until a 终审 accepts it with a reason, which is recorded', async () => {
    const article = await draft({ title: '关于农民工工资支付的通知' });
    const refused = await publish(article.documentId);
    expect(refused.status).toBe(400);
    expect(refused.body.error.name).toBe('ValidationError');
    expect(refused.body.error.details.findings).toEqual([
      expect.objectContaining({ rule: 'sensitive-word', match: '农民工', severity: 'warn' }),
    ]);
    const findingId = refused.body.error.details.findings[0].id;
    const accept = (token: string, reason: unknown) =>
      as(token).post('/admin/newsroom/inspection/accept', {
        uid: ARTICLE,
        documentId: article.documentId,
        locale: 'zh-Hans',
        findingId,
        reason,
      });

    // The default Editor role has no 接受检查警告 permission, and sees no accept button.
    expect((await check(article.documentId, editor)).body.data.canAccept).toBe(false);
    expect((await accept(editor, '理由')).status).toBe(403);
    expect((await accept(admin, '   ')).status).toBe(400);
    expect((await publish(article.documentId)).status).toBe(400);

    const accepted = await accept(admin, '政策文件原文用语');
    expect(accepted.status).toBe(200);
    expect(accepted.body.data.findings[0].accepted).toMatchObject({ reason: '政策文件原文用语', by: 'Test Admin' });
    expect(accepted.body.data.blocking).toBe(0);
    expect((await publish(article.documentId)).status).toBe(200);
    const records = await app.db
      .query('api::inspection.inspection-acceptance')
      .findMany({ where: { targetDocumentId: article.documentId } });
    expect(records).toEqual([
      expect.objectContaining({ rule: 'sensitive-word', match: '农民工', reason: '政策文件原文用语', acceptedBy: 'Test Admin' }),
    ]);
  });

  test('a warning accepted in a quote holds when the quote goes public with its article', async () => {
    const article = await draft({ title: '座谈会' });
    const quote = await app.documents('api::speaker-quote.speaker-quote').create({
      locale: 'zh-Hans',
      data: { text: '要关心农民工的冷暖。', speakerName: '李四', article: article.documentId } as never,
    });
    const { findings } = (await check(article.documentId)).body.data;
    expect(findings).toEqual([expect.objectContaining({ rule: 'sensitive-word', field: 'quotes[0].text' })]);
    const accepted = await as(admin).post('/admin/newsroom/inspection/accept', {
      uid: ARTICLE,
      documentId: article.documentId,
      locale: 'zh-Hans',
      findingId: findings[0].id,
      reason: '引用原话',
    });
    expect(accepted.body.data.blocking).toBe(0);
    // The quote's own check (its publish follows the article's) sees the same acceptance.
    const own = await as(admin).post('/admin/newsroom/inspection/check', {
      uid: 'api::speaker-quote.speaker-quote',
      documentId: quote.documentId,
      locale: 'zh-Hans',
    });
    expect(own.body.data.findings[0].accepted).toMatchObject({ reason: '引用原话' });
    expect((await publish(article.documentId)).status).toBe(200);
    expect((await api(app).get(`/api/speaker-quotes/${quote.documentId}`)).status).toBe(200);
  });

  test('a role may fix only what it may edit: a linked entry of a type it cannot edit is a 403', async () => {
    const article = await draft({ title: '名单' });
    const person = await app.documents('api::commended-individual.commended-individual').create({
      locale: 'zh-Hans',
      data: { name: '王五', position: `电话${MOBILE}` },
    });
    await app
      .documents(ARTICLE)
      .update({ documentId: article.documentId, locale: 'zh-Hans', data: { commendedIndividuals: [person.documentId] } as never });
    const { findings } = (await check(article.documentId, editor)).body.data;
    const res = await as(editor).post('/admin/newsroom/inspection/fix', {
      uid: ARTICLE,
      documentId: article.documentId,
      locale: 'zh-Hans',
      findingId: findings[0].id,
    });
    expect(res.status).toBe(403);
    const stored = await app
      .documents('api::commended-individual.commended-individual')
      .findOne({ documentId: person.documentId, locale: 'zh-Hans' });
    expect(stored!.position).toBe(`电话${MOBILE}`);
  });

  test('a forbidden word or personal data cannot be accepted, only fixed', async () => {
    const article = await draft({ title: '台湾总统选举报道' });
    const { findings } = (await check(article.documentId)).body.data;
    expect(findings).toEqual([expect.objectContaining({ rule: 'forbidden-word', severity: 'block' })]);
    const res = await as(admin).post('/admin/newsroom/inspection/accept', {
      uid: ARTICLE,
      documentId: article.documentId,
      locale: 'zh-Hans',
      findingId: findings[0].id,
      reason: '想发',
    });
    expect(res.status).toBe(400);
    expect((await publish(article.documentId)).status).toBe(400);
  });

  test('accepted warnings cannot be created, edited or deleted through the document service', async () => {
    const acceptances = app.documents('api::inspection.inspection-acceptance');
    await expect(
      acceptances.create({ data: { targetUid: ARTICLE, targetDocumentId: 'x', findingId: 'y', rule: 'z', reason: 'r' } })
    ).rejects.toThrow(/read-only/);
    const article = await draft({ title: '瞎子摸象的说法' });
    const { findings } = (await check(article.documentId)).body.data;
    const accepted = await as(admin).post('/admin/newsroom/inspection/accept', {
      uid: ARTICLE,
      documentId: article.documentId,
      locale: 'zh-Hans',
      findingId: findings[0].id,
      reason: '成语',
    });
    expect(accepted.status).toBe(200);
    const record = await app.db.query('api::inspection.inspection-acceptance').findOne({ where: { targetDocumentId: article.documentId } });
    await expect(acceptances.delete({ documentId: record.documentId })).rejects.toThrow(/read-only/);
    // Through the content manager's routes, even as Super Admin: readable, never changed.
    const path = `/content-manager/collection-types/api::inspection.inspection-acceptance/${record.documentId}`;
    for (const res of [
      await as(admin).put(path, { reason: '改掉' }),
      await api(app).delete(path).set('Authorization', `Bearer ${admin}`),
    ]) {
      expect([400, 403]).toContain(res.status);
    }
    const kept = await app.db.query('api::inspection.inspection-acceptance').findOne({ where: { id: record.id } });
    expect(kept).toMatchObject({ reason: record.reason });
  });
});

describe('the guard on every publish path', () => {
  const bad = () => draft({ title: '不合格稿件', body: [paragraph(`电话${MOBILE}`)] });

  test('content-manager publish: 400 listing the findings, nothing public', async () => {
    const article = await bad();
    const res = await publish(article.documentId);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/发布前检查未通过/);
    expect(rules(res.body.error.details.findings)).toEqual(['mobile-number']);
    expect((await publicGet(article.documentId)).status).toBe(404);
  });

  test('content-manager bulk publish: refused as a whole, nothing published', async () => {
    const good = await draft({ title: '合格稿件一' });
    const article = await bad();
    const res = await as(admin).post(`${ARTICLES}/actions/bulkPublish?locale=zh-Hans`, {
      documentIds: [good.documentId, article.documentId],
    });
    expect(res.status).toBe(400);
    expect((await publicGet(article.documentId)).status).toBe(404);
    expect((await publicGet(good.documentId)).status).toBe(404);
  });

  test('content-manager save-and-publish of a new entry: 400, no draft left behind', async () => {
    const before = await app.documents(ARTICLE).count({ locale: 'zh-Hans' });
    const res = await as(admin).post(`${ARTICLES}/actions/publish?locale=zh-Hans`, { title: '直接发布', source: '', channel: null });
    expect(res.status).toBe(400);
    expect(await app.documents(ARTICLE).count({ locale: 'zh-Hans' })).toBe(before);
  });

  test('REST create and update with status=published (API token): 400, nothing written', async () => {
    const before = await app.documents(ARTICLE).count({ locale: 'zh-Hans' });
    const created = await as(apiToken).post('/api/articles?status=published', {
      data: { title: `电话${MOBILE}`, source: '办公室', channel: channelId },
    });
    expect(created.status).toBe(400);
    expect(created.body.error.details.findings[0].rule).toBe('mobile-number');
    expect(await app.documents(ARTICLE).count({ locale: 'zh-Hans' })).toBe(before);

    const article = await draft({ title: '待更新' });
    const updated = await as(apiToken).put(`/api/articles/${article.documentId}?status=published`, { data: { title: '台湾总统' } });
    expect(updated.status).toBe(400);
    const stored = await app.documents(ARTICLE).findOne({ documentId: article.documentId, locale: 'zh-Hans' });
    expect(stored!.title).toBe('待更新');
    expect((await publicGet(article.documentId)).status).toBe(404);
  });

  test('GraphQL createArticle with status PUBLISHED: an error, nothing written', async () => {
    const before = await app.documents(ARTICLE).count({ locale: 'zh-Hans' });
    const res = await graphql(
      app,
      'mutation($data: ArticleInput!) { createArticle(data: $data, status: PUBLISHED, locale: "zh-Hans") { documentId } }',
      { data: { title: '无来源', channel: channelId } },
      apiToken
    );
    expect(res.body.data?.createArticle ?? null).toBeNull();
    expect(res.body.errors[0].message).toMatch(/发布前检查未通过/);
    expect(await app.documents(ARTICLE).count({ locale: 'zh-Hans' })).toBe(before);
  });

  test('the document service (scripts, imports) is refused too', async () => {
    const article = await bad();
    await expect(app.documents(ARTICLE).publish({ documentId: article.documentId, locale: 'zh-Hans' })).rejects.toThrow(/发布前检查未通过/);
    await expect(app.documents(ARTICLE).publish({ documentId: article.documentId, locale: '*' })).rejects.toThrow(/发布前检查未通过/);
  });

  test('links to a draft article or a deleted upload block the publish', async () => {
    const target = await draft({ title: '尚未发布的目标', slug: 'draft-target' });
    const article = await draft({
      title: '含链接',
      body: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: '见' },
            { type: 'link', url: '/articles/draft-target', children: [{ type: 'text', text: '草稿' }] },
            { type: 'link', url: 'http://localhost:1337/uploads/gone_123.pdf', children: [{ type: 'text', text: '附件' }] },
            { type: 'link', url: '/articles/never-existed', children: [{ type: 'text', text: '不存在' }] },
            { type: 'link', url: 'https://www.gov.cn/articles/elsewhere', children: [{ type: 'text', text: '外部' }] },
          ],
        },
      ],
    });
    const { findings } = (await check(article.documentId)).body.data;
    expect(findings.map((f: Json) => f.match).sort()).toEqual([
      '/articles/draft-target',
      '/articles/never-existed',
      'http://localhost:1337/uploads/gone_123.pdf',
    ]);
    expect((await publish(article.documentId)).status).toBe(400);
    expect((await publish(target.documentId)).status).toBe(200);
    const after = (await check(article.documentId)).body.data.findings.map((f: Json) => f.match);
    expect(after).not.toContain('/articles/draft-target');
  });

  test('a channel that is not published does not count as a 栏目', async () => {
    const hidden = await app.documents('api::channel.channel').create({ locale: 'zh-Hans', data: { name: '未发布栏目' } });
    const article = await draft({ title: '栏目未发布', channel: hidden.documentId });
    const res = await publish(article.documentId);
    expect(res.status).toBe(400);
    expect(res.body.error.details.findings).toEqual([expect.objectContaining({ rule: 'missing-fact', field: 'channel' })]);
  });

  test('a publish date in the future is refused', async () => {
    const article = await draft({ title: '未来稿件', publishDate: new Date(Date.now() + 86_400_000).toISOString() });
    const res = await publish(article.documentId);
    expect(res.status).toBe(400);
    expect(rules(res.body.error.details.findings)).toEqual(['future-date']);
  });
});

describe('the word list in the admin panel', () => {
  const TERMS = '/content-manager/collection-types/api::inspection.inspection-term';

  test('a term an administrator adds is checked at once; an unusable one is refused', async () => {
    const article = await draft({ title: '关于某某工程的报道' });
    expect((await check(article.documentId)).body.data.findings).toEqual([]);
    const added = await as(admin).post(TERMS, { term: ' 某某工程 ', kind: 'forbidden', note: '内部代号' });
    expect(added.status).toBe(201);
    expect(added.body.data.term).toBe('某某工程');
    const { findings } = (await check(article.documentId)).body.data;
    expect(findings).toEqual([expect.objectContaining({ rule: 'forbidden-word', match: '某某工程' })]);
    const refused = await as(admin).post(TERMS, { term: '错字', kind: 'misspelling' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/correct form/);
  });
});

describe('npm run import:terms', () => {
  const run = (file: string) => runScript('import-terms.js', [file]);
  const csv = (name: string, content: string) => {
    const file = path.join(os.tmpdir(), `terms-${process.pid}-${name}.csv`);
    fs.writeFileSync(file, content);
    return file;
  };
  const count = () => app.db.query('api::inspection.inspection-term').count();

  test("adds an agency's CSV once; a file with a bad row adds nothing", async () => {
    const before = await count();
    const bad = await run(csv('bad', '词语,类别,正确写法\n局里简称,易错词,\n好词,禁用词,\n'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/row 2: .*correct form/);
    expect(await count()).toBe(before);

    const good = csv('good', '\uFEFF词语,类别,正确写法,说明\n机关事物管理局,易错词,机关事务管理局,本单位名称\n内部代号甲,禁用词,,\n');
    const first = await run(good);
    expect([first.code, first.stdout]).toEqual([0, expect.stringContaining('2 terms added')]);
    expect(await count()).toBe(before + 2);
    expect((await run(good)).stdout).toContain('0 terms added, 2 already listed');
    expect(await count()).toBe(before + 2);

    const article = await draft({ title: '浙江省机关事物管理局召开会议' });
    const { findings } = (await check(article.documentId)).body.data;
    expect(findings).toEqual([expect.objectContaining({ rule: 'misspelling', suggestion: '机关事务管理局' })]);
    expect((await run(path.join(os.tmpdir(), 'no-such-file.csv'))).code).toBe(2);
  });
});

describe('disguised words and numbers (#27): read as readers read them, on every text they see', () => {
  const ORG = '11330000MB0000001A';
  const disclosure = (extra: Record<string, unknown> = {}) => ({
    organizationCode: ORG,
    publishingOrganization: '浙江省机关事务管理局',
    topic: '机关事务',
    validity: 'effective',
    disclosureMethod: 'proactive',
    ...extra,
  });
  /** An article written in the content manager, as an editor saves it. */
  const written = async (data: Record<string, unknown>) => {
    const res = await as(admin).post(`${ARTICLES}?locale=zh-Hans`, {
      title: '工作动态',
      source: '办公室',
      channel: { connect: [{ documentId: channelId, locale: 'zh-Hans' }] },
      ...data,
    });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    return res.body.data as { documentId: string } & Record<string, unknown>;
  };
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAOUlEQVRIie3VwQkAQAgDwe2/thR1ZXiPAf+CxEyrk8ninHrClXdKgUxlBomwGBbD4rAYFsPivmLxAQG9vG68soTJAAAAAElFTkSuQmCC',
    'base64'
  );
  const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
  const upload = async (info: object, bytes = PNG, filename = 'photo.png', contentType = 'image/png') => {
    const res = await api(app)
      .post('/upload')
      .set('Authorization', `Bearer ${admin}`)
      .field('fileInfo', JSON.stringify(info))
      .attach('files', bytes, { filename, contentType });
    expect(res.status).toBe(201);
    return res.body[0] as { id: number; url: string; name: string; alternativeText: string | null; caption: string | null };
  };
  const refusedFor = async (documentId: string) => {
    const res = await publish(documentId);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(res.body.error.message).toMatch(/发布前检查未通过/);
    expect((await publicGet(documentId)).status).toBe(404);
    return res.body.error.details.findings.map((finding: Json) => [finding.rule, finding.field, finding.match]);
  };

  test.each([
    ['a title in traditional characters', { title: '臺灣政府工作報告' }, ['forbidden-word', 'title', '臺灣政府']],
    ['a title with Taiwan variants mixed in', { title: '台灣政府' }, ['forbidden-word', 'title', '台灣政府']],
    ['a title with an ideographic space inside the word', { title: '台湾\u3000政府' }, ['forbidden-word', 'title', '台湾\u3000政府']],
    [
      'a summary with a zero-width space (cleaned on save, still caught)',
      { summary: '关于台湾\u200b政府的说法' },
      ['forbidden-word', 'summary', '台湾政府'],
    ],
    [
      'a subtitle with a soft hyphen and traditional characters',
      { subtitle: '臺灣\u00ad政府' },
      ['forbidden-word', 'subtitle', '臺灣政府'],
    ],
    ['a misspelling in traditional characters', { title: '傳達決策部屬' }, ['misspelling', 'title', '決策部屬']],
    ['a mobile with dots', { body: [paragraph('联系电话 138.1234.5678')] }, ['mobile-number', 'body', '138****5678']],
    ['a mobile with spaces', { body: [paragraph('联系电话 138 1234 5678')] }, ['mobile-number', 'body', '138****5678']],
    ['a mobile with zero-width spaces', { body: [paragraph('电话138\u200b1234\u200b5678')] }, ['mobile-number', 'body', '138****5678']],
    ['a mobile in full-width digits', { author: '记者 １３８－１２３４－５６７８' }, ['mobile-number', 'author', '138****5678']],
    ['an ID with spaces', { body: [paragraph('身份证 110105 19491231 002X')] }, ['id-number', 'body', '110***********002X']],
    ['an ID over a line break', { source: '110105\n19491231002X' }, ['id-number', 'source', '110***********002X']],
    [
      'the 信息公开 发布机构 in traditional characters',
      { disclosure: disclosure({ publishingOrganization: '臺灣政府辦公室' }) },
      ['forbidden-word', 'disclosure.publishingOrganization', '臺灣政府'],
    ],
    [
      'the 信息公开 主题分类 with a mobile',
      { disclosure: disclosure({ topic: '咨询 138-1234-5678' }) },
      ['mobile-number', 'disclosure.topic', '138****5678'],
    ],
  ])('content-manager publish refused: %s', async (_name, data, expected) => {
    const article = await written(data);
    expect(await refusedFor(article.documentId)).toEqual([expected]);
  });

  test('what is saved through the content manager loses its invisible characters; what readers see is unchanged', async () => {
    const article = await written({
      title: '标\u200b题\u2060',
      body: [paragraph('正\u00ad文\ufeff')],
      disclosure: disclosure({ topic: '机关\u200b事务' }),
    });
    const stored = await app.documents(ARTICLE).findOne({ documentId: article.documentId, locale: 'zh-Hans', populate: ['disclosure'] });
    expect(stored!.title).toBe('标题');
    expect(JSON.stringify(stored!.body)).toContain('"正文"');
    expect((stored as unknown as { disclosure: { topic: string } }).disclosure.topic).toBe('机关事务');
  });

  test('a cover whose caption hides a word and whose alt text spells a mobile: refused, listing both', async () => {
    const file = await upload({ caption: '台湾\u200b政府大楼', alternativeText: '电话１３８－１２３４－５６７８' });
    // The media library keeps what it was sent (its own code is not the articles'): the check reads it as readers would.
    expect(file.caption).toBe('台湾\u200b政府大楼');
    const article = await written({ title: '封面', cover: file.id });
    expect((await refusedFor(article.documentId)).sort()).toEqual([
      ['forbidden-word', 'cover[0].caption', '台湾\u200b政府'],
      ['mobile-number', 'cover[0].alternativeText', '138****5678'],
    ]);
    const attachment = await upload({ name: '臺灣政府.pdf' }, PDF, 'notice.pdf', 'application/pdf');
    const other = await written({ title: '附件', attachments: [attachment.id] });
    expect(await refusedFor(other.documentId)).toEqual([['forbidden-word', 'attachments[0].name', '臺灣政府']]);
  });

  test('an image put in the body with a traditional alt text: refused, naming the image', async () => {
    const file = await upload({ alternativeText: '臺灣政府', caption: '会场' });
    // The body's image node holds a copy of the file, as the editor's image block saves it.
    const image = (await api(app).get(`/upload/files/${file.id}`).set('Authorization', `Bearer ${admin}`)).body;
    const article = await written({ body: [{ type: 'image', image, children: [{ type: 'text', text: '' }] }, paragraph('正文')] });
    expect(await refusedFor(article.documentId)).toEqual([['forbidden-word', 'body[0].image.alternativeText', '臺灣政府']]);
  });

  const fix = (documentId: string, findingId: string) =>
    as(admin).post('/admin/newsroom/inspection/fix', { uid: ARTICLE, documentId, locale: 'zh-Hans', findingId });

  test('one-click fix masks a disguised number whole, separators included, and the article then publishes', async () => {
    const article = await written({ body: [paragraph('联系电话 138.1234.5678，身份证 110105 19491231 002X。')] });
    let { findings } = (await check(article.documentId)).body.data;
    expect(findings.map((finding: Json) => finding.match)).toEqual(['138****5678', '110***********002X']);
    // Each fix answers the draft's new findings, as the panel shows them next.
    for (let round = 0; findings.length && round < 3; round += 1) {
      const res = await fix(article.documentId, findings[0].id);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/json/);
      findings = res.body.data.findings;
    }
    const stored = await app.documents(ARTICLE).findOne({ documentId: article.documentId, locale: 'zh-Hans' });
    expect(stored!.body).toEqual([paragraph('联系电话 138****5678，身份证 110***********002X。')]);
    expect((await publish(article.documentId)).status).toBe(200);
    expect(JSON.stringify((await publicGet(article.documentId)).body)).toContain('138****5678');
  });

  test('text stored before cleaning (zero-width spaces inside a number): found, and the fix replaces the hidden characters too', async () => {
    const article = await written({ title: '旧稿' });
    // As an older release or a direct database write left it: no document rule ran.
    await app.db.query(ARTICLE).update({
      where: { documentId: article.documentId, publishedAt: null },
      data: { summary: '电话1\u200b3\u200b8\u200b1234\u200b5678。' },
    });
    const { findings } = (await check(article.documentId)).body.data;
    expect(findings).toEqual([expect.objectContaining({ rule: 'mobile-number', field: 'summary', match: '138****5678' })]);
    expect((await fix(article.documentId, findings[0].id)).status).toBe(200);
    const stored = await app.documents(ARTICLE).findOne({ documentId: article.documentId, locale: 'zh-Hans' });
    expect(stored!.summary).toBe('电话138****5678。');
  });

  test('one-click fix in the 信息公开 metadata writes the field and keeps the rest of it', async () => {
    const article = await written({ disclosure: disclosure({ topic: '咨询 138 1234 5678', documentNumber: '浙机管〔2026〕3号' }) });
    const { findings } = (await check(article.documentId)).body.data;
    expect(findings).toEqual([expect.objectContaining({ rule: 'mobile-number', field: 'disclosure.topic', fixable: true })]);
    expect((await fix(article.documentId, findings[0].id)).status).toBe(200);
    const stored = (await app.documents(ARTICLE).findOne({
      documentId: article.documentId,
      locale: 'zh-Hans',
      populate: ['disclosure'],
    })) as unknown as { disclosure: Record<string, unknown> };
    expect(stored.disclosure).toMatchObject({
      organizationCode: ORG,
      publishingOrganization: '浙江省机关事务管理局',
      topic: '咨询 138****5678',
      documentNumber: '浙机管〔2026〕3号',
    });
    expect((await publish(article.documentId)).status).toBe(200);
    expect((await publicGet(article.documentId)).status).toBe(200);
  });

  test('not flagged: dates, 索引号-like codes, landlines, masked forms, Latin words with spaces', async () => {
    const article = await written({
      title: '2024-01-01 会议',
      body: [paragraph('电话 0571-8765 4321，文件 002482365/2024-00123，日期 2024.12.31，已遮盖 138****5678。台湾省政府旧址。')],
    });
    expect((await check(article.documentId)).body.data.findings).toEqual([]);
    expect((await publish(article.documentId)).status).toBe(200);
  });
});
