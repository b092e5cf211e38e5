// What the admin panel asks the admin API for, answered as the panel needs (#32), through
// the routes the panel calls (src/strapi-internals/admin-answers.ts):
// - the AI questions every edit view asks (AI is off here: no Enterprise licence) answer 200
//   "no AI", not 404, and only to an administrator;
// - the homepage's 最近编辑的条目 (recently edited) lists no word-list entry, however recent;
// - an invited 三审 user's invitation link is readable on their page until they register,
//   by whoever may read and create users, and by nobody else.
import { adminToken, adminUser } from '../helpers/admin';
import { api, type Json } from '../helpers/http';
import { startApp, stopApp, type App } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const TERM = 'api::inspection.inspection-term';

let app: App;
let admin: string;

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false' });
  admin = await adminToken(app, 'answers-admin@example.gov.cn');
});

afterAll(async () => {
  await stopApp(app);
});

const asAdmin = (path: string, token = admin) => api(app).get(path).set('Authorization', `Bearer ${token}`);
const json = (res: { status: number; headers: Record<string, string>; body: Json }) => {
  // Unknown /admin paths answer 200 HTML: this must be the API's JSON.
  expect(res.headers['content-type']).toMatch(/application\/json/);
  return res.body;
};

describe('the AI questions, with AI off', () => {
  it('GET /admin/ai-feature-config answers that no AI feature is configured', async () => {
    const res = await asAdmin('/admin/ai-feature-config');
    expect(res.status).toBe(200);
    expect(json(res)).toEqual({ data: { isAiI18nConfigured: false, isAiMediaLibraryConfigured: false } });
  });

  it('the localization-job questions of an entry, a new entry (…/undefined) and a single type answer "no job"', async () => {
    for (const path of [
      `/i18n/ai-localization-jobs/collection-types/${ARTICLE}/abcdefghijklmnopqrstuvwx`,
      `/i18n/ai-localization-jobs/collection-types/${ARTICLE}/undefined`,
      `/i18n/ai-localization-jobs/single-types/${ARTICLE}`,
    ]) {
      const res = await asAdmin(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(json(res)).toEqual({ data: null });
    }
  });

  it('still answer 401 to a caller who is not logged in', async () => {
    expect((await api(app).get('/admin/ai-feature-config')).status).toBe(401);
    expect((await api(app).get(`/i18n/ai-localization-jobs/collection-types/${ARTICLE}/undefined`)).status).toBe(401);
  });
});

describe("the homepage's recently edited documents", () => {
  it('list the latest articles and no word-list entry, even when the word list was edited last', async () => {
    const articles = [];
    for (const title of ['首页测试稿件一', '首页测试稿件二']) {
      articles.push(await app.documents(ARTICLE).create({ locale: 'zh-Hans', data: { title } as never }));
    }
    // Edited after the articles: Strapi's widget would list these four first.
    for (const term of ['农民工', '中华民国', '聋子', '瞎子']) {
      await app.documents(TERM).create({ data: { term, kind: 'sensitive' } as never });
    }
    for (const action of ['update', 'publish']) {
      const res = await asAdmin(`/content-manager/homepage/recent-documents?action=${action}`);
      expect(res.status).toBe(200);
      const uids = (json(res).data as Array<{ contentTypeUid: string }>).map((document) => document.contentTypeUid);
      expect(uids).not.toContain(TERM);
      expect(uids.every((uid) => !uid.startsWith('api::inspection.') && !uid.startsWith('api::review.'))).toBe(true);
    }
    const recent = json(await asAdmin('/content-manager/homepage/recent-documents?action=update')).data as Array<{ title: string }>;
    expect(recent.map((document) => document.title).slice(0, 2)).toEqual(['首页测试稿件二', '首页测试稿件一']);
    // The word list itself is still there for whoever edits it, in the content manager.
    const list = await asAdmin(`/content-manager/collection-types/${TERM}?page=1&pageSize=100`);
    expect(json(list).results.map((entry: { term: string }) => entry.term)).toEqual(
      expect.arrayContaining(['中华民国', '农民工', '瞎子', '聋子'])
    );
  });
});

describe('the invitation link of a 三审 user', () => {
  let reviewerRole: number;
  let userId: number;
  let token: string;

  beforeAll(async () => {
    reviewerRole = ((await app.db.query('admin::role').findOne({ where: { name: '初审' } })) as { id: number }).id;
  });

  it('is given when the user is created, and read again on their page until they register', async () => {
    const created = await api(app)
      .post('/admin/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ firstname: '初审', lastname: '编辑', email: 'first-reviewer@example.gov.cn', roles: [reviewerRole] });
    expect(created.status).toBe(201);
    userId = created.body.data.id;
    token = created.body.data.registrationToken;
    expect(token).toMatch(/^[0-9a-f]{20,}$/);
    const page = await asAdmin(`/admin/users/${userId}`);
    expect(page.status).toBe(200);
    expect(json(page).data).toMatchObject({
      id: userId,
      email: 'first-reviewer@example.gov.cn',
      isActive: false,
      registrationToken: token,
    });
    // Not in the list, nor anyone's password.
    expect(json(page).data.password).toBeUndefined();
  });

  it('is not shown to a role that may read users but not create them, nor to one that may not read users', async () => {
    const roles = app.service('admin::role') as {
      create: (role: object) => Promise<{ id: number }>;
      assignPermissions: (id: number, permissions: object[]) => Promise<unknown>;
    };
    const readers = await roles.create({ name: '用户查看 (test)', description: 'reads users' });
    await roles.assignPermissions(readers.id, [{ action: 'admin::users.read', subject: null, properties: {}, conditions: [] }]);
    const reader = await adminUser(app, { email: 'user-reader@example.gov.cn', firstname: 'Read', password: 'Reader-Passw0rd' }, [
      readers.id,
    ]);
    const seen = await asAdmin(`/admin/users/${userId}`, reader.token);
    expect(seen.status).toBe(200);
    expect(json(seen).data.email).toBe('first-reviewer@example.gov.cn');
    expect(json(seen).data.registrationToken).toBeUndefined();

    const editorRole = ((await app.db.query('admin::role').findOne({ where: { name: '撰稿' } })) as { id: number }).id;
    const editor = await adminUser(app, { email: 'writer@example.gov.cn', firstname: 'Write', password: 'Writer-Passw0rd' }, [editorRole]);
    const refused = await asAdmin(`/admin/users/${userId}`, editor.token);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain(token);
  });

  it('works once, and is gone from the page after the user registered with it', async () => {
    const register = await api(app)
      .post('/admin/register')
      .send({ registrationToken: token, userInfo: { firstname: '初审', lastname: '编辑', password: 'Reviewer-Passw0rd' } });
    expect(register.status).toBe(200);
    const page = json(await asAdmin(`/admin/users/${userId}`)).data;
    expect(page.isActive).toBe(true);
    expect(page.registrationToken).toBeUndefined();
    const again = await api(app)
      .post('/admin/register')
      .send({ registrationToken: token, userInfo: { firstname: 'X', lastname: 'Y', password: 'Another-Passw0rd' } });
    expect(again.status).toBe(400);
  });
});
