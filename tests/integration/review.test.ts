// 三审 as editors and clients meet it: the four roles moving an article 草稿 → 初审 → 复审 →
// 终审 → 可发布 through the admin API and 终审 publishing it; each role refused outside its
// stage; send-backs with 审核意见 and the history; the gate holding on every publish path
// with nothing written; an edit after approval sending it back to 初审; the switch; the
// demo seed; the roles surviving a restart without doubles.
import path from 'path';
import { startApp, stopApp, usingPostgres, type App } from '../helpers/strapi';
import { api, graphql, type Json } from '../helpers/http';
import { adminToken, editorWithRole } from '../helpers/admin';

let app: App;
let admin: string;
const tokens: Record<string, string> = {};
let apiToken: string;

const ARTICLE = 'api::article.article';
const QUOTE = 'api::speaker-quote.speaker-quote';
const ARTICLES = '/content-manager/collection-types/api::article.article';
const ROLE_NAMES = ['撰稿', '初审', '复审', '终审'];
const USERS: Record<string, string> = { 撰稿: 'writer', 初审: 'first', 复审: 'second', 终审: 'final' };

const as = (token: string) => ({
  post: (url: string, body: object = {}) => api(app).post(url).set('Authorization', `Bearer ${token}`).send(body),
  put: (url: string, body: object = {}) => api(app).put(url).set('Authorization', `Bearer ${token}`).send(body),
  get: (url: string) => api(app).get(url).set('Authorization', `Bearer ${token}`),
});
/** The draft's updatedAt as the caller's edit view shows it (a 通过 names it); none when they may not open it. */
const seenVersion = async (token: string, documentId: string) => {
  const view = await as(token).get(`${ARTICLES}/${documentId}?locale=zh-Hans`);
  return view.status === 200 ? (view.body.data.updatedAt as string) : undefined;
};
const move = async (token: string, documentId: string, direction: 'forward' | 'back', comment?: string) =>
  as(token).post('/admin/newsroom/review/move', {
    uid: ARTICLE,
    documentId,
    locale: 'zh-Hans',
    move: direction,
    comment,
    expectedUpdatedAt: await seenVersion(token, documentId),
  });
const state = (documentId: string, token = admin) =>
  as(token).post('/admin/newsroom/review/state', { uid: ARTICLE, documentId, locale: 'zh-Hans' });
const publish = (documentId: string, token = admin) => as(token).post(`${ARTICLES}/${documentId}/actions/publish?locale=zh-Hans`);
const publicGet = (documentId: string) => api(app).get(`/api/articles/${documentId}`);
const draft = (title: string) => app.documents(ARTICLE).create({ locale: 'zh-Hans', data: { title, source: '办公室' } as never });
const publishedCount = (documentId: string) => app.db.query(ARTICLE).count({ where: { documentId, publishedAt: { $notNull: true } } });
/** An article moved to `stage` by the Super Admin (who holds every stage). */
const draftAt = async (title: string, steps: number) => {
  const article = await draft(title);
  for (let i = 0; i < steps; i += 1) expect((await move(admin, article.documentId, 'forward')).status).toBe(200);
  return article;
};

const distDir = () => process.env.TEST_DIST_DIR ?? path.resolve(__dirname, '..', '..', 'dist');
const roleNamed = (name: string) => app.db.query('admin::role').findOne({ where: { name } });

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false', REVIEW_REQUIRED: 'true' });
  admin = await adminToken(app, 'review-admin@example.gov.cn');
  for (const name of ROLE_NAMES) {
    // Logged in once each: admin logins are rate-limited per address.
    const email = `review-${USERS[name]}@example.gov.cn`;
    tokens[USERS[name]] = (
      await editorWithRole(app, name, { email, firstname: name, lastname: '编辑', password: 'Review-Passw0rd' })
    ).token;
  }
  apiToken = (await app.service('admin::api-token').create({ name: 'review', type: 'full-access', lifespan: null })).accessKey;
});
afterAll(async () => {
  await stopApp(app);
  process.env.REVIEW_REQUIRED = 'false';
});

