// 操作日志 as administrators meet it: every change through the content manager, the REST
// API and the publish checks' override recorded once with who and from where; logins
// recorded; a refused write recorded not at all; the log unchangeable through the
// document service and every admin route; the admin API's filters, its CSV export and
// its permission; and the retention purge, which only the CLI does.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, BROWSER, type Json } from '../helpers/http';
import { adminToken, adminUser } from '../helpers/admin';
import { runScript } from '../helpers/script';
import { waitForValue } from '../helpers/wait';

let app: App;
let admin: string;
let channelId: string;

const AUDIT = 'api::audit.audit-entry';
const ARTICLE = 'api::article.article';
const ARTICLES = '/content-manager/collection-types/api::article.article';
const ADMIN_EMAIL = 'audit-admin@example.gov.cn';
const as = (token: string) => ({
  post: (url: string, body: object = {}) =>
    api(app).post(url).set('Authorization', `Bearer ${token}`).set('User-Agent', BROWSER).send(body),
  put: (url: string, body: object = {}) => api(app).put(url).set('Authorization', `Bearer ${token}`).set('User-Agent', BROWSER).send(body),
  get: (url: string) => api(app).get(url).set('Authorization', `Bearer ${token}`).set('User-Agent', BROWSER),
  delete: (url: string) => api(app).delete(url).set('Authorization', `Bearer ${token}`).set('User-Agent', BROWSER),
});

type Entry = Record<string, Json>;
const entriesOf = async (documentId: string) =>
  (await app.db.query(AUDIT).findMany({ where: { targetDocumentId: documentId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })) as Entry[];
const allEntries = async () => (await app.db.query(AUDIT).findMany({ orderBy: { id: 'asc' } })) as Entry[];

/** Logins are recorded as the admin's event fires, after the answer: wait for the entry. */
const eventually = <T>(find: () => Promise<T | undefined | null>): Promise<T> =>
  waitForValue(find, { timeoutMs: 5_000, stepMs: 100, what: 'the audit entry' }) as Promise<T>;

/** The CSV export as bytes (supertest would decode it and hide the BOM). */
const rawBody = (res: Json, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false', PUBLISH_CHECKS: 'true' });
  admin = await adminToken(app, ADMIN_EMAIL);
  const channel = await app
    .documents('api::channel.channel')
    .create({ locale: 'zh-Hans', data: { name: '工作动态' }, status: 'published' });
  channelId = channel.documentId;
});
afterAll(async () => {
  await stopApp(app);
});

