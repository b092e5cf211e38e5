// Published bytes never change (#27, finding 1): a file a published article shows is not
// changed under readers by the media library (replace, caption/alt/name edit, delete, bulk
// delete) or the content API's upload routes. The drafts get a new file, the article goes
// back to 初审, the 操作日志 names who did it, and readers see the new file only after 终审
// publishes again. A file only drafts use is replaced in place, as before; a writer may
// not change a file another writer's article uses.
import http from 'http';
import type { AddressInfo } from 'net';
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, type Json } from '../helpers/http';
import { adminToken, editorWithRole } from '../helpers/admin';

let app: App;
let admin: string;
const tokens: Record<string, string> = {};
let fullAccess: string;

const ARTICLE = 'api::article.article';
const FILE = 'plugin::upload.file';
const ARTICLES = '/content-manager/collection-types/api::article.article';
const USERS: Array<[string, string, string]> = [
  ['撰稿', 'writer', '撰稿 编辑'],
  ['撰稿', 'other', '另一撰稿 编辑'],
  ['初审', 'first', '初审 编辑'],
  ['复审', 'second', '复审 编辑'],
  ['终审', 'final', '终审 编辑'],
];

/** 2×2 PNGs of different colours: each upload is a different picture. */
const PNG = [
  '89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000000970485973000003e8000003e801b57b526b000000134944415408996338c3c07086018ccf30300000198e0331f0525d240000000049454e44ae426082',
  '89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000000970485973000003e8000003e801b57b526b0000000f494441540899636060380346600a00132e0331fcb503c30000000049454e44ae426082',
  '89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000000970485973000003e8000003e801b57b526b0000000f494441540899636058c50042100a0012a602a96a544bcd0000000049454e44ae426082',
  '89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000000970485973000003e8000003e801b57b526b000000144944415408996358b58a61d52a06105eb58a010027e605519ca106260000000049454e44ae426082',
].map((hex) => Buffer.from(hex, 'hex'));
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

const bearer = (token: string) => `Bearer ${token}`;
const uploadAs = async (token: string, name: string, type: string, bytes: Buffer, info: object = {}) => {
  const res = await api(app)
    .post('/upload')
    .set('Authorization', bearer(token))
    .field('fileInfo', JSON.stringify({ name, ...info }))
    .attach('files', bytes, { filename: name, contentType: type });
  expect(res.status).toBe(201);
  return res.body[0] as Json;
};
const replaceAs = (token: string, id: number, name: string, type: string, bytes: Buffer, info: object = {}, prefix = '') =>
  api(app)
    .post(`${prefix}/upload?id=${id}`)
    .set('Authorization', bearer(token))
    .field('fileInfo', JSON.stringify(info))
    .attach('files', bytes, { filename: name, contentType: type });
const editInfoAs = (token: string, id: number, info: object, prefix = '') =>
  api(app).post(`${prefix}/upload?id=${id}`).set('Authorization', bearer(token)).send({ fileInfo: info });
const as = (token: string) => ({
  post: (url: string, body: object = {}) => api(app).post(url).set('Authorization', bearer(token)).send(body),
  get: (url: string) => api(app).get(url).set('Authorization', bearer(token)),
  delete: (url: string) => api(app).delete(url).set('Authorization', bearer(token)),
});