describe('the roles', () => {
  test('are created with Chinese names and least privilege: only 终审 publishes, 撰稿 only their own', async () => {
    for (const name of ROLE_NAMES) expect(await roleNamed(name)).toBeTruthy();
    const permissionsOf = async (name: string) =>
      (await app.db.query('admin::permission').findMany({ where: { role: { name } } })) as Array<{
        action: string;
        subject: string | null;
        conditions: string[];
        properties: { locales?: string[] };
      }>;
    const publishes = async (name: string) =>
      (await permissionsOf(name)).some((p) => p.action === 'plugin::content-manager.explorer.publish' && p.subject === ARTICLE);
    expect(await publishes('撰稿')).toBe(false);
    expect(await publishes('初审')).toBe(false);
    expect(await publishes('复审')).toBe(false);
    expect(await publishes('终审')).toBe(true);
    const writer = await permissionsOf('撰稿');
    const ownArticles = writer.filter((p) => p.subject === ARTICLE && p.action !== 'plugin::content-manager.explorer.create');
    expect(ownArticles.length).toBeGreaterThan(0);
    for (const permission of ownArticles) expect(permission.conditions).toEqual(['admin::is-creator']);
    for (const permission of writer.filter((p) => p.subject === ARTICLE))
      expect(permission.properties.locales?.sort()).toEqual(['en', 'zh-Hans']);
    expect((await permissionsOf('终审')).map((p) => p.action)).toEqual(
      expect.arrayContaining(['api::review.final', 'api::inspection.accept-warnings'])
    );
    expect((await permissionsOf('初审')).map((p) => p.action)).not.toContain('api::review.second');
  });
});

describe('the four-role path', () => {
  test('撰稿 writes and submits, 初审, 复审 and 终审 pass it, 终审 publishes; each refused outside their stage', async () => {
    const created = await as(tokens.writer).post(`${ARTICLES}?locale=zh-Hans`, { title: '全省机关事务工作会议召开', source: '办公室' });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    expect((await state(documentId, tokens.writer)).body.data).toMatchObject({ stage: 'draft', canForward: true, canBack: false });

    // 撰稿 may not publish, in the content manager or by moving past their stage.
    expect((await publish(documentId, tokens.writer)).status).toBe(403);
    for (const other of ['first', 'second', 'final']) expect((await move(tokens[other], documentId, 'forward')).status).toBe(403);
    expect((await move(tokens.writer, documentId, 'forward', '请审核')).body.data.stage).toBe('first');
    expect((await move(tokens.writer, documentId, 'forward')).status).toBe(403);

    for (const [role, next] of [
      ['first', 'second'],
      ['second', 'final'],
      ['final', 'approved'],
    ] as const) {
      for (const other of ['writer', 'first', 'second', 'final'].filter((name) => name !== role)) {
        const refused = await move(tokens[other], documentId, 'forward');
        expect([other, refused.status]).toEqual([other, 403]);
        expect(refused.body.error.name).toBe('ForbiddenError');
      }
      expect((await publish(documentId, tokens.final)).status).toBe(400);
      const moved = await move(tokens[role], documentId, 'forward', `${role} 通过`);
      expect(moved.status).toBe(200);
      expect(moved.body.data.stage).toBe(next);
    }
    expect((await publicGet(documentId)).status).toBe(404);
    expect((await publish(documentId, tokens.writer)).status).toBe(403);
    expect((await publish(documentId, tokens.final)).status).toBe(200);
    expect((await publicGet(documentId)).body.data.title).toBe('全省机关事务工作会议召开');
    // Publishing is not an edit: the stage stays 可发布 until the next change.
    const after = (await state(documentId)).body.data;
    expect(after.stage).toBe('approved');
    expect(after.history.map((event: Json) => [event.from, event.to, event.comment, event.by])).toEqual([
      ['draft', 'first', '请审核', '撰稿 编辑'],
      ['first', 'second', 'first 通过', '初审 编辑'],
      ['second', 'final', 'second 通过', '复审 编辑'],
      ['final', 'approved', 'final 通过', '终审 编辑'],
    ]);
    // Each move is in the 操作日志 too, with who made it.
    const logged = await app.db
      .query('api::audit.audit-entry')
      .findMany({ where: { action: 'stage.move', targetDocumentId: documentId }, orderBy: { id: 'asc' } });
    expect(logged.map((entry: Json) => [entry.changes.stage.after, entry.actorName, entry.targetTitle])).toEqual([
      ['first', '撰稿 编辑', '全省机关事务工作会议召开'],
      ['second', '初审 编辑', '全省机关事务工作会议召开'],
      ['final', '复审 编辑', '全省机关事务工作会议召开'],
      ['approved', '终审 编辑', '全省机关事务工作会议召开'],
    ]);
  });

  test('a send-back needs 审核意见, returns to 草稿 and waits for the writer; the history keeps the comment', async () => {
    const created = await as(tokens.writer).post(`${ARTICLES}?locale=zh-Hans`, { title: '待退回的稿件', source: '办公室' });
    const documentId = created.body.data.documentId;
    await move(tokens.writer, documentId, 'forward');
    expect((await move(tokens.first, documentId, 'forward')).status).toBe(200);

    const waiting = await as(tokens.second).get('/admin/newsroom/review/waiting');
    expect(waiting.status).toBe(200);
    expect(waiting.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ documentId, stage: 'second', title: '待退回的稿件', locale: 'zh-Hans' })])
    );
    expect((await as(tokens.first).get('/admin/newsroom/review/waiting')).body.data.map((row: Json) => row.documentId)).not.toContain(
      documentId
    );

    const noComment = await move(tokens.second, documentId, 'back', '  ');
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.name).toBe('ValidationError');
    expect((await state(documentId)).body.data.stage).toBe('second');
    const back = await move(tokens.second, documentId, 'back', '数据须与原文核对');
    expect(back.body.data.stage).toBe('draft');
    expect(back.body.data.history.at(-1)).toMatchObject({ from: 'second', to: 'draft', comment: '数据须与原文核对', by: '复审 编辑' });
    expect((await as(tokens.writer).get('/admin/newsroom/review/waiting')).body.data.map((row: Json) => row.documentId)).toContain(
      documentId
    );
  });

  test('another writer’s article is not theirs to see or submit; bad input 400; anonymous 401', async () => {
    const theirs = await draft('他人的稿件');
    expect((await move(tokens.writer, theirs.documentId, 'forward')).status).toBe(403);
    expect((await state(theirs.documentId, tokens.writer)).status).toBe(403);
    expect(
      (await as(admin).post('/admin/newsroom/review/move', { documentId: theirs.documentId, locale: 'zh-Hans', move: 'up' })).status
    ).toBe(400);
    expect(
      (await as(admin).post('/admin/newsroom/review/state', { uid: 'api::channel.channel', documentId: 'x', locale: 'zh-Hans' })).status
    ).toBe(400);
    expect((await state('missing')).status).toBe(404);
    expect((await api(app).get('/admin/newsroom/review/waiting')).status).toBe(401);
  });
});

