// 版本记录 as editors meet it, through the content manager's admin API as real users: each
// save and publish leaves a version (nothing when nothing changed, nothing for a refused
// write), listed newest first with who and what changed; two versions compared field by
// field (paragraphs and words, linked entries added/removed/moved); a version restored as
// the draft through the usual rules (a new version, the 操作日志, 三审 back to 初审) while
// readers keep the published text until 终审 publishes; rights as the content manager's
// (an 撰稿 only their own); 4xx in Strapi's error shape; retention (every published
// version, the last N drafts) on each save and by `npm run versions:purge`; and the seams:
// clone, bulk publish, 定时发布, locales, linked entries reordered, a file replaced.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, type Json } from '../helpers/http';
import { adminToken, editorWithRole } from '../helpers/admin';
import { runScript } from '../helpers/script';
import { jobsRunFor } from '../helpers/scheduler';

let app: App;
let admin: string;
const tokens: Record<string, string> = {};
let channelId: string;
const units: string[] = [];

const ARTICLE = 'api::article.article';
const VERSION = 'api::version.content-version';
const AUDIT = 'api::audit.audit-entry';
const ARTICLES = `/content-manager/collection-types/${ARTICLE}`;

const as = (token: string) => ({
  post: (url: string, body: object = {}) => api(app).post(url).set('Authorization', `Bearer ${token}`).send(body),
  put: (url: string, body: object = {}) => api(app).put(url).set('Authorization', `Bearer ${token}`).send(body),
  get: (url: string) => api(app).get(url).set('Authorization', `Bearer ${token}`),
});
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const body = (...texts: string[]) => texts.map(paragraph);

/** An article made in the content manager by `token`'s user; its documentId. */
const create = async (token: string, data: Record<string, unknown>, locale = 'zh-Hans') => {
  const res = await as(token).post(`${ARTICLES}?locale=${locale}`, { source: '办公室', channel: channelId, ...data });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const save = async (documentId: string, data: Record<string, unknown>, token = admin, locale = 'zh-Hans') => {
  const res = await as(token).put(`${ARTICLES}/${documentId}?locale=${locale}`, data);
  expect(res.status).toBe(200);
  return res.body.data as Json;
};
const publish = (documentId: string, token = admin, locale = 'zh-Hans') =>
  as(token).post(`${ARTICLES}/${documentId}/actions/publish?locale=${locale}`);
/** 草稿 → 可发布 by the Super Admin, who holds every stage. */
const approve = async (documentId: string, locale = 'zh-Hans') => {
  if ((await stageOf(documentId, locale)) === 'approved') return;
  for (let i = 0; i < 4; i += 1) {
    const view = await as(admin).get(`${ARTICLES}/${documentId}?locale=${locale}`);
    const moved = await as(admin).post('/admin/newsroom/review/move', {
      uid: ARTICLE,
      documentId,
      locale,
      move: 'forward',
      comment: '通过',
      expectedUpdatedAt: view.body.data.updatedAt,
    });
    expect(moved.status).toBe(200);
    if (moved.body.data.stage === 'approved') return;
  }
};
const stageOf = async (documentId: string, locale = 'zh-Hans') =>
  (await as(admin).post('/admin/newsroom/review/state', { uid: ARTICLE, documentId, locale })).body.data.stage as string;

/** The versions API as the panel calls it; every answer must be JSON (unknown admin paths answer HTML). */
const json = <T extends { headers: Record<string, string> }>(res: T) => {
  expect(res.headers['content-type']).toMatch(/application\/json/);
  return res;
};
const list = async (documentId: string, token = admin, locale = 'zh-Hans') =>
  json(await as(token).get(`/admin/newsroom/versions?uid=${encodeURIComponent(ARTICLE)}&documentId=${documentId}&locale=${locale}`));
const versionsOf = async (documentId: string, locale = 'zh-Hans') => {
  const res = await list(documentId, admin, locale);
  expect(res.status).toBe(200);
  return res.body.data as Json[];
};
const diff = async (id: number, against?: number, token = admin) =>
  json(await as(token).get(`/admin/newsroom/versions/${id}/diff${against === undefined ? '' : `?against=${against}`}`));
const restore = async (id: number, token = admin, expected: object = {}) =>
  json(await as(token).post(`/admin/newsroom/versions/${id}/restore`, expected));
const storedCount = (where: object) => app.db.query(VERSION).count({ where });
const expectError = (res: Json, status: number, name: string) => {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ data: null, error: { status, name, message: expect.any(String) } });
};
const publicTitle = async (documentId: string) => (await api(app).get(`/api/articles/${documentId}`)).body.data?.title;

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false', PUBLISH_CHECKS: 'true', REVIEW_REQUIRED: 'true' });
  admin = await adminToken(app, 'versions-admin@example.gov.cn');
  for (const [role, key, name] of [
    ['撰稿', 'writer', '王'],
    ['撰稿', 'writer2', '李'],
    ['初审', 'first', '赵'],
  ] as const)
    tokens[key] = (
      await editorWithRole(app, role, {
        email: `versions-${key}@example.gov.cn`,
        firstname: name,
        lastname: '编辑',
        password: 'Versions-Passw0rd',
      })
    ).token;
  channelId = (await app.documents('api::channel.channel').create({ locale: 'zh-Hans', data: { name: '工作动态' }, status: 'published' }))
    .documentId;
  for (const name of ['省财政厅', '省教育厅', '省卫健委'])
    units.push(
      (await app.documents('api::commended-unit.commended-unit').create({ locale: 'zh-Hans', data: { name, city: '杭州市' } as never }))
        .documentId
    );
});
afterAll(async () => {
  await stopApp(app);
  process.env.REVIEW_REQUIRED = 'false';
  delete process.env.VERSIONS_KEEP_DRAFTS;
});