describe('what is recorded', () => {
  test('create, update, publish, unpublish and delete in the content manager: one entry each, with the admin and the address', async () => {
    const created = await as(admin).post(`${ARTICLES}?locale=zh-Hans`, {
      title: '全省机关事务工作会议召开',
      source: '办公室',
      channel: { connect: [{ documentId: channelId, locale: 'zh-Hans' }] },
    });
    expect(created.status).toBeLessThan(300);
    const documentId = created.body.data.documentId as string;

    const updated = await as(admin).put(`${ARTICLES}/${documentId}?locale=zh-Hans`, { title: '全省机关事务工作会议在杭州召开' });
    expect(updated.status).toBe(200);
    expect((await as(admin).post(`${ARTICLES}/${documentId}/actions/publish?locale=zh-Hans`, {})).status).toBe(200);
    expect((await as(admin).post(`${ARTICLES}/${documentId}/actions/unpublish?locale=zh-Hans`, {})).status).toBe(200);
    expect((await as(admin).delete(`${ARTICLES}/${documentId}?locale=zh-Hans`)).status).toBe(200);

    const entries = await entriesOf(documentId);
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'update', 'publish', 'unpublish', 'delete']);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        actorKind: 'admin',
        actorName: 'Test Admin',
        actorEmail: ADMIN_EMAIL,
        targetUid: ARTICLE,
        targetLocale: 'zh-Hans',
      });
      expect(entry.ip).toMatch(/127\.0\.0\.1/);
      expect(entry.userAgent).toBeTruthy();
    }
    const [create, update, publish] = entries;
    expect(create.changes.title).toEqual({ before: null, after: '全省机关事务工作会议召开' });
    expect(create.changes.channel).toEqual({ before: null, after: channelId });
    expect(update.changes).toEqual({ title: { before: '全省机关事务工作会议召开', after: '全省机关事务工作会议在杭州召开' } });
    expect(update.targetTitle).toBe('全省机关事务工作会议在杭州召开');
    expect(publish.changes.title).toEqual({ before: null, after: '全省机关事务工作会议在杭州召开' });
  });

  test('a REST create with an API token is recorded as the token', async () => {
    const { accessKey } = await app.service('admin::api-token').create({ name: 'audit-importer', type: 'full-access', lifespan: null });
    const res = await api(app)
      .post('/api/articles')
      .set('Authorization', `Bearer ${accessKey}`)
      .send({ data: { title: '令牌创建的稿件', source: '办公室', channel: channelId } });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    // The content API creates published: one entry, its changes those of the published version.
    const entries = await entriesOf(res.body.data.documentId);
    expect(entries.map((entry) => entry.action)).toEqual(['create']);
    const [entry] = entries;
    expect(entry.changes.title).toEqual({ before: null, after: '令牌创建的稿件' });
    expect(entry).toMatchObject({ action: 'create', actorKind: 'api-token', actorName: 'audit-importer', actorEmail: null });
    expect(entry.ip).toMatch(/127\.0\.0\.1/);
  });

  test('admin logins and logouts are recorded, failed logins with the address tried and never the password', async () => {
    const login = await eventually(async () =>
      (await allEntries()).find((entry) => entry.action === 'admin.login' && entry.actorEmail === ADMIN_EMAIL)
    );
    expect(login).toMatchObject({ actorKind: 'admin', actorName: 'Test Admin' });
    expect(login.ip).toMatch(/127\.0\.0\.1/);

    const failed = await api(app).post('/admin/login').send({ email: 'nobody@example.gov.cn', password: 'Wrong-Passw0rd-42' });
    expect(failed.status).toBe(400);
    const entry = await eventually(async () =>
      (await allEntries()).find((e) => e.action === 'admin.login.failed' && e.actorEmail === 'nobody@example.gov.cn')
    );
    expect(entry.actorKind).toBe('anonymous');
    expect(JSON.stringify(entry)).not.toContain('Wrong-Passw0rd-42');

    // Another administrator (a logout ends the sessions of whoever logs out).
    const other = await adminToken(app, 'audit-logout@example.gov.cn');
    expect((await as(other).post('/admin/logout')).status).toBe(200);
    const logout = await eventually(async () =>
      (await allEntries()).find((e) => e.action === 'admin.logout' && e.actorEmail === 'audit-logout@example.gov.cn')
    );
    expect(logout).toMatchObject({ actorKind: 'admin', actorName: 'Test Admin' });
  });

  test('a refused publish leaves no entry', async () => {
    const article = await app.documents(ARTICLE).create({ locale: 'zh-Hans', data: { title: '没有来源和栏目的稿件' } as never });
    const before = await entriesOf(article.documentId);
    expect(before.map((entry) => entry.action)).toEqual(['create']);
    expect(before[0].actorKind).toBe('system');
    const refused = await as(admin).post(`${ARTICLES}/${article.documentId}/actions/publish?locale=zh-Hans`, { title: '改过标题再发布' });
    expect(refused.status).toBe(400);
    expect(await entriesOf(article.documentId)).toEqual(before);
  });

  test('accepting a publish-check warning is recorded as an override with the reason', async () => {
    const article = await app
      .documents(ARTICLE)
      .create({ locale: 'zh-Hans', data: { title: '关于农民工工资支付的通知', source: '办公室', channel: channelId } as never });
    const refused = await as(admin).post(`${ARTICLES}/${article.documentId}/actions/publish?locale=zh-Hans`, {});
    expect(refused.status).toBe(400);
    const findingId = refused.body.error.details.findings[0].id;
    const accepted = await as(admin).post('/admin/newsroom/inspection/accept', {
      uid: ARTICLE,
      documentId: article.documentId,
      locale: 'zh-Hans',
      findingId,
      reason: '政策文件原文用语',
    });
    expect(accepted.status).toBe(200);
    const override = (await entriesOf(article.documentId)).find((entry) => entry.action === 'override');
    expect(override).toMatchObject({ actorKind: 'admin', actorName: 'Test Admin', targetTitle: '关于农民工工资支付的通知' });
    expect(override!.changes.reason).toEqual({ after: '政策文件原文用语' });
    expect(override!.changes.warning.after).toMatchObject({ rule: 'sensitive-word', match: '农民工' });
  });
});

