// What one upload may cost (issue #27, finding 14; src/features/media/upload-limits.ts): an
// image over UPLOAD_MAX_PIXELS is refused from its header with a 413 in Strapi's error
// shape, and nothing is stored, on every way in (the admin's POST /upload, new and
// replace, POST /upload/files, the content API with a token, the importer); an image
// within the limit passes; images are processed one at a time, so several large ones at
// once keep the server's peak memory bounded; and past the queue an upload is a 503 with
// Retry-After.
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import { adminToken, editorWithRole } from '../helpers/admin';
import { api, readJson } from '../helpers/http';
import { peakOf, registerAdmin, resetPeakOf, type ServerProcess } from '../helpers/process';
import { startOwnServer, type OwnServer } from '../helpers/own-server';
import { runScript } from '../helpers/script';
import { startApp, stopApp, type App } from '../helpers/strapi';

const appDir = path.resolve(__dirname, '..', '..');
const uploadsDir = path.join(appDir, 'public', 'uploads');
const MB = 1024 * 1024;
const FILE = 'plugin::upload.file';

/** A real PNG of one colour: small on disk, `width`×`height` pixels when decoded. */
const png = (width: number, height: number, seed = 0) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30 + (seed % 200), b: 30 } } })
    .png({ compressionLevel: 9 })
    .toBuffer();

/** A file name no other test uses, and whether anything of it reached the uploads folder. */
const uniqueName = (label: string) => `${label}${crypto.randomBytes(5).toString('hex')}`;
const onDisk = (name: string) => fs.readdirSync(uploadsDir).filter((file) => file.includes(name));

const expectTooLarge = (res: { status: number; body: Record<string, unknown> }, name: string) => {
  expect(res.status).toBe(413);
  expect(res.body).toEqual({
    data: null,
    error: {
      status: 413,
      name: 'PayloadTooLargeError',
      message: expect.stringMatching(new RegExp(`^图片「${name}\\.png」为 8000×7000 像素（5600 万像素），超过本站上限 5000 万像素`)),
      details: { file: `${name}.png`, width: 8000, height: 7000, pages: 1, pixels: 56_000_000, maxPixels: 50_000_000 },
    },
  });
};