describe('a version per save and per publish', () => {
  test('create and a save: two draft versions, newest first, with who and the fields changed; a save changing nothing makes none', async () => {
    const documentId = await create(tokens.writer, { title: '全省机关事务工作会议召开', body: body('会议在杭州召开。') });
    await save(documentId, { title: '全省机关事务工作会议在杭州召开' }, tokens.writer);
    await save(documentId, { title: '全省机关事务工作会议在杭州召开' }, tokens.writer);
    const versions = await versionsOf(documentId);
    expect(versions).toHaveLength(2);
    expect(versions[0].id).toBeGreaterThan(versions[1].id);
    expect(versions[0]).toMatchObject({
      state: 'draft',
      actorName: '王 编辑',
      changed: ['title'],
      personalData: false,
      previous: versions[1].id,
    });
    expect(versions[1].previous).toBeNull();
    expect(versions[1].changed).toEqual(expect.arrayContaining(['title', 'body', 'source', 'channel']));
    expect(new Date(versions[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Stored compact: brotli'd JSON, not the text itself.
    const row = (await app.db.query(VERSION).findOne({ where: { id: versions[0].id } })) as Json;
    expect(row.snapshot).not.toContain('杭州');
  });

  test('publish: a published version; a refused publish (personal data) leaves no version', async () => {
    const documentId = await create(admin, { title: '表彰名单公示', body: body('联系人电话请见附件。') });
    await approve(documentId);
    expect((await publish(documentId)).status).toBe(200);
    const versions = await versionsOf(documentId);
    expect(versions.map((v: Json) => v.state)).toEqual(['published', 'draft']);
    // The same text; 发布时间 given at publishing.
    expect(versions[0].changed).toEqual(['publishDate']);

    // A mobile number in the text: the publish checks refuse it; the draft's save is a version, flagged.
    await save(documentId, { body: body('联系人电话 13812345678。') });
    await approve(documentId);
    const refused = await publish(documentId);
    expect(refused.status).toBe(400);
    const after = await versionsOf(documentId);
    expect(after.map((v: Json) => v.state)).toEqual(['draft', 'published', 'draft']);
    expect(after[0]).toMatchObject({ personalData: true, changed: ['body'] });
    expect(after[1].personalData).toBe(false);
    expect((await diff(after[0].id)).body.data.personalData).toBe(true);
  });
});

describe('comparing two versions', () => {
  test('per field before/after; paragraphs aligned, words inserted and deleted marked; linked entries added, removed, moved', async () => {
    const documentId = await create(admin, {
      title: '全省表彰大会召开',
      body: body('第一段保持不变。', '大会表彰了先进集体。', '这一段将被删除。'),
      commendedUnits: { set: [units[0], units[1]].map((id) => ({ documentId: id, locale: 'zh-Hans' })) },
    });
    await save(documentId, {
      title: '全省表彰大会隆重召开',
      body: body('第一段保持不变。', '大会隆重表彰了先进集体和个人。', '新增的一段。'),
      commendedUnits: { set: [units[2], units[1]].map((id) => ({ documentId: id, locale: 'zh-Hans' })) },
    });
    await save(documentId, { commendedUnits: { set: [units[1], units[2]].map((id) => ({ documentId: id, locale: 'zh-Hans' })) } });
    const [third, second, first] = await versionsOf(documentId);
    expect(third.changed).toEqual(['commendedUnits']);

    const res = await diff(second.id, first.id);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data).toMatchObject({ documentId, locale: 'zh-Hans', version: { id: second.id }, against: { id: first.id } });
    const field = (name: string) => data.fields.find((f: Json) => f.field === name);
    expect(field('title')).toMatchObject({ changed: true, before: '全省表彰大会召开', after: '全省表彰大会隆重召开' });
    expect(field('title').words).toEqual(expect.arrayContaining([{ op: 'insert', text: '隆重' }]));
    expect(field('source')).toMatchObject({ changed: false, before: '办公室', after: '办公室' });
    const paragraphs = field('body').paragraphs;
    expect(paragraphs[0]).toEqual({ op: 'equal', text: '第一段保持不变。' });
    expect(paragraphs[1]).toMatchObject({ op: 'change', before: '大会表彰了先进集体。', after: '大会隆重表彰了先进集体和个人。' });
    // Only the words added are marked, not the paragraph.
    expect(paragraphs[1].words.filter((w: Json) => w.op !== 'equal')).toEqual([
      { op: 'insert', text: '隆重' },
      { op: 'insert', text: '和个人' },
    ]);
    expect(paragraphs[1].words.map((w: Json) => w.text).join('')).toBe('大会隆重表彰了先进集体和个人。');
    expect(paragraphs[2]).toMatchObject({ op: 'change', before: '这一段将被删除。', after: '新增的一段。' });
    expect(field('commendedUnits').relation).toEqual({ added: [units[2]], removed: [units[0]], moved: [] });
    expect(data.labels[units[2]]).toBe('省卫健委');

    // The order of the linked entries alone: moved.
    const moved = (await diff(third.id, second.id)).body.data;
    expect(moved.fields.find((f: Json) => f.field === 'commendedUnits').relation).toEqual({
      added: [],
      removed: [],
      moved: [expect.any(String)],
    });
    // Without `against`: the version before it.
    expect((await diff(third.id)).body.data.against.id).toBe(second.id);
  });

  test('4xx in Strapi’s error shape: another document, another locale, unknown or pruned, bad ids; nothing answered as HTML', async () => {
    const one = await create(admin, { title: '稿件甲' });
    const other = await create(admin, { title: '稿件乙' });
    const [mine] = await versionsOf(one);
    const [theirs] = await versionsOf(other);
    expectError(await diff(mine.id, theirs.id), 400, 'ValidationError');
    expectError(await restore(mine.id, admin, { documentId: other }), 400, 'ValidationError');
    await save(one, { title: 'Article A' }, admin, 'en');
    const [inEnglish] = await versionsOf(one, 'en');
    expect(inEnglish).toBeDefined();
    expectError(await diff(mine.id, inEnglish.id), 400, 'ValidationError');
    expectError(await restore(mine.id, admin, { locale: 'en' }), 400, 'ValidationError');
    expectError(await diff(999_999), 404, 'NotFoundError');
    expectError(await restore(999_999), 404, 'NotFoundError');
    for (const bad of ['abc', '0', '-1', '1.5', '99999999999'])
      expectError(json(await as(admin).get(`/admin/newsroom/versions/${bad}/diff`)), 400, 'ValidationError');
    expectError(await diff(mine.id, 'x' as never), 400, 'ValidationError');
    expectError(await list(''), 400, 'ValidationError');
    expectError(
      json(await as(admin).get(`/admin/newsroom/versions?uid=api::audit.audit-entry&documentId=${one}&locale=zh-Hans`)),
      400,
      'ValidationError'
    );
    expectError(await list('no-such-document'), 404, 'NotFoundError');
    // Without a login: 401, as every admin route.
    expect((await api(app).get(`/admin/newsroom/versions?uid=${ARTICLE}&documentId=${one}&locale=zh-Hans`)).status).toBe(401);
  });
});

describe('rights: as the content manager’s on that document', () => {
  test('an 撰稿 reads the versions of their own articles only; restoring needs the edit right', async () => {
    const own = await create(tokens.writer, { title: '撰稿王的稿件' });
    const theirs = await create(tokens.writer2, { title: '撰稿李的稿件' });
    expect((await list(own, tokens.writer)).status).toBe(200);
    expectError(await list(theirs, tokens.writer), 403, 'ForbiddenError');
    const [version] = await versionsOf(theirs);
    expectError(await diff(version.id, undefined, tokens.writer), 403, 'ForbiddenError');
    expectError(await restore(version.id, tokens.writer), 403, 'ForbiddenError');
    // 初审 reads every article.
    expect((await list(theirs, tokens.first)).status).toBe(200);
    expect(await storedCount({ targetDocumentId: theirs })).toBe(1);
  });
});

describe('restoring a version', () => {
  test('the draft becomes it through the document service: a new version, a restore entry, 三审 back to 初审; readers keep the published text until 终审 publishes', async () => {
    const documentId = await create(admin, { title: '初稿标题', body: body('初稿正文。') });
    await save(documentId, { title: '发布的标题', body: body('发布的正文。') });
    await approve(documentId);
    expect((await publish(documentId)).status).toBe(200);
    expect(await stageOf(documentId)).toBe('approved');
    const versions = await versionsOf(documentId);
    const firstDraft = versions[versions.length - 1];
    expect(firstDraft.state).toBe('draft');

    const res = await restore(firstDraft.id, admin, { documentId, locale: 'zh-Hans' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ restored: firstDraft.id, missing: [] });
    const draft = (await as(admin).get(`${ARTICLES}/${documentId}?locale=zh-Hans`)).body.data;
    expect(draft.title).toBe('初稿标题');
    expect(draft.body).toEqual(body('初稿正文。'));

    const after = await versionsOf(documentId);
    expect(after).toHaveLength(versions.length + 1);
    expect(after[0]).toMatchObject({ id: res.body.data.version, state: 'draft' });
    expect((await diff(after[0].id, firstDraft.id)).body.data.fields.filter((f: Json) => f.changed)).toEqual([]);

    const entries = (await app.db.query(AUDIT).findMany({ where: { targetDocumentId: documentId }, orderBy: { id: 'asc' } })) as Json[];
    const restoreEntry = entries.find((e) => e.action === 'restore');
    expect(restoreEntry).toMatchObject({
      actorName: 'Test Admin',
      targetLocale: 'zh-Hans',
      changes: { restoredFrom: { after: firstDraft.id } },
    });
    expect(entries[entries.length - 1].action).toBe('restore');
    expect(entries.some((e) => e.action === 'update' && e.changes?.title?.after === '初稿标题')).toBe(true);

    // 三审: an edit of approved text goes back to 初审, as any save.
    expect(await stageOf(documentId)).toBe('first');
    // Readers keep the published version until 终审 publishes the restored draft.
    expect(await publicTitle(documentId)).toBe('发布的标题');
    await approve(documentId);
    expect((await publish(documentId)).status).toBe(200);
    expect(await publicTitle(documentId)).toBe('初稿标题');
    expect((await versionsOf(documentId))[0].state).toBe('published');
  });

  test('a restore an 撰稿 makes of their own article: back to 草稿 when it had not passed 初审', async () => {
    const documentId = await create(tokens.writer, { title: '第一版' });
    await save(documentId, { title: '第二版' }, tokens.writer);
    const [, first] = await versionsOf(documentId);
    expect((await restore(first.id, tokens.writer)).status).toBe(200);
    expect((await as(tokens.writer).get(`${ARTICLES}/${documentId}?locale=zh-Hans`)).body.data.title).toBe('第一版');
    expect(await stageOf(documentId)).toBe('draft');
    expect((await versionsOf(documentId))[0].actorName).toBe('王 编辑');
  });
});

describe('retention: every published version and the last N drafts', () => {
  test('each save prunes its own document in one statement; npm run versions:purge does all documents', async () => {
    process.env.VERSIONS_KEEP_DRAFTS = '3';
    try {
      const documentId = await create(admin, { title: '修改 0' });
      await approve(documentId);
      expect((await publish(documentId)).status).toBe(200);
      for (let i = 1; i <= 5; i += 1) await save(documentId, { title: `修改 ${i}` });
      const versions = await versionsOf(documentId);
      expect(versions.map((v: Json) => v.state)).toEqual(['draft', 'draft', 'draft', 'published']);
      const pruned = (await app.db.query(VERSION).findMany({ where: { targetDocumentId: documentId }, orderBy: { id: 'asc' } })) as Json[];
      expect(pruned).toHaveLength(4);
      // The first draft is gone: asking for it is a 404.
      const ids = versions.map((v: Json) => v.id);
      const gone = Math.min(...ids) - 1;
      expectError(await diff(gone), 404, 'NotFoundError');
    } finally {
      delete process.env.VERSIONS_KEEP_DRAFTS;
    }

    const before = { drafts: await storedCount({ published: false }), published: await storedCount({ published: true }) };
    const run = await runScript('versions-purge.js', ['--keep-drafts', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/removed \d+ draft versions/);
    const documents = (await app.db.connection.raw(
      `SELECT COUNT(*) AS n FROM (SELECT DISTINCT target_uid, target_document_id, target_locale FROM newsroom_versions WHERE published = ?) d`,
      [false]
    )) as Json;
    const withDrafts = Number((documents.rows ?? documents)[0].n);
    expect(await storedCount({ published: false })).toBe(withDrafts);
    expect(await storedCount({ published: true })).toBe(before.published);
    expect(before.drafts).toBeGreaterThan(withDrafts);
    expect((await runScript('versions-purge.js', ['--keep-drafts', '0'])).code).toBe(2);
  });
});

describe('the seams: each path makes the version it should', () => {
  test('clone: the copy starts with its own first version', async () => {
    const source = await create(admin, { title: '原稿' });
    const res = await as(admin).post(`${ARTICLES}/clone/${source}?locale=zh-Hans`, { title: '原稿（副本）', source: '办公室' });
    expect(res.status).toBe(200);
    const copy = await versionsOf(res.body.data.documentId);
    expect(copy).toHaveLength(1);
    expect(copy[0]).toMatchObject({ state: 'draft' });
    expect(await versionsOf(source)).toHaveLength(1);
  });

  test('bulk publish: a published version of each document', async () => {
    const ids = [await create(admin, { title: '批量一' }), await create(admin, { title: '批量二' })];
    for (const id of ids) await approve(id);
    const res = await as(admin).post(`${ARTICLES}/actions/bulkPublish?locale=zh-Hans`, { documentIds: ids });
    expect(res.status).toBe(200);
    for (const id of ids) expect((await versionsOf(id))[0].state).toBe('published');
  });

  test('定时发布: the scheduler’s publish is a published version, in the name of whoever scheduled it', async () => {
    const documentId = await create(admin, { title: '定时发布的稿件' });
    await approve(documentId);
    await save(documentId, { publishAt: new Date(Date.now() + 3_600_000).toISOString() });
    const done = await jobsRunFor(app, documentId, { aheadMs: 3_700_000 });
    expect(done.map((outcome) => outcome.result)).toContain('published');
    const [latest] = await versionsOf(documentId);
    expect(latest.state).toBe('published');
    expect(latest.actorName).toContain('Test Admin');
  });

  test('locales: each locale has its own versions', async () => {
    const documentId = await create(admin, { title: '中文稿' });
    await save(documentId, { title: 'English article' }, admin, 'en');
    await save(documentId, { title: 'English article, edited' }, admin, 'en');
    expect(await versionsOf(documentId)).toHaveLength(1);
    expect(await versionsOf(documentId, 'en')).toHaveLength(2);
  });

  test('a file replaced: in place (drafts only) or, when published, by a new file for the draft: a version each time', async () => {
    const upload = async (name: string, bytes: Buffer) => {
      const res = await api(app)
        .post('/upload')
        .set('Authorization', `Bearer ${admin}`)
        .field('fileInfo', JSON.stringify({ name }))
        .attach('files', bytes, { filename: name, contentType: 'application/pdf' });
      expect(res.status).toBe(201);
      return res.body[0] as Json;
    };
    const pdf = (text: string) =>
      Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
    const replace = (id: number, text: string) =>
      api(app)
        .post(`/upload?id=${id}`)
        .set('Authorization', `Bearer ${admin}`)
        .field('fileInfo', JSON.stringify({}))
        .attach('files', pdf(text), { filename: '附件.pdf', contentType: 'application/pdf' });

    const file = await upload('附件.pdf', pdf('v1'));
    const documentId = await create(admin, { title: '带附件的稿件', attachments: [file.id] });
    const [first] = await versionsOf(documentId);
    // Only a draft uses it: replaced in place (same id); the media feature edits the draft in its transaction: a version.
    expect((await replace(file.id, 'v2')).status).toBe(200);
    const [second] = await versionsOf(documentId);
    expect(second).toMatchObject({ state: 'draft', changed: ['attachments'] });
    const attachments = (await diff(second.id, first.id)).body.data.fields.find((f: Json) => f.field === 'attachments');
    expect(attachments.changed).toBe(true);
    expect(attachments.before[0].id).toBe(attachments.after[0].id);
    expect(attachments.before[0].updatedAt).not.toBe(attachments.after[0].updatedAt);

    // Published: the media feature gives the draft a new file through the document service: a version.
    await approve(documentId);
    expect((await publish(documentId)).status).toBe(200);
    const count = (await versionsOf(documentId)).length;
    expect((await replace(file.id, 'v3')).status).toBe(200);
    const after = await versionsOf(documentId);
    expect(after).toHaveLength(count + 1);
    expect(after[0]).toMatchObject({ state: 'draft', changed: ['attachments'] });
  });

  test('the version store is not writable through the document service', async () => {
    await expect(app.documents(VERSION as never).create({ data: {} as never })).rejects.toThrow(/版本记录/);
  });
});
