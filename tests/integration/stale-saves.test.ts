// A save or a 通过 based on an older version of a draft is refused (409 in Strapi's error
// format) and changes nothing, on every path that saves drafts: after 一键遮盖 the still-open
// form's save (content manager save and save-and-publish) cannot unmask the number; REST
// updates and GraphQL mutations that state the version they read (If-Match /
// If-Unmodified-Since) likewise; a reviewer who read the draft before the writer's edit
// cannot pass it. Clients that state no version keep working, except that a 通过 must name it.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { adminToken, editorWithRole } from '../helpers/admin';
import { api, type Json } from '../helpers/http';

let app: App;
let admin: string;
let writer: string;
let reviewer: string;
let apiToken: string;
let channelId: string;

const ARTICLE = 'api::article.article';
const ARTICLES = '/content-manager/collection-types/api::article.article';
const MOBILE = '13812345678';
const MASKED = '138****5678';
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

const as = (token: string, headers: Record<string, string> = {}) => ({
  post: (path: string, body: object = {}) => api(app).post(path).set('Authorization', `Bearer ${token}`).set(headers).send(body),
  put: (path: string, body: object = {}) => api(app).put(path).set('Authorization', `Bearer ${token}`).set(headers).send(body),
  get: (path: string) => api(app).get(path).set('Authorization', `Bearer ${token}`),
});
/** The draft as the content manager's edit view loads it. */
const editView = async (documentId: string, token = admin) => {
  const res = await as(token).get(`${ARTICLES}/${documentId}?locale=zh-Hans`);
  expect(res.status).toBe(200);
  return res.body.data as Json;
};
const ifMatch = (updatedAt: string) => ({ 'If-Match': `"${updatedAt}"` });
const expectConflict = (res: { status: number; body: Json }, message: string) => {
  expect(res.status).toBe(409);
  expect(res.body).toEqual({
    data: null,
    error: { status: 409, name: 'ConflictError', message: expect.stringContaining(message), details: expect.any(Object) },
  });
};

const userWithRole = async (roleName: string, email: string) =>
  (await editorWithRole(app, roleName, { email, firstname: roleName, lastname: '编辑', password: 'Stale-Passw0rd' })).token;

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false', PUBLISH_CHECKS: 'true', REVIEW_REQUIRED: 'true' });
  admin = await adminToken(app, 'stale-admin@example.gov.cn');
  writer = await userWithRole('撰稿', 'stale-writer@example.gov.cn');
  reviewer = await userWithRole('初审', 'stale-first@example.gov.cn');
  apiToken = (await app.service('admin::api-token').create({ name: 'stale', type: 'full-access', lifespan: null })).accessKey;
  channelId = (await app.documents('api::channel.channel').create({ locale: 'zh-Hans', data: { name: '工作动态' }, status: 'published' }))
    .documentId;
});
afterAll(async () => {
  await stopApp(app);
  process.env.REVIEW_REQUIRED = 'false';
  process.env.PUBLISH_CHECKS = 'false';
});

/** An article written in the content manager with a mobile number in its body; its edit view as loaded. */
const articleWithMobile = async (title: string) => {
  const created = await as(admin).post(`${ARTICLES}?locale=zh-Hans`, {
    title,
    source: '办公室',
    channel: { connect: [{ documentId: channelId, locale: 'zh-Hans' }] },
    body: [paragraph(`联系电话${MOBILE}。`)],
  });
  expect(created.status).toBe(201);
  return editView(created.body.data.documentId);
};
/** 一键遮盖 from the 发布检查 panel, which writes the draft on the server. */
const maskMobile = async (documentId: string) => {
  const { findings } = (await as(admin).post('/admin/newsroom/inspection/check', { uid: ARTICLE, documentId, locale: 'zh-Hans' })).body
    .data;
  const finding = findings.find((f: Json) => f.rule === 'mobile-number');
  const fixed = await as(admin).post('/admin/newsroom/inspection/fix', {
    uid: ARTICLE,
    documentId,
    locale: 'zh-Hans',
    findingId: finding.id,
  });
  expect(fixed.status).toBe(200);
};
const storedBody = async (documentId: string) => JSON.stringify((await editView(documentId)).body);