describe('the gate on every publish path', () => {
  const refusedFor = (res: Json, level: string) => {
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toContain(`尚未通过${level}`);
    expect(res.body.error.details.findings[0]).toMatchObject({ rule: 'review-stage', severity: 'block' });
  };

  test('content-manager publish and bulk publish of an unapproved article, as Super Admin too: 400, nothing public', async () => {
    const second = await draftAt('复审中的稿件', 2);
    const res = await publish(second.documentId);
    refusedFor(res, '复审');
    expect(res.body.error.message).toContain('当前：复审');
    const approved = await draftAt('已批准的稿件', 4);
    const bulk = await as(admin).post(`${ARTICLES}/actions/bulkPublish?locale=zh-Hans`, {
      documentIds: [approved.documentId, second.documentId],
    });
    refusedFor(bulk, '复审');
    expect(await publishedCount(second.documentId)).toBe(0);
    expect(await publishedCount(approved.documentId)).toBe(0);
  });

  test('REST create and update with status=published (full-access API token): 400, nothing written', async () => {
    const before = await app.documents(ARTICLE).count({ locale: 'zh-Hans' });
    refusedFor(await as(apiToken).post('/api/articles?status=published', { data: { title: '令牌直接发布', source: '办公室' } }), '初审');
    expect(await app.documents(ARTICLE).count({ locale: 'zh-Hans' })).toBe(before);

    // A field 终审 does not approve (the address), so the update leaves the stage (终审) as it is.
    const article = await draftAt('终审中的稿件', 3);
    refusedFor(
      await as(apiToken).put(`/api/articles/${article.documentId}?status=published`, { data: { slug: 'ling-pai-fa-bu' } }),
      '终审'
    );
    const stored = await app.documents(ARTICLE).findOne({ documentId: article.documentId, locale: 'zh-Hans' });
    expect(stored!.slug).not.toBe('ling-pai-fa-bu');
    expect(await publishedCount(article.documentId)).toBe(0);
  });

  test('GraphQL createArticle(status: PUBLISHED): an error naming the stage, nothing written', async () => {
    const before = await app.documents(ARTICLE).count({ locale: 'zh-Hans' });
    const res = await graphql(
      app,
      'mutation($data: ArticleInput!) { createArticle(data: $data, status: PUBLISHED, locale: "zh-Hans") { documentId } }',
      { data: { title: 'GraphQL 直接发布', source: '办公室' } },
      apiToken
    );
    expect(res.body.data?.createArticle ?? null).toBeNull();
    expect(res.body.errors[0].message).toContain('尚未通过初审');
    expect(await app.documents(ARTICLE).count({ locale: 'zh-Hans' })).toBe(before);
  });

  test('the document service (scripts, scheduled publishing) is refused too; stage records cannot be forged', async () => {
    const article = await draftAt('初审中的稿件', 1);
    await expect(app.documents(ARTICLE).publish({ documentId: article.documentId, locale: 'zh-Hans' })).rejects.toThrow(/尚未通过初审/);
    await expect(app.documents(ARTICLE).publish({ documentId: article.documentId, locale: '*' })).rejects.toThrow(/尚未通过/);
    await expect(
      app.documents('api::review.review-state').create({
        data: { targetUid: ARTICLE, targetDocumentId: article.documentId, targetLocale: 'zh-Hans', stage: 'approved' } as never,
      })
    ).rejects.toThrow(/三审/);
    expect(await publishedCount(article.documentId)).toBe(0);
  });

  test('a quote goes public with its approved article, never before it', async () => {
    const article = await draftAt('带讲话摘录的稿件', 0);
    const quote = await app.documents(QUOTE).create({
      locale: 'zh-Hans',
      data: { text: '要实干争先', speakerName: '谢小云', order: 1, article: article.documentId } as never,
    });
    for (let i = 0; i < 3; i += 1) expect((await move(admin, article.documentId, 'forward')).status).toBe(200);
    await expect(app.documents(QUOTE).publish({ documentId: quote.documentId, locale: 'zh-Hans' })).rejects.toThrow(/所属稿件尚未通过终审/);
    expect((await move(admin, article.documentId, 'forward')).body.data.stage).toBe('approved');
    expect((await publish(article.documentId)).status).toBe(200);
    const published = await app.documents(QUOTE).findOne({ documentId: quote.documentId, locale: 'zh-Hans', status: 'published' });
    expect(published?.text).toBe('要实干争先');
  });
});