describe('the log cannot be changed', () => {
  test('the document service refuses to create, update or delete entries', async () => {
    const [entry] = await allEntries();
    await expect(app.documents(AUDIT).create({ data: { action: 'create', actorKind: 'admin', at: new Date() } as never })).rejects.toThrow(
      /append-only/
    );
    await expect(
      app.documents(AUDIT).update({ documentId: entry.documentId, data: { actorName: 'someone else' } as never })
    ).rejects.toThrow(/append-only/);
    await expect(app.documents(AUDIT).delete({ documentId: entry.documentId })).rejects.toThrow(/append-only/);
    expect((await allEntries())[0]).toEqual(entry);
  });

  test('no admin route changes it: content manager, bulk delete, content-type builder', async () => {
    const before = await allEntries();
    const entry = before[0];
    const base = `/content-manager/collection-types/${AUDIT}`;
    const attempts = [
      await as(admin).post(base, { action: 'create', actorKind: 'admin', at: new Date().toISOString() }),
      await as(admin).put(`${base}/${entry.documentId}`, { actorName: 'someone else' }),
      await as(admin).delete(`${base}/${entry.documentId}`),
      await as(admin).post(`${base}/actions/bulkDelete`, { documentIds: [entry.documentId] }),
      await as(admin).post(`${base}/${entry.documentId}/actions/publish`, {}),
      await as(admin).post(`${base}/clone/${entry.documentId}`, {}),
      await as(admin).delete(`/content-type-builder/content-types/${AUDIT}`),
      await as(admin).put(`/content-type-builder/content-types/${AUDIT}`, { contentType: { attributes: {} } }),
    ];
    for (const res of attempts) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await allEntries()).toEqual(before);
  });
});