describe('after 一键遮盖, the still-open form', () => {
  test('cannot save its older text: 409, the number stays masked; reloaded, it saves', async () => {
    const form = await articleWithMobile('遮盖后保存');
    await maskMobile(form.documentId);
    const save = await as(admin, ifMatch(form.updatedAt)).put(`${ARTICLES}/${form.documentId}?locale=zh-Hans`, {
      title: '遮盖后保存（改标题）',
      body: form.body,
    });
    expectConflict(save, '稿件已被修改，请刷新后再保存');
    expect(await storedBody(form.documentId)).toContain(MASKED);
    expect(await storedBody(form.documentId)).not.toContain(MOBILE);
    expect((await editView(form.documentId)).title).toBe('遮盖后保存');

    const reloaded = await editView(form.documentId);
    const saved = await as(admin, ifMatch(reloaded.updatedAt)).put(`${ARTICLES}/${form.documentId}?locale=zh-Hans`, {
      title: '遮盖后保存（改标题）',
      body: reloaded.body,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data.title).toBe('遮盖后保存（改标题）');
    expect(JSON.stringify(saved.body.data.body)).toContain(MASKED);
  });

  test('cannot save-and-publish its older text either: 409, nothing published', async () => {
    const form = await articleWithMobile('遮盖后发布');
    await maskMobile(form.documentId);
    const publish = await as(admin, ifMatch(form.updatedAt)).post(`${ARTICLES}/${form.documentId}/actions/publish?locale=zh-Hans`, {
      title: form.title,
      body: form.body,
    });
    expectConflict(publish, '稿件已被修改，请刷新后再保存');
    expect(await storedBody(form.documentId)).toContain(MASKED);
    expect(await app.db.query(ARTICLE).count({ where: { documentId: form.documentId, publishedAt: { $notNull: true } } })).toBe(0);
  });

  test('a save naming the current version passes; a client naming none is not checked; a bad header is a 400', async () => {
    const form = await articleWithMobile('版本头');
    const first = await as(admin, ifMatch(form.updatedAt)).put(`${ARTICLES}/${form.documentId}?locale=zh-Hans`, { title: '版本头 1' });
    expect(first.status).toBe(200);
    // The answer carries the new version: the next save from the same form names it.
    const second = await as(admin, ifMatch(first.body.data.updatedAt)).put(`${ARTICLES}/${form.documentId}?locale=zh-Hans`, {
      title: '版本头 2',
    });
    expect(second.status).toBe(200);
    expect((await as(admin).put(`${ARTICLES}/${form.documentId}?locale=zh-Hans`, { title: '版本头 3' })).status).toBe(200);
    const bad = await as(admin, { 'If-Match': '"yesterday"' }).put(`${ARTICLES}/${form.documentId}?locale=zh-Hans`, { title: '版本头 4' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ status: 400, name: 'ValidationError', message: expect.stringContaining('If-Match') });
    expect((await editView(form.documentId)).title).toBe('版本头 3');
  });
});

describe('REST and GraphQL clients that state the version they read', () => {
  test('REST: a stale If-Match or If-Unmodified-Since is a 409 that writes nothing; the current one saves', async () => {
    const form = await articleWithMobile('接口保存');
    const read = (
      await api(app).get(`/api/articles/${form.documentId}?status=draft&locale=zh-Hans`).set('Authorization', `Bearer ${apiToken}`)
    ).body.data;
    expect(read.updatedAt).toBe(form.updatedAt);
    await maskMobile(form.documentId);
    const rest = (headers: Record<string, string>, title: string) =>
      api(app)
        .put(`/api/articles/${form.documentId}?locale=zh-Hans&status=draft`)
        .set('Authorization', `Bearer ${apiToken}`)
        .set(headers)
        .send({ data: { title, body: read.body } });
    expectConflict(await rest(ifMatch(read.updatedAt), '接口保存（旧）'), '稿件已被修改，请刷新后再保存');
    // An HTTP-date one second before the fix: the fix is later.
    const before = new Date(Date.parse(read.updatedAt) - 1000).toUTCString();
    expectConflict(await rest({ 'If-Unmodified-Since': before }, '接口保存（旧）'), '稿件已被修改');
    expect(await storedBody(form.documentId)).toContain(MASKED);
    expect((await editView(form.documentId)).title).toBe('接口保存');

    const current = await editView(form.documentId);
    const saved = await api(app)
      .put(`/api/articles/${form.documentId}?locale=zh-Hans&status=draft`)
      .set('Authorization', `Bearer ${apiToken}`)
      .set(ifMatch(current.updatedAt))
      .send({ data: { title: '接口保存（新）' } });
    expect([saved.status, saved.body.error]).toEqual([200, undefined]);
    expect((await editView(form.documentId)).title).toBe('接口保存（新）');
  });

  test('GraphQL: a mutation sent with a stale If-Match is refused with STRAPI_CONFLICT_ERROR and writes nothing', async () => {
    const form = await articleWithMobile('图形接口保存');
    await maskMobile(form.documentId);
    const mutation = `mutation($id: ID!, $body: JSON) { updateArticle(documentId: $id, locale: "zh-Hans", data: { title: "图形接口（旧）", body: $body }) { title } }`;
    const res = await api(app)
      .post('/graphql')
      .set('Authorization', `Bearer ${apiToken}`)
      .set(ifMatch(form.updatedAt))
      .send({ query: mutation, variables: { id: form.documentId, body: form.body } });
    expect(res.body.data?.updateArticle ?? null).toBeNull();
    expect(res.body.errors[0]).toMatchObject({
      message: expect.stringContaining('稿件已被修改，请刷新后再保存'),
      extensions: { code: 'STRAPI_CONFLICT_ERROR', error: { name: 'ConflictError' } },
    });
    expect(await storedBody(form.documentId)).toContain(MASKED);
    expect((await editView(form.documentId)).title).toBe('图形接口保存');
  });
});

describe('a 通过 names the version the reviewer read', () => {
  const move = (token: string, documentId: string, direction: 'forward' | 'back', extra: object = {}) =>
    as(token).post('/admin/newsroom/review/move', { uid: ARTICLE, documentId, locale: 'zh-Hans', move: direction, ...extra });
  const stageOf = async (documentId: string) =>
    (await as(admin).post('/admin/newsroom/review/state', { uid: ARTICLE, documentId, locale: 'zh-Hans' })).body.data;

  test('the writer edits at 初审 after the reviewer opened it: the stale 通过 is a 409, the stage and history stay', async () => {
    const created = await as(writer).post(`${ARTICLES}?locale=zh-Hans`, { title: '初审中修改', source: '办公室' });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    // 送初审 needs no version: the writer submits their own text, which 初审 then reads.
    expect((await move(writer, documentId, 'forward')).body.data.stage).toBe('first');

    const seen = await editView(documentId, reviewer);
    expect((await as(writer).put(`${ARTICLES}/${documentId}?locale=zh-Hans`, { title: '初审中修改（已改）' })).status).toBe(200);

    expectConflict(
      await move(reviewer, documentId, 'forward', { expectedUpdatedAt: seen.updatedAt, comment: '通过' }),
      '稿件已被修改，请刷新后再审'
    );
    const after = await stageOf(documentId);
    expect(after.stage).toBe('first');
    expect(after.history.map((event: Json) => [event.from, event.to])).toEqual([['draft', 'first']]);

    // Without a version a 通过 is refused (400); a bad one too.
    const bare = await move(reviewer, documentId, 'forward');
    expect(bare.status).toBe(400);
    expect(bare.body.error).toMatchObject({ name: 'ValidationError', message: expect.stringContaining('expectedUpdatedAt') });
    expect((await move(reviewer, documentId, 'forward', { expectedUpdatedAt: 'soon' })).status).toBe(400);
    expect((await stageOf(documentId)).stage).toBe('first');

    // Reloaded, the reviewer passes what they read.
    const reread = await editView(documentId, reviewer);
    expect(reread.title).toBe('初审中修改（已改）');
    expect((await move(reviewer, documentId, 'forward', { expectedUpdatedAt: reread.updatedAt })).body.data.stage).toBe('second');
  });

  test('退回 needs no version: sending back a newer text still sends it back', async () => {
    const created = await as(writer).post(`${ARTICLES}?locale=zh-Hans`, { title: '退回不需版本', source: '办公室' });
    const { documentId } = created.body.data;
    expect((await move(writer, documentId, 'forward')).body.data.stage).toBe('first');
    const seen = await editView(documentId, reviewer);
    expect((await as(writer).put(`${ARTICLES}/${documentId}?locale=zh-Hans`, { title: '退回不需版本（改）' })).status).toBe(200);
    const back = await move(reviewer, documentId, 'back', { comment: '请补充来源' });
    expect(back.status).toBe(200);
    expect(back.body.data.stage).toBe('draft');
    // A version sent with a 退回 is checked all the same.
    expect((await move(writer, documentId, 'forward')).body.data.stage).toBe('first');
    expectConflict(await move(reviewer, documentId, 'back', { comment: '再退回', expectedUpdatedAt: seen.updatedAt }), '请刷新后再审');
  });
});
