// RSS 2.0, Atom 1.0 and JSON Feed 1.1 of published articles, read by an independent
// parser (Debian's python3-feedparser) and checked against the validators' rules.
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { XMLValidator } from 'fast-xml-parser';
import { startApp, stopApp, type App } from '../helpers/strapi';
import request from 'supertest';
import { api, BROWSER } from '../helpers/http';
import { startServerProcess } from '../helpers/process';
import { listen } from '../helpers/listen';
import { feedparserAvailable, parseFeed } from '../helpers/feedparser';

let app: App;
let base: string; // one listening address: a feed's self link carries it
let sampleId: string;

const HOSTILE_TITLE = 'Evil ]]> <script>alert(1)</script> & "q" \u0001\u0007 🎉 “”‘’《》【】、。，！？：；…——（）·';
const CLEAN_TITLE = HOSTILE_TITLE.replace(/[\u0001\u0007]/g, '');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const articles = () => app.documents('api::article.article');
/**
 * The 发布时间 of an article meant to lead the feed: now (ties go to the newest id). A date
 * ahead would not be shown before it comes (guard-public-reads.ts, the feed's query).
 */
const newest = () => new Date().toISOString();

beforeAll(async () => {
  app = await startApp({ PUBLIC_SITE_URL: 'https://www.example.gov.cn', FEED_MAX_AGE_S: '120' });
  base = await listen(app);
  sampleId = (await articles().findFirst({ filters: { slug: 'gan-en-fen-jin-shi-gan-zheng-xian' } }))!.documentId;
});
afterAll(async () => {
  await stopApp(app);
});

const get = (url: string, headers: Record<string, string> = {}) => {
  const req = request(base)
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
  for (const [name, value] of Object.entries(headers)) req.set(name, value);
  return req;
};

