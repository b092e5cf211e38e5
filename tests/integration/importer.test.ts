// The importer CLI (npm run import) as the agency runs it: a folder of saved pages (the
// sample as text, a GBK-encoded HTML page with an image and a PDF saved beside it, and a
// broken page) imported into a running site's database, then imported again. Checked
// over the public API: the articles, their channels, quotes in order, media; no
// duplicates after the second run; the broken page reported, the others imported.
import fs from 'fs';
import os from 'os';
import path from 'path';
import iconv from 'iconv-lite';
import { api } from '../helpers/http';
import { waitFor } from '../helpers/wait';
import { startApp, stopApp, type App } from '../helpers/strapi';
import { runScript } from '../helpers/script';

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'legacy', 'legacy-article-2022-09-23.txt'));
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAOUlEQVRIie3VwQkAQAgDwe2/thR1ZXiPAf+CxEyrk8ninHrClXdKgUxlBomwGBbD4rAYFsPivmLxAQG9vG68soTJAAAAAElFTkSuQmCC',
  'base64'
);
// Pages pasted from Word keep full-width indents.
const INDENT = '\u3000\u3000';
const GBK_PAGE = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>节约型机关建设推进会召开</title><script>var x = "当前位置:假的";</script></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a></div>
<div class="crumb">当前位置:首页 &gt;&gt; 工作动态 &gt;&gt; 本局动态</div>
<h1>节约型机关建设推进会召开——绿色低碳从点滴做起</h1>
<div class="meta">来源:浙江省机关事务管理局 综合处 发布时间:2023-03-15 09:05 点击率:1234</div>
<div class="content">
<p>${INDENT}3月14日,全省节约型机关建设推进会在杭州召开。</p>
<p><img src="images/huichang.png" alt="推进会现场"></p>
<p>会议现场</p>
<p>${INDENT}省机关事务管理局副局长孙明在会上说:“节约型机关建设,要从每一度电、每一张纸做起。”</p>
<p>${INDENT}“我们将把会议精神落到实处。”嘉兴市机关事务管理局局长周文表示。</p>
<p>附件:<a href="files/tongzhi.pdf">关于开展节约型机关创建的通知.pdf</a></p>
</div>
<div class="foot">【打印本页】【关闭窗口】</div><div>版权所有:浙江省机关事务管理局</div>
</body></html>`;

let app: App;
let folder: string;

const runImport = (args: string[]) => runScript('import.js', args);
/** The JSON report, or the command's own output when there is none. */
const reportOf = (run: { code: number; stdout: string; stderr: string }) => {
  try {
    return JSON.parse(run.stdout).articles;
  } catch {
    throw new Error(`no JSON report (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
  }
};

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'legacy-site-'));
  fs.mkdirSync(path.join(folder, 'pages', 'images'), { recursive: true });
  fs.mkdirSync(path.join(folder, 'pages', 'files'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'pages', 'a-sample.txt'), SAMPLE);
  fs.writeFileSync(path.join(folder, 'pages', 'b-gbk.html'), iconv.encode(GBK_PAGE, 'gbk'));
  fs.writeFileSync(path.join(folder, 'pages', 'images', 'huichang.png'), PNG);
  fs.writeFileSync(path.join(folder, 'pages', 'files', 'tongzhi.pdf'), '%PDF-1.4\n%%EOF\n');
  fs.writeFileSync(path.join(folder, 'pages', 'c-broken.html'), '<html><body><p>页面已删除</p></body></html>');
  app = await startApp({ SEED_DEMO: 'false', RESPONSE_CACHE: 'false', RESPONSE_CACHE_POLL_MS: '100' });
});
afterAll(async () => {
  await stopApp(app);
  fs.rmSync(folder, { recursive: true, force: true });
});

