// Preview (#13): the content manager's preview button asks Strapi for a URL, which is the
// bundled reader's /preview page with a short-lived signed token in its fragment; the
// reader reads the draft with that token. Tested as the admin and the reader use it: the
// content manager's preview route, the REST call the page makes, the page itself; and as
// an attacker would: no token, a changed or expired token, another editor's article, the
// response cache.
import crypto from 'crypto';
import jwt from 'jsonwebtoken';
import { startApp, stopApp, usingPostgres, type App } from '../helpers/strapi';
import { startServerProcess } from '../helpers/process';
import { api } from '../helpers/http';
import { adminToken, adminUser, editorWithRole } from '../helpers/admin';

let app: App;
let admin: string;
const writers: string[] = [];

const ARTICLES = '/content-manager/collection-types/api::article.article';
const previewUrl = (token: string, documentId: string, query = 'locale=zh-Hans&status=draft', uid = 'api::article.article') =>
  api(app).get(`/content-manager/preview/url/${uid}?documentId=${documentId}&${query}`).set('Authorization', `Bearer ${token}`);
const tokenOf = (url: string) => {
  const match = /^\/preview#(.+)$/.exec(url);
  if (!match) throw new Error(`not a preview link: ${url}`);
  return match[1];
};
const readPreview = (token: string | null) => {
  const req = api(app).get('/api/articles/preview');
  return token === null ? req : req.set('Authorization', `Preview ${token}`);
};
const create = (token: string, data: object) =>
  api(app).post(`${ARTICLES}?locale=zh-Hans`).set('Authorization', `Bearer ${token}`).send(data);

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false' });
  admin = await adminToken(app, 'preview-admin@example.gov.cn');
  for (const name of ['one', 'two']) {
    writers.push(
      (await editorWithRole(app, '撰稿', { email: `preview-${name}@example.gov.cn`, firstname: name, password: 'Preview-Passw0rd' })).token
    );
  }
});
afterAll(() => stopApp(app));

test('the preview button opens the reader on the draft, which the public API does not show', async () => {
  const created = await create(admin, { title: '预览中的草稿', subtitle: '尚未发布', source: '办公室' });
  expect(created.status).toBe(201);
  const { documentId } = created.body.data;
  const quote = await app.documents('api::speaker-quote.speaker-quote').create({
    locale: 'zh-Hans',
    data: { text: '草稿里的讲话', speakerName: '张三', article: documentId } as never,
  });
  expect(quote.documentId).toBeTruthy();

  const res = await previewUrl(admin, documentId);
  expect(res.status).toBe(200);
  const token = tokenOf(res.body.data.url);

  const read = await readPreview(token);
  expect(read.status).toBe(200);
  expect(read.body.data).toMatchObject({ documentId, title: '预览中的草稿', subtitle: '尚未发布', locale: 'zh-Hans', publishedAt: null });
  expect(read.body.data.quotes.map((q: { text: string }) => q.text)).toEqual(['草稿里的讲话']);
  expect(read.body.meta.preview).toEqual({ status: 'draft' });
  // Private fields stay private, as on the public read.
  for (const field of ['createdBy', 'updatedBy', 'publishAt', 'unpublishAt', 'scheduleError'])
    expect(read.body.data).not.toHaveProperty(field);
  expect(read.headers['cache-control']).toBe('private, no-store');
  expect(read.headers['x-robots-tag']).toMatch(/noindex/);

  // The public API never shows the draft, and the previewed answer was cached for no one.
  expect((await api(app).get(`/api/articles/${documentId}`)).status).toBe(404);
  expect((await readPreview(null)).status).toBe(401);
  expect((await readPreview(null)).status).toBe(401);

  // The page the link opens is the reader's, not indexed.
  const page = await api(app).get('/preview');
  expect(page.status).toBe(200);
  expect(page.headers['content-type']).toMatch(/text\/html/);
  expect(page.headers['x-robots-tag']).toMatch(/noindex/);
});