describe('the pixel limit, on every way in', () => {
  let app: App;
  let admin: string;
  let writer: string;
  let token: string;
  let huge: Buffer;
  let fine: Buffer;
  let folder: string;

  beforeAll(async () => {
    app = await startApp({ SEED_DEMO: 'false', RESPONSE_CACHE: 'false' });
    admin = await adminToken(app, 'upload-limits@example.gov.cn');
    writer = (
      await editorWithRole(app, '撰稿', {
        email: 'upload-writer@example.gov.cn',
        firstname: '撰稿',
        lastname: '编辑',
        password: 'Writer-Passw0rd',
      })
    ).token;
    token = (await app.service('admin::api-token').create({ name: 'upload-limits', type: 'full-access', lifespan: null })).accessKey;
    huge = await png(8000, 7000); // 56 MP, about 180 KB
    fine = await png(2000, 1500);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-limits-'));
  });
  afterAll(async () => {
    await stopApp(app);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const files = () => app.db.query(FILE).count({});
  const post = (url: string, bearer: string, bytes: Buffer, name: string) =>
    api(app)
      .post(url)
      .set('Authorization', `Bearer ${bearer}`)
      .attach('files', bytes, { filename: `${name}.png`, contentType: 'image/png' });

  test('a 撰稿 uploading an image over the limit in the media library gets a 413 and nothing is stored', async () => {
    const before = await files();
    const name = uniqueName('overlimit');
    expectTooLarge(await post('/upload', writer, huge, name), name);
    const single = uniqueName('overlimit');
    expectTooLarge(await post('/upload/files', writer, huge, single), single);
    expect(await files()).toBe(before);
    expect(onDisk(name)).toEqual([]);
    expect(onDisk(single)).toEqual([]);
  });

  test('an image within the limit passes, and replacing it with one over the limit changes nothing', async () => {
    const name = uniqueName('withinlimit');
    const created = await post('/upload', writer, fine, name);
    expect(created.status).toBe(201);
    const [file] = created.body;
    expect(file).toMatchObject({ width: 2000, height: 1500, mime: 'image/png' });
    expect(onDisk(name).length).toBeGreaterThan(0);
    const row = await app.db.query(FILE).findOne({ where: { id: file.id } });

    const replacing = uniqueName('overlimit');
    expectTooLarge(await post(`/upload?id=${file.id}`, writer, huge, replacing), replacing);
    expectTooLarge(await post(`/upload/files/${file.id}/replace`, admin, huge, replacing), replacing);
    expect(await app.db.query(FILE).findOne({ where: { id: file.id } })).toEqual(row);
    expect(onDisk(replacing)).toEqual([]);
  });

  test('the content API with a token: over the limit 413 (new and replace), within it 201', async () => {
    const before = await files();
    const name = uniqueName('overlimit');
    expectTooLarge(await post('/api/upload', token, huge, name), name);
    expect(await files()).toBe(before);
    expect(onDisk(name)).toEqual([]);

    const ok = uniqueName('withinlimit');
    const created = await post('/api/upload', token, fine, ok);
    expect(created.status).toBe(201);
    expect(created.body[0]).toMatchObject({ width: 2000, height: 1500 });
    const row = await app.db.query(FILE).findOne({ where: { id: created.body[0].id } });
    const replacing = uniqueName('overlimit');
    expectTooLarge(await post(`/api/upload?id=${created.body[0].id}`, token, huge, replacing), replacing);
    expect(await app.db.query(FILE).findOne({ where: { id: created.body[0].id } })).toEqual(row);
  });

  test('the importer fails a page whose image is over the limit, with the message, and stores none of its files', async () => {
    const name = uniqueName('overlimit');
    const small = uniqueName('withinlimit');
    fs.mkdirSync(path.join(folder, 'images'));
    fs.writeFileSync(path.join(folder, 'images', `${name}.png`), huge);
    fs.writeFileSync(path.join(folder, 'images', `${small}.png`), fine);
    fs.writeFileSync(
      path.join(folder, 'page.html'),
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>推进会召开</title></head><body>
<div class="crumb">当前位置:首页 &gt;&gt; 工作动态</div>
<h1>推进会召开</h1>
<div class="meta">来源:办公室 发布时间:2023-03-15 09:05</div>
<div class="content"><p>3月14日,推进会召开。</p><p><img src="images/${small}.png" alt="小图"></p><p><img src="images/${name}.png" alt="大图"></p></div>
</body></html>`
    );
    const before = await files();
    const run = await runScript('import.js', ['--json', folder]);
    const { articles } = JSON.parse(run.stdout);
    expect(articles).toEqual([
      expect.objectContaining({ status: 'failed', error: expect.stringMatching(new RegExp(`^图片「${name}\\.png」为 8000×7000 像素`)) }),
    ]);
    expect(run.code).toBe(1);
    expect(await files()).toBe(before);
    expect(onDisk(name)).toEqual([]);
    expect(onDisk(small)).toEqual([]);
  });
});

/**
 * Memory and the queue, measured on a server of its own (a child process: the kernel's
 * peak RSS of that process, VmHWM, reset just before the uploads).
 */
describe('images take turns', () => {
  let own: OwnServer | undefined;
  let server: ServerProcess;
  let jwt: string;
  const QUEUE = 3;

  beforeAll(async () => {
    own = await startOwnServer('newsroom_upload_rss', { SEED_DEMO: 'false', RESPONSE_CACHE: 'false', UPLOAD_IMAGE_QUEUE: String(QUEUE) });
    server = own.server;
    jwt = await registerAdmin(server, {
      firstname: 'Ops',
      lastname: 'Admin',
      email: 'upload-rss@example.gov.cn',
      password: 'Ops-Passw0rd',
    });
  });
  afterAll(async () => {
    await own?.stop();
  });

  const upload = async (bytes: Buffer, label: string) => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), `${uniqueName(label)}.png`);
    const res = await fetch(`${server.url}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${jwt}` }, body: form });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await readJson(res) };
  };
  const rssOf = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))![1]) * 1024;
  const removeUploaded = (answers: Array<{ status: number; body: Array<{ hash: string }> }>) => {
    for (const answer of answers.filter((a) => a.status === 201)) {
      for (const entry of fs.readdirSync(uploadsDir).filter((f) => f.includes(answer.body[0].hash)))
        fs.rmSync(path.join(uploadsDir, entry));
    }
  };

  test('four 45-megapixel images at once: all stored, peak RSS under the baseline + 600 MB', async () => {
    const images = await Promise.all([0, 1, 2, 3].map((i) => png(7750, 5800, i))); // 44.95 MP each
    expect((await upload(await png(400, 300), 'warmup')).status).toBe(201);
    const baseline = rssOf();
    resetPeakOf(server);
    const started = Date.now();
    const answers = await Promise.all(images.map((bytes) => upload(bytes, 'large')));
    const peak = peakOf(server);
    console.log(
      `4 × 45 MP at once: baseline RSS ${(baseline / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB ` +
        `(+${((peak - baseline) / MB).toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    expect(answers.map((a) => a.body[0].width)).toEqual([7750, 7750, 7750, 7750]);
    expect(peak - baseline).toBeLessThan(600 * MB);
    removeUploaded(answers);
  });

  test(`past ${QUEUE} waiting, an upload is a 503 with Retry-After in Strapi's shape, and stores nothing`, async () => {
    const image = await png(5000, 4000); // 20 MP: the first is still processed when the last arrives
    const answers = await Promise.all(Array.from({ length: QUEUE + 4 }, () => upload(image, 'queued')));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(QUEUE + 1).fill(201), 503, 503, 503]);
    for (const refused of answers.filter((a) => a.status === 503)) {
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(refused.body).toEqual({
        data: null,
        error: {
          status: 503,
          name: 'ServiceUnavailableError',
          message: expect.stringMatching(/^正在处理其他图片，排队已满：请 \d+ 秒后重试，未保存任何内容/),
          details: { retryAfter: Number(refused.retryAfter) },
        },
      });
    }
    // Only the admitted ones are in the media library.
    const list = await readJson(
      await fetch(`${server.url}/upload/files?pageSize=100&filters[name][$startsWith]=queued`, {
        headers: { Authorization: `Bearer ${jwt}` },
      })
    );
    expect(list.results ?? list.data).toHaveLength(QUEUE + 1);
    removeUploaded(answers as never);
  });
});