test('--dry-run --json: only JSON on stdout, the contract fields, a GBK page decoded, a broken page reported', async () => {
  const { code, stdout, stderr } = await runImport(['--dry-run', '--json', path.join(folder, 'pages')]);
  expect(code).toBe(1); // one page failed
  const articles = reportOf({ code, stdout, stderr });
  expect(articles.map((article: { status: string }) => article.status)).toEqual(['dry-run', 'dry-run', 'failed']);
  const [sample, gbk, broken] = articles;
  expect(sample).toMatchObject({
    title: '感恩奋进 实干争先',
    subtitle: '全省机关事务工作会议侧记',
    source: '浙江省机关事务管理局 办公室',
    publishDate: '2022-09-23T12:40:00.000Z',
    breadcrumb: ['首页', '工作动态', '上级工作动态'],
    legacyClickCount: null,
    headings: ['殷殷嘱托 激励奋进', '总结经验、表彰先进', '实干争先 再创佳绩'],
    commendation: { unitQuota: 80, individualQuota: 180 },
  });
  // 17 named speakers; the three quotes said by 与会代表 are left out (no editor chose them).
  expect(sample.quotes).toHaveLength(17);
  expect(sample.quotes.map((quote: { speakerName: string }) => quote.speakerName)).not.toContain('与会代表');
  expect(sample.quotes[0]).toEqual({
    text: expect.stringMatching(/^我们将把深学笃行/),
    speakerName: '谢小云',
    speakerPosition: '党组书记、局长',
    speakerOrganization: '浙江省机关事务管理局',
  });
  expect(gbk).toMatchObject({
    title: '节约型机关建设推进会召开',
    subtitle: '绿色低碳从点滴做起',
    breadcrumb: ['首页', '工作动态', '本局动态'],
    publishDate: '2023-03-15T01:05:00.000Z',
    legacyClickCount: 1234,
    quotes: [
      {
        text: '节约型机关建设,要从每一度电、每一张纸做起。',
        speakerName: '孙明',
        speakerPosition: '副局长',
        speakerOrganization: '浙江省机关事务管理局',
      },
      { text: '我们将把会议精神落到实处。', speakerName: '周文', speakerPosition: '局长', speakerOrganization: '嘉兴市机关事务管理局' },
    ],
  });
  expect(broken.error).toMatch(/breadcrumb/);
  expect(stderr).not.toContain('{"articles"');
  // Written page by page, the report is still the JSON of the whole list, as before.
  expect(stdout).toBe(`${JSON.stringify({ articles }, null, 2)}\n`);
  // No progress line when stderr is not a terminal, unless asked for.
  expect(stderr).not.toMatch(/pages\/s/);
  const progress = await runImport(['--dry-run', '--progress', path.join(folder, 'pages')]);
  expect(progress.stderr).toMatch(/\[import\] 3\/3 pages, [\d.]+ pages\/s, ETA \d+m\d\ds/);
  expect(progress.stdout).toMatch(/^dry-run +\S*a-sample\.txt: 感恩奋进 实干争先 \(17 quotes\)$/m);
  expect(progress.stdout).not.toMatch(/pages\/s/);
  // Nothing was written.
  expect((await api(app).get('/api/articles')).body.data).toEqual([]);
});