describe('edits after approval', () => {
  test('editing the title sends it back to 初审 (a system move) and blocks publishing; other fields do not', async () => {
    const article = await draftAt('批准后修改', 4);
    // The address is not what 终审 approves (原网站点击率 is: readers see it in 点击率).
    const unchanged = await as(admin).put(`${ARTICLES}/${article.documentId}?locale=zh-Hans`, { slug: 'pi-zhun-hou-xiu-gai' });
    expect(unchanged.status).toBe(200);
    expect((await state(article.documentId)).body.data.stage).toBe('approved');

    const edited = await as(admin).put(`${ARTICLES}/${article.documentId}?locale=zh-Hans`, { title: '批准后修改了标题' });
    expect(edited.status).toBe(200);
    const after = (await state(article.documentId)).body.data;
    expect(after.stage).toBe('first');
    expect(after.history.at(-1)).toMatchObject({ from: 'approved', to: 'first', system: true, by: null });
    expect(after.history.at(-1).comment).toContain('title');
    const res = await publish(article.documentId);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('尚未通过初审');
  });

  test('editing the 信息公开 metadata readers see sends it back to 初审; saving it unchanged does not', async () => {
    const article = await draftAt('信息公开修改', 0);
    const disclosure = {
      organizationCode: '002482410',
      publishingOrganization: '浙江省机关事务管理局',
      documentNumber: '浙机管〔2026〕1号',
    };
    expect((await as(admin).put(`${ARTICLES}/${article.documentId}?locale=zh-Hans`, { disclosure })).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await move(admin, article.documentId, 'forward')).status).toBe(200);
    // The content manager sends the whole component back on every save, with its id.
    const stored = (await as(admin).get(`${ARTICLES}/${article.documentId}?locale=zh-Hans`)).body.data.disclosure;
    expect((await as(admin).put(`${ARTICLES}/${article.documentId}?locale=zh-Hans`, { disclosure: stored })).status).toBe(200);
    expect((await state(article.documentId)).body.data.stage).toBe('approved');
    const edited = await as(admin).put(`${ARTICLES}/${article.documentId}?locale=zh-Hans`, {
      disclosure: { ...stored, documentNumber: '浙机管〔2026〕2号' },
    });
    expect(edited.status).toBe(200);
    const after = (await state(article.documentId)).body.data;
    expect(after.stage).toBe('first');
    expect(after.history.at(-1).comment).toContain('disclosure');
  });

  test('editing a quote of an approved article sends the article back to 初审', async () => {
    const article = await draftAt('摘录修改', 4);
    const quote = await app.documents(QUOTE).create({
      locale: 'zh-Hans',
      data: { text: '原话', speakerName: '谢小云', order: 1, article: article.documentId } as never,
    });
    // A quote linked to an approved article is an edit of it (#27 finding 2), from a script too.
    expect((await state(article.documentId)).body.data.stage).toBe('first');
    for (let i = 0; i < 3; i += 1) expect((await move(admin, article.documentId, 'forward')).status).toBe(200);
    await app.documents(QUOTE).update({ documentId: quote.documentId, locale: 'zh-Hans', data: { text: '改过的原话' } as never });
    expect((await state(article.documentId)).body.data.stage).toBe('first');
  });
  test('deleting an approved article takes its approval away (a locale written again starts as 草稿)', async () => {
    const article = await draftAt('删除后重写', 4);
    await app.documents(ARTICLE).delete({ documentId: article.documentId, locale: 'zh-Hans' });
    const review = app.service('api::review.review') as unknown as { stageOf: (key: object) => Promise<string> };
    expect(await review.stageOf({ uid: ARTICLE, documentId: article.documentId, locale: 'zh-Hans' })).toBe('draft');
  });
});