/** A move as the 审核 panel makes it: naming the draft's version the caller's edit view shows (a 通过 must). */
const move = async (token: string, documentId: string) => {
  const view = await as(token).get(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=zh-Hans`);
  return as(token).post('/admin/newsroom/review/move', {
    uid: ARTICLE,
    documentId,
    locale: 'zh-Hans',
    move: 'forward',
    comment: '通过',
    expectedUpdatedAt: view.body.data?.updatedAt,
  });
};
const stateOf = async (documentId: string) =>
  (await as(admin).post('/admin/newsroom/review/state', { uid: ARTICLE, documentId, locale: 'zh-Hans' })).body.data as Json;
const passReview = async (documentId: string, from: 'writer' | 'first' = 'writer') => {
  const roles = ['writer', 'first', 'second', 'final'];
  for (const role of roles.slice(roles.indexOf(from))) expect((await move(tokens[role], documentId)).status).toBe(200);
};
const publish = async (documentId: string) => {
  const res = await as(tokens.final).post(`${ARTICLES}/${documentId}/actions/publish?locale=zh-Hans`);
  expect(res.status).toBe(200);
};
const writeArticle = async (token: string, title: string, media: object) => {
  const res = await as(token).post(`${ARTICLES}?locale=zh-Hans`, { title, source: '办公室', ...media });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
/** What readers get: the public REST answer. */
const publicArticle = async (documentId: string) => {
  const res = await api(app).get(`/api/articles/${documentId}?populate[0]=cover&populate[1]=attachments`);
  expect(res.status).toBe(200);
  return res.body.data as Json;
};
const draftOf = async (documentId: string) => {
  const res = await as(admin).get(`${ARTICLES}/${documentId}?locale=zh-Hans`);
  expect(res.headers['content-type']).toMatch(/json/);
  return res.body.data as Json;
};
const bytesAt = async (url: string) => {
  const res = await api(app)
    .get(url)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  return res.body as Buffer;
};
const fileCount = () => app.db.query(FILE).count({});
/** The 操作日志 entries of one file, oldest first (its upload's `create` first). */
const fileEntries = (documentId: string) =>
  app.db
    .query('api::audit.audit-entry')
    .findMany({ where: { targetUid: FILE, targetDocumentId: documentId }, orderBy: { id: 'asc' } }) as Promise<Json[]>;

/** A published article by 撰稿 with a cover and a PDF attachment, approved by 终审. */
const publishedArticle = async (title: string) => {
  const cover = await uploadAs(tokens.writer, `${title}.png`, 'image/png', PNG[0], {
    caption: '原图片说明',
    alternativeText: '原替代文字',
  });
  const attachment = await uploadAs(tokens.writer, `${title}.pdf`, 'application/pdf', pdf(`${title} v1`));
  const documentId = await writeArticle(tokens.writer, title, { cover: cover.id, attachments: [attachment.id] });
  await passReview(documentId);
  await publish(documentId);
  const seen = await publicArticle(documentId);
  expect(seen.cover.url).toBe(cover.url);
  return { documentId, cover, attachment, coverBytes: await bytesAt(cover.url), pdfBytes: await bytesAt(attachment.url) };
};

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false', REVIEW_REQUIRED: 'true' });
  admin = await adminToken(app, 'media-admin@example.gov.cn');
  for (const [roleName, key, display] of USERS) {
    const [firstname, lastname] = display.split(' ');
    tokens[key] = (
      await editorWithRole(app, roleName, { email: `media-${key}@example.gov.cn`, firstname, lastname, password: 'Media-Passw0rd' })
    ).token;
  }
  fullAccess = (await app.service('admin::api-token').create({ name: 'media', type: 'full-access', lifespan: null })).accessKey;
});
afterAll(async () => {
  await stopApp(app);
  process.env.REVIEW_REQUIRED = 'false';
});

describe('a file a published article shows', () => {
  test('replaced by its writer: readers keep the old file until 终审 publishes again; the draft gets a new one, back to 初审, logged', async () => {
    const { documentId, cover, coverBytes } = await publishedArticle('封面替换');
    expect((await stateOf(documentId)).stage).toBe('approved');

    const replaced = await replaceAs(tokens.writer, cover.id, '新封面.png', 'image/png', PNG[1], {
      caption: '新图片说明',
      alternativeText: '新替代文字',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).not.toBe(cover.id);
    expect(replaced.body.url).not.toBe(cover.url);

    // Readers: the same URL and caption, the same bytes.
    const seen = await publicArticle(documentId);
    expect(seen.cover).toMatchObject({ id: cover.id, url: cover.url, caption: '原图片说明', alternativeText: '原替代文字' });
    expect((await bytesAt(cover.url)).equals(coverBytes)).toBe(true);
    expect((await bytesAt(replaced.body.url)).equals(coverBytes)).toBe(false);
    // The draft shows the new file; the stage is back to 初审, a system move naming the field.
    expect((await draftOf(documentId)).cover).toMatchObject({ id: replaced.body.id, caption: '新图片说明' });
    const state = await stateOf(documentId);
    expect(state.stage).toBe('first');
    expect(state.history.at(-1)).toMatchObject({ from: 'approved', to: 'first', system: true });
    expect(state.history.at(-1).comment).toContain('封面图已更换');
    // 操作日志: the file's entry and the article's, both naming the writer.
    const [created, entry] = await fileEntries(cover.documentId);
    expect(created).toMatchObject({ action: 'create', actorName: '撰稿 编辑' });
    expect(entry).toMatchObject({ action: 'update', actorKind: 'admin', actorName: '撰稿 编辑' });
    expect(entry.changes.newFile.after).toBe(`新封面.png#${replaced.body.id}`);
    const articleEntry = await app.db
      .query('api::audit.audit-entry')
      .findOne({ where: { action: 'update', targetUid: ARTICLE, targetDocumentId: documentId }, orderBy: { id: 'desc' } });
    expect(articleEntry).toMatchObject({ actorName: '撰稿 编辑', changes: { cover: { after: `新封面.png#${replaced.body.id}` } } });

    // Not publishable until it passes again; then readers get the new file.
    expect((await as(tokens.final).post(`${ARTICLES}/${documentId}/actions/publish?locale=zh-Hans`)).status).toBe(400);
    await passReview(documentId, 'first');
    await publish(documentId);
    expect((await publicArticle(documentId)).cover).toMatchObject({ id: replaced.body.id, url: replaced.body.url, caption: '新图片说明' });
    // The old file stays as it was (nothing published uses it now).
    expect((await bytesAt(cover.url)).equals(coverBytes)).toBe(true);
  });

  test('an attachment PDF replaced: readers keep the old document', async () => {
    const { documentId, attachment, pdfBytes } = await publishedArticle('附件替换');
    const replaced = await replaceAs(tokens.writer, attachment.id, '政策文件.pdf', 'application/pdf', pdf('附件替换 v2'));
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).not.toBe(attachment.id);
    const seen = await publicArticle(documentId);
    expect(seen.attachments.map((file: Json) => file.url)).toEqual([attachment.url]);
    expect((await bytesAt(attachment.url)).equals(pdfBytes)).toBe(true);
    expect((await bytesAt(replaced.body.url)).toString()).toContain('附件替换 v2');
    expect((await draftOf(documentId)).attachments.map((file: Json) => file.id)).toEqual([replaced.body.id]);
    const state = await stateOf(documentId);
    expect(state.stage).toBe('first');
    expect(state.history.at(-1).comment).toContain('附件已更换');
  });

  test('a caption-only edit: a copy (same bytes, new URL) for the draft; readers keep the old caption', async () => {
    const { documentId, cover, coverBytes } = await publishedArticle('说明修改');
    const before = await fileCount();
    const edited = await editInfoAs(tokens.writer, cover.id, { caption: '改过的说明' });
    expect(edited.status).toBe(200);
    expect(edited.body.id).not.toBe(cover.id);
    expect(edited.body.caption).toBe('改过的说明');
    expect(await fileCount()).toBe(before + 1);
    expect((await bytesAt(edited.body.url)).equals(coverBytes)).toBe(true);
    expect((await publicArticle(documentId)).cover).toMatchObject({ id: cover.id, url: cover.url, caption: '原图片说明' });
    expect(((await app.db.query(FILE).findOne({ where: { id: cover.id } })) as Json).caption).toBe('原图片说明');
    expect((await draftOf(documentId)).cover).toMatchObject({ id: edited.body.id, caption: '改过的说明', alternativeText: '原替代文字' });
    const state = await stateOf(documentId);
    expect(state.stage).toBe('first');
    expect(state.history.at(-1).comment).toContain('封面图的说明已修改');
    const [, entry] = await fileEntries(cover.documentId);
    expect(entry).toMatchObject({
      action: 'update',
      actorName: '撰稿 编辑',
      changes: { caption: { before: '原图片说明', after: '改过的说明' } },
    });
  });

  test('deleting it is refused (400, in Chinese) on every delete path, nothing deleted', async () => {
    const { documentId, cover } = await publishedArticle('删除文件');
    const unused = await uploadAs(tokens.writer, '无关.png', 'image/png', PNG[2]);
    const refused = async (res: Json) => {
      expect(res.status).toBe(400);
      expect(res.body.data).toBeNull();
      expect(res.body.error.message).toContain('不能删除');
    };
    await refused(await as(tokens.writer).delete(`/upload/files/${cover.id}`));
    await refused(await as(admin).delete(`/upload/files/${cover.id}`));
    await refused(await as(admin).post('/upload/actions/bulk-delete', { fileIds: [unused.id, cover.id] }));
    await refused(await as(fullAccess).delete(`/api/upload/files/${cover.id}`));
    // All or nothing: the unrelated file of the refused bulk delete is still there.
    expect(await app.db.query(FILE).findOne({ where: { id: unused.id } })).toBeTruthy();
    expect(await app.db.query(FILE).findOne({ where: { id: cover.id } })).toBeTruthy();
    expect((await publicArticle(documentId)).cover.url).toBe(cover.url);
    expect((await stateOf(documentId)).stage).toBe('approved');
  });

  test('a full-access API token through /api/upload?id=: the same immutability, logged as the token', async () => {
    const { documentId, cover, coverBytes } = await publishedArticle('令牌替换');
    const replaced = await replaceAs(fullAccess, cover.id, '令牌.png', 'image/png', PNG[3], { caption: '令牌说明' }, '/api');
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).not.toBe(cover.id);
    expect((await publicArticle(documentId)).cover).toMatchObject({ url: cover.url, caption: '原图片说明' });
    expect((await bytesAt(cover.url)).equals(coverBytes)).toBe(true);
    expect((await stateOf(documentId)).stage).toBe('first');
    const [, entry] = await fileEntries(cover.documentId);
    expect(entry).toMatchObject({ action: 'update', actorKind: 'api-token', actorName: 'media' });

    // A caption edit by the token on the new file (now only the draft's): in place.
    const edited = await editInfoAs(fullAccess, replaced.body.id, { caption: '令牌再改' }, '/api');
    expect(edited.status).toBe(200);
    expect(edited.body.id).toBe(replaced.body.id);
    // And on a published one: a copy.
    const other = await publishedArticle('令牌说明');
    const copied = await editInfoAs(fullAccess, other.cover.id, { alternativeText: '令牌替代' }, '/api');
    expect(copied.status).toBe(200);
    expect(copied.body.id).not.toBe(other.cover.id);
    expect((await publicArticle(other.documentId)).cover.alternativeText).toBe('原替代文字');
  });

  test('an upload may not attach itself to an article past the document service (ref/refId)', async () => {
    const { documentId } = await publishedArticle('直接关联');
    const row = (await app.db.query(ARTICLE).findOne({ where: { documentId, publishedAt: { $notNull: true } } })) as Json;
    const res = await api(app)
      .post('/api/upload')
      .set('Authorization', bearer(fullAccess))
      .field('ref', ARTICLE)
      .field('refId', String(row.id))
      .field('field', 'cover')
      .attach('files', PNG[2], { filename: '偷换.png', contentType: 'image/png' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('编辑页');
    expect((await publicArticle(documentId)).cover.name).toBe('直接关联.png');
  });
});