test('an import, then the same import again: the articles, channels, quotes and media once, updated in place', async () => {
  const first = await runImport(['--json', '--publish', path.join(folder, 'pages')]);
  expect(first.code).toBe(1);
  const firstReport = reportOf(first);
  // A failure shows its reason.
  expect(
    firstReport.map((article: { file: string; status: string; error?: string }) =>
      article.error && article.file.includes('broken') ? 'failed' : (article.error ?? article.status)
    )
  ).toEqual(['created', 'created', 'failed']);

  const list = async () =>
    (await api(app).get('/api/articles?fields[0]=title&populate[channel][fields][0]=name&sort=publishDate:asc')).body.data;
  await waitFor(async () => (await list()).length === 2);
  const [sample, gbk] = await list();
  expect(sample.title).toBe('感恩奋进 实干争先');
  expect(sample.channel.name).toBe('上级工作动态');

  const read = async (documentId: string) => (await api(app).get(`/api/articles/${documentId}`)).body.data;
  const whole = await read(sample.documentId);
  expect(whole.breadcrumb.map((item: { name: string }) => item.name)).toEqual(['首页', '工作动态', '上级工作动态']);
  expect(whole.quotes).toHaveLength(17);
  expect(whole.quotes.map((quote: { order: number }) => quote.order)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  expect(whole.commendedUnits.map((unit: { name: string }) => unit.name)).toEqual([
    '温州市龙湾区机关事务管理中心',
    '常山县机关事务保障中心',
  ]);
  expect(whole.publishDate).toBe('2022-09-23T12:40:00.000Z');
  expect(whole.body.filter((block: { type: string }) => block.type === 'heading')).toHaveLength(3);

  const page = await read(gbk.documentId);
  expect(page.cover).toMatchObject({ name: 'huichang.png', caption: '推进会现场', mime: 'image/png' });
  expect(page.attachments.map((file: { name: string }) => file.name)).toEqual(['关于开展节约型机关创建的通知.pdf']);
  expect(page.legacyClickCount).toBe(1234);
  // Body text without the full-width indents, and the page's chrome left out.
  expect(page.body[0].children[0].text).toBe('3月14日,全省节约型机关建设推进会在杭州召开。');
  expect(JSON.stringify(page.body)).not.toMatch(/打印本页|版权所有|var x/);

  const second = await runImport(['--json', '--publish', path.join(folder, 'pages')]);
  expect(reportOf(second).map((article: { status: string }) => article.status)).toEqual(['updated', 'updated', 'failed']);
  expect((await list()).map((article: { documentId: string }) => article.documentId)).toEqual([sample.documentId, gbk.documentId]);
  expect((await read(sample.documentId)).quotes).toHaveLength(17);
  const quotes = await api(app).get('/api/speaker-quotes?pagination[pageSize]=100&fields[0]=text');
  expect(quotes.body.data).toHaveLength(19);
  // The commendation the sample reports, once, with its quotas.
  const commendations = await api(app).get(
    '/api/commendations?fields[0]=title&fields[1]=unitQuota&fields[2]=individualQuota&fields[3]=level'
  );
  expect(
    commendations.body.data.map(({ title, unitQuota, individualQuota, level }: Record<string, unknown>) => ({
      title,
      unitQuota,
      individualQuota,
      level,
    }))
  ).toEqual([{ title: '全省机关事务工作先进集体和先进个人', unitQuota: 80, individualQuota: 180, level: 'provincial' }]);
  const channels = await api(app).get('/api/channels?pagination[pageSize]=100&fields[0]=name');
  expect(channels.body.data.map((channel: { name: string }) => channel.name).sort()).toEqual(
    ['上级工作动态', '工作动态', '本局动态', '首页'].sort()
  );
});

test('an import beside a server that keeps writing: no page fails for it', async () => {
  // The agency imports while the site serves: here the server writes a row every few ms.
  const busy = fs.mkdtempSync(path.join(os.tmpdir(), 'legacy-busy-'));
  const titles = [1, 2, 3, 4, 5, 6].map((n) => `感恩奋进 实干争先（之${n}）`);
  titles.forEach((title, n) =>
    fs.writeFileSync(path.join(busy, `page-${n}.txt`), SAMPLE.toString('utf8').replace('感恩奋进 实干争先', title))
  );
  let writing = true;
  let written = 0;
  const writer = (async () => {
    while (writing) {
      await app.db.query('api::audit.audit-entry').create({ data: { action: 'update', at: new Date(), actorKind: 'system' } });
      written += 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  try {
    const run = await runImport(['--json', busy]);
    const report = reportOf(run);
    expect(report.map((article: { status: string; error?: string }) => article.error ?? article.status)).toEqual(
      titles.map(() => 'created')
    );
    expect(run.code).toBe(0);
  } finally {
    writing = false;
    await writer;
    fs.rmSync(busy, { recursive: true, force: true });
  }
  expect(written).toBeGreaterThan(10);
  const drafts = await app.db.query('api::article.article').count({ where: { title: { $in: titles }, publishedAt: null } });
  expect(drafts).toBe(titles.length);
}, 180_000);