describe('the admin API', () => {
  let documentId: string;
  beforeAll(async () => {
    const article = await app.documents(ARTICLE).create({ locale: 'zh-Hans', data: { title: '筛选用稿件', source: '办公室' } as never });
    documentId = article.documentId;
    await as(admin).put(`${ARTICLES}/${documentId}?locale=zh-Hans`, { title: '筛选用稿件（二稿）' });
    // A title as other modules may record it, with what CSV and spreadsheets need escaped.
    await app.service('api::audit.audit').record({
      action: 'stage.move',
      targetUid: ARTICLE,
      targetDocumentId: documentId,
      targetTitle: '=HYPERLINK("http://evil.example")\n第二行, 有逗号',
    });
  });

  test('filters by document, action, user and dates, a page at a time', async () => {
    const all = await as(admin).get(`/admin/newsroom/audit?targetDocumentId=${documentId}`);
    expect(all.status).toBe(200);
    expect(all.body.data.map((entry: Json) => entry.action)).toEqual(['stage.move', 'update', 'create']);
    expect(all.body.meta.pagination).toMatchObject({ page: 1, total: 3 });
    const updates = await as(admin).get(`/admin/newsroom/audit?targetDocumentId=${documentId}&action=update`);
    expect(updates.body.data).toHaveLength(1);
    expect(updates.body.data[0].actorName).toBe('Test Admin');
    const byUser = await as(admin).get(`/admin/newsroom/audit?targetDocumentId=${documentId}&user=${encodeURIComponent('test admin')}`);
    expect(byUser.body.data.map((entry: Json) => entry.action)).toEqual(['update']);
    const byType = await as(admin).get(`/admin/newsroom/audit?targetUid=${ARTICLE}&pageSize=1&page=2`);
    expect(byType.body.data).toHaveLength(1);
    expect(byType.body.meta.pagination.pageSize).toBe(1);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await as(admin).get(`/admin/newsroom/audit?from=${tomorrow}`)).body.data).toEqual([]);
    const bad = await as(admin).get('/admin/newsroom/audit?action=drop-table');
    expect(bad.status).toBe(400);
    expect(bad.body.error.name).toBe('ValidationError');
  });

  test('CSV export for Excel: BOM, header, quoting, and no formula', async () => {
    const res = await as(admin).get(`/admin/newsroom/audit.csv?targetDocumentId=${documentId}`).buffer(true).parse(rawBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{8}-\d{6}\.csv"$/);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const [header] = text.split('\r\n');
    expect(header).toBe(
      '时间 Time (UTC),操作 Action,操作人 User,邮箱 E-mail,身份 Kind,IP,内容类型 Content type,文档 Document,语言 Locale,标题 Title,变更 Changes,User-Agent,请求号 Request id'
    );
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")\n第二行, 有逗号"`);
    expect(text).toContain(`,update,Test Admin,${ADMIN_EMAIL},admin,`);
    // Three entries, each on its own line (the quoted title holds one line break).
    expect(text.trimEnd().split('\r\n')).toHaveLength(4);
  });

  test('a role without 查看操作日志 gets 403; no login 401', async () => {
    const role = await app.service('admin::role').create({ name: '编辑 (audit test)', description: 'edits articles' });
    const editor = (
      await adminUser(app, { email: 'audit-editor@example.gov.cn', firstname: 'Ed', lastname: 'Itor', password: 'Editor-Passw0rd' }, [
        role.id,
      ])
    ).token;
    for (const url of ['/admin/newsroom/audit', '/admin/newsroom/audit.csv']) {
      const res = await as(editor).get(url);
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('ForbiddenError');
      expect((await api(app).get(url)).status).toBe(401);
    }
  });
});

/** `npm run audit:purge` in a process of its own, on this file's database. */
const purge = (...args: string[]) => runScript('audit-purge.js', args);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe('npm run audit:purge', () => {
  test('refuses a period below the floor; removes only entries older than the period', async () => {
    // Old entries as the years would leave them (written through the query layer, as the service does).
    for (const days of [400, 500, 100]) {
      await app.db
        .query(AUDIT)
        .create({ data: { action: 'update', at: daysAgo(days), actorKind: 'system', targetDocumentId: `old-${days}` } });
    }
    const total = (await allEntries()).length;

    const refused = await purge('--older-than-days', '30');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/retention floor of 180 days/);
    expect(await allEntries()).toHaveLength(total);
    expect((await purge()).code).toBe(2);

    const done = await purge('--older-than-days', '365');
    // On failure the child's stderr says why (a code alone does not).
    expect({ code: done.code, stderr: done.code === 0 ? '' : done.stderr }).toEqual({ code: 0, stderr: '' });
    expect(done.stdout).toMatch(/removed 2 entries older than 365 days/);
    const left = await allEntries();
    expect(left).toHaveLength(total - 2);
    expect(left.map((entry) => entry.targetDocumentId)).toContain('old-100');
    expect(left.map((entry) => entry.targetDocumentId)).not.toContain('old-400');

    const forced = await purge('--older-than-days=90', '--force');
    expect({ code: forced.code, stderr: forced.code === 0 ? '' : forced.stderr }).toEqual({ code: 0, stderr: '' });
    expect(forced.stdout).toMatch(/removed 1 entries/);
    expect(await allEntries()).toHaveLength(total - 3);
  });
});

describe('npm run audit:purge beside a server that keeps writing', () => {
  test('the purge does not fail because the server wrote meanwhile', async () => {
    for (let i = 0; i < 20; i += 1) {
      await app.db
        .query(AUDIT)
        .create({ data: { action: 'update', at: daysAgo(800), actorKind: 'system', targetDocumentId: `busy-${i}` } });
    }
    // The server's day: an entry every few milliseconds while the purge runs in its own process.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await app.db.query(AUDIT).create({ data: { action: 'update', at: new Date(), actorKind: 'system', targetDocumentId: 'busy-now' } });
        written += 1;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const done = await purge('--older-than-days', '700');
    writing = false;
    await writer;
    expect({ code: done.code, stderr: done.code === 0 ? '' : done.stderr }).toEqual({ code: 0, stderr: '' });
    expect(done.stdout).toMatch(/removed 20 entries older than 700 days/);
    expect(written).toBeGreaterThan(10);
    expect((await allEntries()).filter((entry) => /^busy-\d+$/.test(String(entry.targetDocumentId)))).toEqual([]);
  }, 120_000);
});