test('a published article previews its draft or its published version, as the admin asks', async () => {
  const created = await create(admin, { title: '已发布的标题', source: '办公室' });
  const { documentId } = created.body.data;
  const published = await api(app)
    .post(`${ARTICLES}/${documentId}/actions/publish?locale=zh-Hans`)
    .set('Authorization', `Bearer ${admin}`)
    .send({});
  expect(published.status).toBe(200);
  const edited = await api(app)
    .put(`${ARTICLES}/${documentId}?locale=zh-Hans`)
    .set('Authorization', `Bearer ${admin}`)
    .send({ title: '修改中的标题' });
  expect(edited.status).toBe(200);

  const draft = await readPreview(tokenOf((await previewUrl(admin, documentId)).body.data.url));
  expect(draft.body.data.title).toBe('修改中的标题');
  const live = await readPreview(tokenOf((await previewUrl(admin, documentId, 'locale=zh-Hans&status=published')).body.data.url));
  expect(live.body.data.title).toBe('已发布的标题');
  expect(live.body.meta.preview).toEqual({ status: 'published' });
  // A preview registers no view: the page does not post one, and the route is not a click route.
  expect((await api(app).get(`/api/articles/${documentId}`)).body.data.title).toBe('已发布的标题');
});

test('a link is for one version of one article, signed and short-lived', async () => {
  const one = (await create(admin, { title: '第一篇', source: '办公室' })).body.data.documentId;
  const two = (await create(admin, { title: '第二篇', source: '办公室' })).body.data.documentId;
  const token = tokenOf((await previewUrl(admin, one)).body.data.url);
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  expect(claims).toMatchObject({ documentId: one, locale: 'zh-Hans', status: 'draft' });
  // At most PREVIEW_TTL_MINUTES (15) minutes.
  expect(claims.exp - claims.iat).toBe(15 * 60);

  // The claims changed to name another article: the signature no longer holds.
  const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, documentId: two })).toString('base64url')}.${signature}`;
  expect((await readPreview(forged)).status).toBe(401);
  // Unsigned, signed with a guessable key, expired, or in the wrong scheme.
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
  expect((await readPreview(none)).status).toBe(401);
  const { iat: _iat, exp: _exp, ...unsigned } = claims;
  expect((await readPreview(jwt.sign(unsigned, 'secret', { expiresIn: 60 }))).status).toBe(401);
  const key = crypto.createHmac('sha256', String(process.env.ADMIN_JWT_SECRET)).update('gov-newsroom preview links').digest();
  const resigned = (expiresIn: number, extra: object = { sid: claims.sid }) =>
    jwt.sign({ documentId: one, locale: 'zh-Hans', status: 'draft', ...extra }, key, {
      audience: claims.aud,
      expiresIn,
      subject: claims.sub,
    });
  // The same claims signed again with the same key read the draft: what follows fails for the one thing changed.
  expect((await readPreview(resigned(60))).status).toBe(200);
  // Without the admin session it was made in.
  expect((await readPreview(resigned(60, {}))).status).toBe(401);
  // With another editor's live admin session: a session is its own user's only.
  const othersSession = (jwt.decode(writers[0]) as { sessionId: string }).sessionId;
  expect(typeof othersSession).toBe('string');
  expect((await readPreview(resigned(60, { sid: othersSession }))).status).toBe(401);
  // Issued ahead of the clock: refused past the 60 s allowed for instances' clocks to differ.
  const now = Math.floor(Date.now() / 1000);
  expect((await readPreview(resigned(60, { sid: claims.sid, iat: now + 3600 }))).status).toBe(401);
  expect((await readPreview(resigned(60, { sid: claims.sid, iat: now + 120 }))).status).toBe(401);
  expect((await readPreview(resigned(60, { sid: claims.sid, iat: now + 30 }))).status).toBe(200);
  const expired = resigned(-10);
  const refused = await readPreview(expired);
  expect(refused.status).toBe(401);
  expect(refused.body.error).toMatchObject({ status: 401, name: 'UnauthorizedError' });
  // A refusal is no more cacheable than an answer: the URL is the same for every token.
  expect(refused.headers['cache-control']).toBe('private, no-store');
  expect(refused.headers.vary).toMatch(/Authorization/i);
  // Other tokens of the system are not preview tokens: an admin session's, signed with ADMIN_JWT_SECRET itself.
  expect((await readPreview(admin)).status).toBe(401);
  expect((await api(app).get('/api/articles/preview').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  expect((await readPreview('x'.repeat(5000))).status).toBe(401);

  // Gone since the link was made: a 404, not the published version or another locale.
  await app.documents('api::article.article').delete({ documentId: one, locale: 'zh-Hans' });
  expect((await readPreview(token)).status).toBe(404);
});

test('an 撰稿 previews their own articles only; other types and unknown documents have no preview', async () => {
  const [one, two] = writers;
  const mine = await create(one, { title: '撰稿一的文章', source: '办公室' });
  expect(mine.status).toBe(201);
  const { documentId } = mine.body.data;
  // A quote the 撰稿 entered, and one a reviewer added (which an 撰稿 may not read in the content manager).
  const QUOTES = '/content-manager/collection-types/api::speaker-quote.speaker-quote?locale=zh-Hans';
  const quote = (token: string, text: string) =>
    api(app)
      .post(QUOTES)
      .set('Authorization', `Bearer ${token}`)
      .send({ text, speakerName: '王五', article: { connect: [{ documentId, locale: 'zh-Hans' }] } });
  expect((await quote(one, '撰稿一自己录入的讲话')).status).toBe(201);
  expect((await quote(admin, '审稿人添加的讲话')).status).toBe(201);
  const own = await previewUrl(one, documentId);
  expect(own.status).toBe(200);
  // The link reads the article for its author (their role reads only their own), with
  // only the linked entries they may read, and no one's account.
  const read = await readPreview(tokenOf(own.body.data.url));
  expect(read.status).toBe(200);
  expect(read.body.data).toMatchObject({ documentId, title: '撰稿一的文章', source: '办公室' });
  expect(read.body.data).not.toHaveProperty('createdBy');
  expect(read.body.data.quotes.map((q: { text: string }) => q.text)).toEqual(['撰稿一自己录入的讲话']);
  expect(read.body.data.quotes[0]).not.toHaveProperty('createdBy');
  const full = await readPreview(tokenOf((await previewUrl(admin, documentId)).body.data.url));
  expect(full.body.data.quotes.map((q: { text: string }) => q.text).sort()).toEqual(['审稿人添加的讲话', '撰稿一自己录入的讲话'].sort());
  const refused = await previewUrl(two, documentId);
  expect(refused.status).toBe(403);
  expect(refused.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
  expect((await api(app).get(`/content-manager/preview/url/api::article.article?documentId=${documentId}`)).status).toBe(401);
  // Nothing to preview: no URL (204), so the admin shows no preview.
  expect((await previewUrl(admin, 'a'.repeat(24))).status).toBe(204);
  expect((await previewUrl(admin, documentId, 'locale=en&status=draft')).status).toBe(204);
  const channel = await app.documents('api::channel.channel').create({ locale: 'zh-Hans', data: { name: '预览栏目' } as never });
  expect((await previewUrl(admin, channel.documentId, 'locale=zh-Hans', 'api::channel.channel')).status).toBe(204);
});

test('a link lasts only while its editor may read that version: fields hidden, right withdrawn, account blocked', async () => {
  const roles = app.service('admin::role') as unknown as {
    create: (data: object) => Promise<{ id: number }>;
    assignPermissions: (id: number, permissions: object[]) => Promise<unknown>;
  };
  const role = await roles.create({ name: '预览只读', description: 'reads titles and sources only' });
  const readOnly = (fields: string[]) => [
    {
      action: 'plugin::content-manager.explorer.read',
      subject: 'api::article.article',
      properties: { fields, locales: ['zh-Hans', 'en'] },
      conditions: [],
    },
  ];
  await roles.assignPermissions(role.id, readOnly(['title', 'source']));
  const email = 'preview-reader@example.gov.cn';
  const reader = await adminUser(app, { email, firstname: 'r', password: 'Preview-Passw0rd' }, [role.id]);
  const { documentId } = (await create(admin, { title: '只读者预览', subtitle: '副标题不给看', source: '办公室' })).body.data;

  const link = await previewUrl(reader.token, documentId);
  expect(link.status).toBe(200);
  const token = tokenOf(link.body.data.url);
  // Only the fields the role may read in the content manager.
  const read = await readPreview(token);
  expect(read.status).toBe(200);
  expect(read.body.data).toMatchObject({ documentId, title: '只读者预览', source: '办公室' });
  expect(read.body.data).not.toHaveProperty('subtitle');

  // The role loses the right to read articles: the link it made stops at once.
  await roles.assignPermissions(role.id, []);
  const withdrawn = await readPreview(token);
  expect(withdrawn.status).toBe(403);
  expect(withdrawn.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });

  // Given back; then the editor signs out: the link made in that session is dead (401).
  await roles.assignPermissions(role.id, readOnly(['title']));
  expect((await readPreview(token)).status).toBe(200);
  const logout = await api(app).post('/admin/logout').set('Authorization', `Bearer ${reader.token}`).send({});
  expect(logout.status).toBe(200);
  expect((await readPreview(token)).status).toBe(401);

  // Signed in again, a new link; then the account blocked: that link is dead too.
  const again = await api(app).post('/admin/login').send({ email, password: 'Preview-Passw0rd' });
  expect(again.status).toBe(200);
  const second = tokenOf((await previewUrl(again.body.data.token, documentId)).body.data.url);
  expect((await readPreview(second)).status).toBe(200);
  await app.db.query('admin::user').update({ where: { id: reader.id }, data: { blocked: true } });
  const blocked = await readPreview(second);
  expect(blocked.status).toBe(401);
  expect(blocked.body.error).toMatchObject({ status: 401, name: 'UnauthorizedError' });
  expect(blocked.body.data).toBeNull();
});

test('a draft dated ahead says when readers will see it', async () => {
  const publishDate = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const created = await create(admin, { title: '三天后发布', source: '办公室', publishDate });
  expect(created.status).toBe(201);
  const read = await readPreview(tokenOf((await previewUrl(admin, created.body.data.documentId)).body.data.url));
  expect(read.status).toBe(200);
  expect(read.body.meta.preview).toEqual({ status: 'draft', visibleFrom: publishDate });
});

// Several instances behind one address (PostgreSQL): the link the admin got from one is read by another.
const severalInstances = usingPostgres() ? test : test.skip;
severalInstances(
  'a link made on one instance opens on another',
  async () => {
    const created = await create(admin, { title: '另一台实例上的预览', source: '办公室' });
    const token = tokenOf((await previewUrl(admin, created.body.data.documentId)).body.data.url);
    const other = await startServerProcess({ SEED_DEMO: 'false' });
    try {
      const read = await fetch(`${other.url}/api/articles/preview`, { headers: { Authorization: `Preview ${token}` } });
      expect(read.status).toBe(200);
      expect(((await read.json()) as { data: { title: string } }).data.title).toBe('另一台实例上的预览');
      const forged = await fetch(`${other.url}/api/articles/preview`, { headers: { Authorization: `Preview ${token}x` } });
      expect(forged.status).toBe(401);
    } finally {
      other.child.kill('SIGTERM');
      await other.exited;
    }
  },
  120_000
);

describe('what the preview shows of the linked entries (#27, finding 10)', () => {
  const CHANNELS = 'api::channel.channel';
  let final: string;
  const login = async (roleName: string, email: string) =>
    (await editorWithRole(app, roleName, { email, firstname: roleName, password: 'Preview-Passw0rd' })).token;
  /** The preview as `token`'s editor opens it: the admin's preview URL, then the reader's call. */
  const previewAs = async (token: string, documentId: string) => {
    const link = await previewUrl(token, documentId);
    expect(link.status).toBe(200);
    const read = await readPreview(tokenOf(link.body.data.url));
    expect(read.status).toBe(200);
    return read.body.data;
  };
  beforeAll(async () => {
    final = await login('终审', 'preview-final@example.gov.cn');
  });

  test('the channel and the breadcrumb (当前位置) for 撰稿 and 终审, with the 撰稿’s own quote and the commended units', async () => {
    const channels = app.documents(CHANNELS);
    const root = await channels.create({
      locale: 'zh-Hans',
      data: { name: '工作动态', slug: 'preview-work' } as never,
      status: 'published',
    });
    const child = await channels.create({
      locale: 'zh-Hans',
      data: { name: '上级工作动态', slug: 'preview-work-upper', parent: root.documentId } as never,
      status: 'published',
    });
    // Renamed in a draft nobody published: readers still see the published name.
    await channels.update({ documentId: child.documentId, locale: 'zh-Hans', data: { name: '改名未发布' } as never });
    const unit = await app
      .documents('api::commended-unit.commended-unit')
      .create({ locale: 'zh-Hans', data: { name: '省机关事务管理局办公室', city: '杭州市' } as never, status: 'published' });
    const writer = writers[0];
    const created = await create(writer, {
      title: '有栏目的稿件',
      source: '办公室',
      channel: { connect: [{ documentId: child.documentId, locale: 'zh-Hans' }] },
      commendedUnits: { connect: [{ documentId: unit.documentId, locale: 'zh-Hans' }] },
    });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    const quote = await api(app)
      .post('/content-manager/collection-types/api::speaker-quote.speaker-quote?locale=zh-Hans')
      .set('Authorization', `Bearer ${writer}`)
      .send({ text: '撰稿录入的讲话', speakerName: '李四', article: { connect: [{ documentId, locale: 'zh-Hans' }] } });
    expect(quote.status).toBe(201);

    for (const token of [writer, final]) {
      const data = await previewAs(token, documentId);
      // As the public read shows a published article's channel: no locale or author added.
      expect(data.channel).toEqual({
        id: expect.any(Number),
        documentId: child.documentId,
        name: '上级工作动态',
        slug: 'preview-work-upper',
      });
      expect(data.breadcrumb).toEqual([
        { documentId: root.documentId, name: '工作动态', slug: 'preview-work' },
        { documentId: child.documentId, name: '上级工作动态', slug: 'preview-work-upper' },
      ]);
      expect(data.quotes.map((q: { text: string }) => q.text)).toEqual(['撰稿录入的讲话']);
      expect(data.commendedUnits).toEqual([
        { id: expect.any(Number), documentId: unit.documentId, name: '省机关事务管理局办公室', city: '杭州市', district: null },
      ]);
    }
  });

  test('a channel never published shows under its draft name, below its published parent', async () => {
    const channels = app.documents(CHANNELS);
    const root = await channels.create({
      locale: 'zh-Hans',
      data: { name: '通知公告', slug: 'preview-notices' } as never,
      status: 'published',
    });
    const fresh = await channels.create({
      locale: 'zh-Hans',
      data: { name: '新建栏目', slug: 'preview-new', parent: root.documentId } as never,
    });
    const created = await create(writers[0], {
      title: '新栏目里的稿件',
      source: '办公室',
      channel: { connect: [{ documentId: fresh.documentId, locale: 'zh-Hans' }] },
    });
    expect(created.status).toBe(201);
    for (const token of [writers[0], final]) {
      const data = await previewAs(token, created.body.data.documentId);
      expect(data.channel).toMatchObject({ documentId: fresh.documentId, name: '新建栏目', slug: 'preview-new' });
      expect(data.breadcrumb.map((item: { name: string }) => item.name)).toEqual(['通知公告', '新建栏目']);
    }
  });

  test('a role that may not read channels’ names sees neither the name nor 当前位置', async () => {
    const roles = app.service('admin::role') as unknown as {
      create: (data: object) => Promise<{ id: number }>;
      assignPermissions: (id: number, permissions: object[]) => Promise<unknown>;
    };
    const role = await roles.create({ name: '预览栏目受限', description: 'reads articles, and channels’ slugs only' });
    const read = (subject: string, fields: string[]) => ({
      action: 'plugin::content-manager.explorer.read',
      subject,
      properties: { fields, locales: ['zh-Hans'] },
      conditions: [],
    });
    await roles.assignPermissions(role.id, [read('api::article.article', ['title', 'channel']), read(CHANNELS, ['slug'])]);
    const slugsReader = await adminUser(app, { email: 'preview-slugs@example.gov.cn', firstname: 's', password: 'Preview-Passw0rd' }, [
      role.id,
    ]);
    const root = await app
      .documents(CHANNELS)
      .create({ locale: 'zh-Hans', data: { name: '受限栏目', slug: 'preview-limited' } as never, status: 'published' });
    const created = await create(admin, {
      title: '受限角色预览',
      source: '办公室',
      channel: { connect: [{ documentId: root.documentId, locale: 'zh-Hans' }] },
    });
    const data = await previewAs(slugsReader.token, created.body.data.documentId);
    expect(data.title).toBe('受限角色预览');
    expect(data.channel).toEqual({ id: expect.any(Number), documentId: root.documentId, slug: 'preview-limited' });
    expect(data.breadcrumb).toEqual([]);
  });

  test('an article without a channel has an empty breadcrumb', async () => {
    const created = await create(writers[0], { title: '没有栏目的稿件', source: '办公室' });
    const data = await previewAs(writers[0], created.body.data.documentId);
    expect(data.channel).toBeNull();
    expect(data.breadcrumb).toEqual([]);
  });
});