describe('REVIEW_REQUIRED=false', () => {
  test('lets an unreviewed article through; the stages still work', async () => {
    app.config.set('review.required', false);
    try {
      const article = await draft('开发环境的稿件');
      expect((await publish(article.documentId)).status).toBe(200);
      expect((await state(article.documentId)).body.data).toMatchObject({ stage: 'draft', required: false });
    } finally {
      app.config.set('review.required', true);
    }
  });
});

describe('start-up', () => {
  test('the demo seed loads as approved and is published with the gate on', async () => {
    const { seedDemo } = require(path.join(distDir(), 'src', 'features', 'demo', 'seed.js'));
    const result = await seedDemo(app);
    expect(result.created).toBe(30);
    const res = await api(app).get('/api/articles?filters[slug][$eq]=gan-en-fen-jin-shi-gan-zheng-xian&populate=quotes');
    expect(res.body.data).toHaveLength(1);
    const documentId = res.body.data[0].documentId;
    expect((await state(documentId)).body.data.stage).toBe('approved');
  });

  // Two instances starting at once on one PostgreSQL database: an advisory lock lets one
  // create the roles and the other find them. (SQLite has one process per file.)
  (usingPostgres() ? test : test.skip)('two concurrent starts create each role once', async () => {
    const { ensureReviewRoles } = require(path.join(distDir(), 'src', 'features', 'review', 'roles.js'));
    const roles = await app.db.query('admin::role').findMany({ where: { name: { $in: ROLE_NAMES } }, select: ['id'] });
    await app.db.query('admin::permission').deleteMany({ where: { role: { id: { $in: roles.map((r: Json) => r.id) } } } });
    await app.db.query('admin::role').deleteMany({ where: { id: { $in: roles.map((r: Json) => r.id) } } });
    const [first, second] = await Promise.all([ensureReviewRoles(app), ensureReviewRoles(app)]);
    expect([...first, ...second].sort()).toEqual([...ROLE_NAMES].sort());
    for (const name of ROLE_NAMES) expect(await app.db.query('admin::role').count({ where: { name } })).toBe(1);
  });

  test('a restart creates no second copy of the roles', async () => {
    await stopApp(app, { keepDatabase: true });
    app = await startApp({ SEED_DEMO: 'false', REVIEW_REQUIRED: 'true' }, { keepDatabase: true });
    for (const name of ROLE_NAMES) expect(await app.db.query('admin::role').count({ where: { name } })).toBe(1);
  });
});