describe('bounds on copies and downloads (attacker review)', () => {
  test('a caption edit of a published file no draft uses any more: 400 in Chinese, no copy; bulk update is capped at 100', async () => {
    const { documentId, cover, coverBytes } = await publishedArticle('说明反复修改');
    // The first edit gives the draft its copy; from then on only readers see the original.
    const first = await editInfoAs(tokens.writer, cover.id, { caption: '第一次修改' });
    expect(first.status).toBe(200);
    expect(first.body.id).not.toBe(cover.id);
    const files = await fileCount();
    const refused = (res: Json) => {
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.status).toBe(400);
      expect(res.body.data).toBeNull();
      expect(res.body.error).toMatchObject({ status: 400, name: 'ApplicationError' });
      expect(res.body.error.message).toContain('读者正在看到此文件，请在稿件中更换');
    };
    refused(await editInfoAs(tokens.writer, cover.id, { caption: '第二次修改' }));
    refused(await editInfoAs(fullAccess, cover.id, { alternativeText: '令牌再改' }, '/api'));
    refused(
      await as(tokens.writer).post('/upload/actions/bulk-update', { updates: [{ id: cover.id, fileInfo: { caption: '批量修改' } }] })
    );
    expect(await fileCount()).toBe(files);
    expect(((await app.db.query(FILE).findOne({ where: { id: cover.id } })) as Json).caption).toBe('原图片说明');
    expect((await publicArticle(documentId)).cover).toMatchObject({ id: cover.id, caption: '原图片说明' });
    expect((await bytesAt(cover.url)).equals(coverBytes)).toBe(true);
    // The draft's copy is the draft's own: edited in place.
    const again = await editInfoAs(tokens.writer, first.body.id, { caption: '改草稿的副本' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await fileCount()).toBe(files);

    // More than 100 entries in one bulk update: 400 before anything is read or written.
    const updates = Array.from({ length: 101 }, () => ({ id: first.body.id, fileInfo: { caption: '批量' } }));
    const bulk = await as(tokens.writer).post('/upload/actions/bulk-update', { updates });
    expect(bulk.headers['content-type']).toMatch(/json/);
    expect(bulk.status).toBe(400);
    expect(bulk.body.data).toBeNull();
    expect(bulk.body.error.message).toContain('一次最多修改 100 个文件');
    expect(((await app.db.query(FILE).findOne({ where: { id: first.body.id } })) as Json).caption).toBe('改草稿的副本');
    // 100 is allowed (the same caption again: nothing to change).
    const hundred = await as(tokens.writer).post('/upload/actions/bulk-update', {
      updates: updates.slice(0, 100).map(({ id }) => ({ id, fileInfo: { caption: '改草稿的副本' } })),
    });
    expect(hundred.status).toBe(200);
  });

  test('upload from URLs is off by default: 403 in Chinese for 撰稿 and the super admin, nothing fetched or stored', async () => {
    // A server of this test's own on loopback, which must never be asked.
    const asked: string[] = [];
    const server = http.createServer((req, res) => {
      asked.push(String(req.url));
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(PNG[0]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const files = await fileCount();
      for (const token of [tokens.writer, admin]) {
        for (const url of [`http://127.0.0.1:${port}/secret.png`, `http://0.0.0.0:${port}/secret.png`]) {
          const res = await as(token).post('/upload/actions/upload-from-urls', { urls: [url] });
          expect(res.headers['content-type']).toMatch(/json/);
          expect(res.status).toBe(403);
          expect(res.body.data).toBeNull();
          expect(res.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
          expect(res.body.error.message).toContain('未开启从网址导入');
        }
      }
      expect(asked).toEqual([]);
      expect(await fileCount()).toBe(files);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a file only drafts use', () => {
  test('is replaced in place, as before; a draft past 初审 goes back to 初审', async () => {
    const file = await uploadAs(tokens.writer, '草稿图.png', 'image/png', PNG[0]);
    const documentId = await writeArticle(tokens.writer, '草稿中的图片', { cover: file.id });
    await passReview(documentId);
    expect((await stateOf(documentId)).stage).toBe('approved');
    const oldBytes = await bytesAt(file.url);
    const replaced = await replaceAs(tokens.writer, file.id, '草稿图2.png', 'image/png', PNG[1]);
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: file.id, url: file.url });
    expect((await bytesAt(file.url)).equals(oldBytes)).toBe(false);
    expect((await draftOf(documentId)).cover.id).toBe(file.id);
    expect((await stateOf(documentId)).stage).toBe('first');
    const entries = await fileEntries(file.documentId);
    expect(entries.map((entry) => [entry.action, entry.actorName])).toEqual([
      ['create', '撰稿 编辑'],
      ['update', '撰稿 编辑'],
    ]);
  });

  test('another writer may not change or delete a file a writer’s article uses: 403, nothing changed', async () => {
    // The other writer's own upload (Strapi lets its creator edit it), used by the writer's article.
    const theirs = await uploadAs(tokens.other, '他人上传.png', 'image/png', PNG[2], { caption: '他人说明' });
    const documentId = await writeArticle(tokens.writer, '用了他人上传的图片', { cover: theirs.id });
    await passReview(documentId);
    const bytes = await bytesAt(theirs.url);
    const files = await fileCount();
    const forbidden = (res: Json) => {
      expect(res.status).toBe(403);
      expect(res.body.data).toBeNull();
      expect(res.body.error.message).toContain('没有修改该稿件的权限');
    };
    forbidden(await replaceAs(tokens.other, theirs.id, '偷换.png', 'image/png', PNG[3]));
    forbidden(await editInfoAs(tokens.other, theirs.id, { caption: '偷改' }));
    forbidden(await as(tokens.other).delete(`/upload/files/${theirs.id}`));
    expect(await fileCount()).toBe(files);
    expect((await bytesAt(theirs.url)).equals(bytes)).toBe(true);
    expect(((await app.db.query(FILE).findOne({ where: { id: theirs.id } })) as Json).caption).toBe('他人说明');
    expect((await draftOf(documentId)).cover.id).toBe(theirs.id);
    expect((await stateOf(documentId)).stage).toBe('approved');
    // And a file the writer uploaded is not the other writer's to touch at all (Strapi's own rule).
    const mine = await uploadAs(tokens.writer, '我的.png', 'image/png', PNG[0]);
    expect((await replaceAs(tokens.other, mine.id, 'x.png', 'image/png', PNG[1])).status).toBe(403);
  });
});