describe('formats', () => {
  test.each([
    ['/api/feeds/articles.rss', 'application/rss+xml; charset=utf-8', 'rss20'],
    ['/api/feeds/articles.atom', 'application/atom+xml; charset=utf-8', 'atom10'],
  ])('%s is well-formed, typed, cached and parses with the sample article', async (url, type, version) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(res.headers['last-modified']).toBeTruthy();
    expect(res.headers['cache-control']).toBe('public, max-age=120');
    expect(XMLValidator.validate(res.body)).toBe(true);
    if (!feedparserAvailable) return;
    const parsed = parseFeed(res.body);
    expect(parsed.bozo).toBe(false);
    expect(parsed.version).toBe(version);
    expect(parsed.feed.title).toBe('浙江省机关事务管理局');
    expect(parsed.links.find((link) => link.rel === 'self')?.href).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+${url.replace('.', '\\.')}$`)
    );
    const item = parsed.entries.find((entry) => entry.title === '感恩奋进 实干争先——全省机关事务工作会议侧记')!;
    expect(item).toBeDefined();
    expect(item.link).toBe('https://www.example.gov.cn/articles/gan-en-fen-jin-shi-gan-zheng-xian');
    expect(item.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(item.published_parsed).toEqual([2022, 9, 23, 12, 40, 0]);
    expect(item.author).toBe('浙江省机关事务管理局 办公室');
    expect(item.tags).toContain(version === 'atom10' ? 'shang-ji-gong-zuo-dong-tai' : '上级工作动态');
    expect(item.content.join('')).toContain('<h2>殷殷嘱托 激励奋进</h2>');
    expect(item.summary).toContain('80个先进集体');
  });

  test('RSS uses RFC 822 dates, a self link and a permanent guid', async () => {
    const { body } = await get('/api/feeds/articles.rss');
    expect(body).toContain('<pubDate>Fri, 23 Sep 2022 12:40:00 GMT</pubDate>');
    expect(body).toMatch(/<atom:link href="http:\/\/127\.0\.0\.1:\d+\/api\/feeds\/articles\.rss" rel="self" type="application\/rss\+xml"/);
    expect(body).toMatch(/<guid isPermaLink="false">urn:uuid:/);
    expect(body).toContain('<language>zh-cn</language>');
  });

  test('JSON Feed 1.1 has the required fields and RFC 3339 dates', async () => {
    const res = await get('/api/feeds/articles.json');
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = JSON.parse(res.body);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('浙江省机关事务管理局');
    expect(feed.home_page_url).toBe('https://www.example.gov.cn/');
    expect(feed.feed_url).toMatch(/\/api\/feeds\/articles\.json$/);
    expect(feed.language).toBe('zh-Hans');
    const ids = feed.items.map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(item.content_html ?? item.content_text).toBeDefined();
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(new URL(item.url).protocol).toBe('https:');
    }
  });
});

describe('what a feed includes', () => {
  test('drafts and other locales never appear; English has its own feed', async () => {
    await articles().create({ locale: 'zh-Hans', data: { title: '草稿不进订阅 DRAFTONLY' } });
    await articles().update({ documentId: sampleId, locale: 'zh-Hans', data: { summary: 'PENDINGEDIT' } });
    for (const format of ['rss', 'atom', 'json']) {
      const { body } = await get(`/api/feeds/articles.${format}`);
      expect(body).not.toContain('DRAFTONLY');
      expect(body).not.toContain('PENDINGEDIT');
      expect(body).not.toContain('Gratitude and Drive');
    }
    const en = JSON.parse((await get('/api/feeds/articles.json?locale=en')).body);
    expect(en.language).toBe('en');
    expect(en.title).toBe('Zhejiang Provincial Government Offices Administration');
    expect(en.items.map((item: { title: string }) => item.title)).toEqual([
      'Gratitude and Drive, Hard Work to Lead the Way——Notes from the Provincial Conference on Government Offices Administration',
    ]);
    expect(en.items[0].url).toBe('https://www.example.gov.cn/articles/gan-en-fen-jin-shi-gan-zheng-xian?locale=en');
  });

  test('a channel feed includes its sub-channels, newest publishDate first, and honours limit', async () => {
    const [work] = await app.documents('api::channel.channel').findMany({ filters: { slug: 'gong-zuo-dong-tai' } });
    const newer = await articles().create({
      locale: 'zh-Hans',
      data: { title: '较新稿件', channel: work.documentId, publishDate: '2023-01-01T00:00:00.000Z' },
      status: 'published',
    });
    const feed = JSON.parse((await get('/api/channels/gong-zuo-dong-tai/feed.json')).body);
    expect(feed.title).toBe('浙江省机关事务管理局 - 工作动态');
    expect(feed.items.map((item: { title: string }) => item.title)).toEqual(['较新稿件', '感恩奋进 实干争先——全省机关事务工作会议侧记']);
    const upper = JSON.parse((await get('/api/channels/shang-ji-gong-zuo-dong-tai/feed.json')).body);
    expect(upper.items).toHaveLength(1);
    const limited = JSON.parse((await get('/api/channels/gong-zuo-dong-tai/feed.json?limit=1')).body);
    expect(limited.items.map((item: { title: string }) => item.title)).toEqual(['较新稿件']);
    await articles().delete({ documentId: newer.documentId });
  });

  test('hostile text round-trips and the HTML is safe', async () => {
    const hostile = await articles().create({
      locale: 'zh-Hans',
      status: 'published',
      data: {
        title: HOSTILE_TITLE,
        summary: 'a ]]> b <img src=x onerror=alert(1)> & c',
        publishDate: newest(),
        body: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: '<script>alert("x")</script> ]]> & 🎉' },
              { type: 'link', url: '/relative/page', children: [{ type: 'text', text: 'relative' }] },
            ],
          },
        ] as never,
      },
    });
    for (const format of ['rss', 'atom']) {
      const { body } = await get(`/api/feeds/articles.${format}`);
      expect(XMLValidator.validate(body)).toBe(true);
      expect(body).not.toMatch(/[\u0001\u0007]/);
      expect(body).not.toContain('<script>');
      if (!feedparserAvailable) continue;
      const parsed = parseFeed(body);
      expect(parsed.bozo).toBe(false);
      const item = parsed.entries[0];
      expect(item.title).toBe(CLEAN_TITLE);
      const html = item.content.join('');
      expect(html).not.toMatch(/<script|onerror|javascript:/i);
      expect(html).toContain('href="https://www.example.gov.cn/relative/page"');
    }
    const json = JSON.parse((await get('/api/feeds/articles.json')).body);
    expect(json.items[0].title).toBe(CLEAN_TITLE);
    expect(json.items[0].summary).toBe('a ]]> b <img src=x onerror=alert(1)> & c'); // plain text, escaped by JSON
    expect(json.items[0].content_html).not.toMatch(/<script|onerror|javascript:/i);
    expect(json.items[0].content_html).toContain('&lt;script&gt;');
    await articles().delete({ documentId: hostile.documentId });
  });

  test('the cover is an enclosure / image with an absolute URL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cover-'));
    const file = path.join(dir, 'cover.png');
    fs.writeFileSync(file, PNG);
    const [upload] = await app
      .plugin('upload')
      .service('upload')
      .upload({
        data: {},
        files: { filepath: file, originalFilename: 'cover.png', mimetype: 'image/png', size: PNG.length },
      });
    const article = await articles().create({
      locale: 'zh-Hans',
      status: 'published',
      data: { title: '有封面', cover: upload.id, publishDate: newest() },
    });
    const json = JSON.parse((await get('/api/feeds/articles.json')).body);
    expect(json.items[0].image).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/uploads\/cover_[a-z0-9]+\.png$/);
    const rss = (await get('/api/feeds/articles.rss')).body;
    expect(rss).toMatch(/<enclosure url="http:\/\/127\.0\.0\.1:\d+\/uploads\/cover_[a-z0-9]+\.png" length="\d+" type="image\/png"/);
    await articles().delete({ documentId: article.documentId });
  });
});

describe('caching', () => {
  test('304 on If-None-Match and on If-Modified-Since', async () => {
    const first = await get('/api/feeds/articles.rss');
    const byEtag = await get('/api/feeds/articles.rss', { 'If-None-Match': first.headers.etag });
    expect(byEtag.status).toBe(304);
    expect(byEtag.body).toBe('');
    const weak = await get('/api/feeds/articles.rss', { 'If-None-Match': `"other", W/${first.headers.etag}` });
    expect(weak.status).toBe(304);
    const byDate = await get('/api/feeds/articles.rss', { 'If-Modified-Since': first.headers['last-modified'] });
    expect(byDate.status).toBe(304);
    const stale = await get('/api/feeds/articles.rss', { 'If-None-Match': '"stale"', 'If-Modified-Since': first.headers['last-modified'] });
    expect(stale.status).toBe(200);
    const older = await get('/api/feeds/articles.rss', { 'If-Modified-Since': 'Thu, 01 Jan 2015 00:00:00 GMT' });
    expect(older.status).toBe(200);
  });

  test('a draft save changes nothing; publishing a new article changes the ETag and shows up; re-publishing keeps ids', async () => {
    const before = await get('/api/feeds/articles.json');
    const idsBefore = JSON.parse(before.body).items.map((item: { id: string }) => item.id);
    await articles().update({ documentId: sampleId, locale: 'zh-Hans', data: { title: '只是草稿修改' } });
    const afterDraft = await get('/api/feeds/articles.json');
    expect(afterDraft.headers.etag).toBe(before.headers.etag);

    await articles().publish({ documentId: sampleId, locale: 'zh-Hans' });
    const republished = await get('/api/feeds/articles.json');
    expect(republished.headers.etag).not.toBe(before.headers.etag);
    const items = JSON.parse(republished.body).items;
    expect(items.map((item: { id: string }) => item.id)).toEqual(idsBefore);
    expect(items[0].title).toContain('只是草稿修改');

    const fresh = await articles().create({
      locale: 'zh-Hans',
      data: { title: '新发布', publishDate: newest() },
      status: 'published',
    });
    const withNew = await get('/api/feeds/articles.json');
    expect(withNew.headers.etag).not.toBe(republished.headers.etag);
    expect(JSON.parse(withNew.body).items[0].title).toBe('新发布');
    await articles().unpublish({ documentId: fresh.documentId });
    expect(JSON.parse((await get('/api/feeds/articles.json')).body).items[0].title).not.toBe('新发布');
  });
});

describe('errors and discovery', () => {
  test.each([
    ['/api/channels/no-such-channel/feed.rss', 404],
    ['/api/feeds/articles.rss?locale=xx', 400],
    ['/api/feeds/articles.rss?locale[$ne]=en', 400],
    ['/api/feeds/articles.atom?limit=0', 400],
    ['/api/feeds/articles.json?limit=101', 400],
    ['/api/feeds/articles.json?limit=abc', 400],
  ])('%s answers %i in Strapi error shape', async (url, status) => {
    const res = await api(app).get(url);
    expect(res.status).toBe(status);
    expect(res.body.error.status).toBe(status);
  });

  test('article and channel responses carry their feed URLs', async () => {
    const article = await api(app).get(`/api/articles/${sampleId}?locale=en`);
    expect(article.body.data.feeds.rss).toMatch(/\/api\/channels\/shang-ji-gong-zuo-dong-tai\/feed\.rss\?locale=en$/);
    const channel = await api(app).get('/api/channels?filters[slug][$eq]=gong-zuo-dong-tai');
    expect(channel.body.data[0].feeds).toEqual({
      rss: expect.stringMatching(/\/api\/channels\/gong-zuo-dong-tai\/feed\.rss$/),
      atom: expect.stringMatching(/\/api\/channels\/gong-zuo-dong-tai\/feed\.atom$/),
      json: expect.stringMatching(/\/api\/channels\/gong-zuo-dong-tai\/feed\.json$/),
    });
  });
});

describe('absolute links come from configuration, never from the request (#27, finding 12)', () => {
  const FORGED = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' };
  /** A GET with exactly these headers (Host included), over node:http. */
  const rawGet = (origin: string, path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { hostname, port } = new URL(origin);
      const req = http.get({ hostname, port, path, headers: { 'User-Agent': BROWSER, ...headers } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
  /** The specifications a feed names (XML namespaces, RSS docs, JSON Feed's version): not links of this site. */
  const SPECS = new Set(['http://purl.org', 'http://www.w3.org', 'https://www.rssboard.org', 'https://jsonfeed.org']);
  /** The origins of every absolute URL in a body (XML or JSON), but the specifications'. */
  const originsIn = (body: string) =>
    new Set([...body.matchAll(/https?:\/\/[^/"<>\s\\]+/g)].map((match) => match[0]).filter((origin) => !SPECS.has(origin)));
  const FEEDS = [
    '/api/feeds/articles.rss',
    '/api/feeds/articles.atom',
    '/api/feeds/articles.json',
    '/api/channels/gong-zuo-dong-tai/feed.atom',
  ];
  /** The self link of a feed of any format. */
  const selfLink = (body: string) =>
    body.startsWith('{')
      ? (JSON.parse(body) as { feed_url: string }).feed_url
      : /href="([^"]+)"/.exec(/<(?:atom:)?link [^>]*rel="self"[^>]*>/.exec(body)?.[0] ?? '')?.[1];

  test('without PUBLIC_URL (development, tests): the address the server listens on, whatever Host the client sends', async () => {
    // Twice each: rendered (and kept) for the forged request, then from the caches.
    for (let round = 0; round < 2; round += 1) {
      for (const path of FEEDS) {
        const res = await rawGet(base, `${path}?limit=7`, FORGED);
        expect(res.status).toBe(200);
        expect(selfLink(res.body)).toBe(`${base}${path}?limit=7`);
        expect(originsIn(res.body)).toEqual(new Set([base, 'https://www.example.gov.cn']));
      }
      for (const path of [
        `/api/articles/by-slug/gan-en-fen-jin-shi-gan-zheng-xian`,
        '/api/articles?pagination[pageSize]=3',
        '/api/channels',
      ]) {
        const res = await rawGet(base, path, FORGED);
        expect(res.status).toBe(200);
        expect(res.body).not.toContain('evil.example');
        expect(res.body).toContain(`"rss":"${base}/api/`);
      }
    }
    const article = JSON.parse((await rawGet(base, '/api/articles/by-slug/gan-en-fen-jin-shi-gan-zheng-xian', FORGED)).body);
    expect(article.data.feeds).toEqual({
      rss: `${base}/api/channels/shang-ji-gong-zuo-dong-tai/feed.rss`,
      atom: `${base}/api/channels/shang-ji-gong-zuo-dong-tai/feed.atom`,
      json: `${base}/api/channels/shang-ji-gong-zuo-dong-tai/feed.json`,
    });
  });

  test('in production: PUBLIC_URL, even behind a trusted proxy that passes X-Forwarded-Host on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'public-url-'));
    const server = await startServerProcess({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://cms.example.gov.cn/',
      IS_PROXIED: 'true',
      PUBLIC_SITE_URL: 'https://www.example.gov.cn',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(dir, 'data.db'),
      SEED_DEMO: 'true',
    });
    try {
      const cms = 'https://cms.example.gov.cn';
      for (const feed of FEEDS) {
        for (let round = 0; round < 2; round += 1) {
          const res = await rawGet(server.url, feed, FORGED);
          expect(res.status).toBe(200);
          expect(selfLink(res.body)).toBe(`${cms}${feed}`);
          expect(originsIn(res.body)).toEqual(new Set([cms, 'https://www.example.gov.cn']));
        }
      }
      const list = await rawGet(server.url, '/api/articles', FORGED);
      expect(list.status).toBe(200);
      const { documentId } = JSON.parse(list.body).data[0];
      for (const path of ['/api/articles', `/api/articles/${documentId}`, '/api/channels']) {
        const res = await rawGet(server.url, path, FORGED);
        expect(res.body).not.toContain('evil.example');
        expect(res.body).toContain(`"rss":"${cms}/api/`);
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
