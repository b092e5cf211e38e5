// An attacker's pass over every public route, on SQLite and (npm run test:postgres) on
// PostgreSQL: requests with an unbounded cost are refused at once with a 400 that says
// why, nothing reads past the public surface, and no input gets a 500, SQL or a stack
// trace. The server still answers afterwards.
import crypto from 'crypto';
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, BROWSER, graphql } from '../helpers/http';
import { adminToken } from '../helpers/admin';

let app: App;
let token: string;
let articleId: string;
const DRAFT_SECRET = 'LEAKED-DRAFT-SUMMARY';

const env = { IS_PROXIED: 'true', PROXY_TRUSTED_HOPS: '1', CLICK_MAX_PER_ADDRESS: '5' };

beforeAll(async () => {
  app = await startApp(env);
  token = await adminToken(app, 'security@example.gov.cn');
  const [article] = await app.documents('api::article.article').findMany({ status: 'published', locale: 'zh-Hans', limit: 1 });
  articleId = article.documentId;
  // A pending (unpublished) edit of the Chinese version; the English one is published.
  await app.documents('api::article.article').update({ documentId: articleId, locale: 'zh-Hans', data: { summary: DRAFT_SECRET } });
});
afterAll(async () => {
  await stopApp(app);
  for (const name of Object.keys(env)) delete process.env[name];
});

/** No internals in an answer: SQL, driver names, stack frames. */
const INTERNALS = /select\s.+\sfrom|sqlite|knex|postgres|syntax error at|\bat \S+ \(\/|node_modules|invalid byte sequence/i;

const expectClean4xx = (res: { status: number; body: unknown; text?: string }, status = 400) => {
  expect([res.status, JSON.stringify(res.body)]).toEqual([status, expect.not.stringMatching(INTERNALS)]);
};

const stillServing = async () => {
  const res = await api(app).get('/api/channels?fields[0]=name');
  expect(res.status).toBe(200);
};

describe('requests with an unbounded cost are refused at once', () => {
  test('GraphQL: the nested query that exhausted the heap answers 400 in well under a second', async () => {
    const started = Date.now();
    const res = await graphql(
      app,
      '{ articles { quotes { article { quotes { article { quotes { article { quotes { article { title } } } } } } } } } }'
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expectClean4xx(res);
    expect(res.body.errors[0].message).toMatch(/cost|depth/i);
    await stillServing();
  });

  test('GraphQL: three nested levels (7.8 s and 774 MB before) are over the cost limit too', async () => {
    const res = await graphql(app, '{ articles { quotes { article { quotes { article { title } } } } } }');
    expectClean4xx(res);
    expect(res.body.errors[0].message).toMatch(/Query cost \d+ is over the limit/);
  });

  test('GraphQL: 1,000 aliases answer 400', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: articles { title }`).join(' ')} }`;
    const res = await graphql(app, query);
    expectClean4xx(res);
    expect(res.body.errors[0].message).toMatch(/alias/i);
  });

  test('GraphQL: variables of the wrong type or missing answer 400, not 500', async () => {
    for (const variables of [{ q: 123 }, {}, { q: '会议', size: 1.5 }]) {
      const res = await graphql(
        app,
        'query($q: String!, $size: Int) { search(q: $q, pageSize: $size) { meta { pagination { total } } } }',
        variables
      );
      expectClean4xx(res);
    }
  });

  test('GraphQL: a search costs like a page of a list, so many aliases of it are refused', async () => {
    const query = `{ ${Array.from({ length: 5 }, (_, i) => `s${i}: search(q: "会议", pageSize: 50) { data { title } }`).join(' ')} }`;
    const res = await graphql(app, query);
    expectClean4xx(res);
    expect(res.body.errors[0].message).toMatch(/Query cost \d+ is over the limit/);
  });

  test('GraphQL: a fragment cycle answers 400', async () => {
    const res = await graphql(app, 'query { articles { ...A } } fragment A on Article { title ...B } fragment B on Article { ...A }');
    expectClean4xx(res);
  });

  test('GraphQL: nested relation filters past a to-many relation answer 400, at the root and in a nested list', async () => {
    const root = await graphql(
      app,
      '{ articles(filters: { quotes: { article: { quotes: { article: { title: { eq: "x" } } } } } }) { title } }'
    );
    expectClean4xx(root);
    expect(root.body.errors[0].message).toMatch(/after a to-many relation/);
    const nested = await graphql(
      app,
      'query($f: SpeakerQuoteFiltersInput) { articles(pagination: { limit: 2 }) { quotes(filters: $f) { text } } }',
      {
        f: { article: { quotes: { article: { title: { eq: 'x' } } } } },
      }
    );
    expectClean4xx(nested);
  });

  test('GraphQL: an ordinary front-end query is within the limits', async () => {
    const res = await graphql(
      app,
      '{ articles(pagination: { limit: 10 }, filters: { channel: { slug: { eq: "shang-ji-gong-zuo-dong-tai" } } }) { documentId title breadcrumb { name } channel { name } quotes { text speakerName commendedIndividual { name } } } }'
    );
    expect([res.status, res.body.errors]).toEqual([200, undefined]);
    expect(res.body.data.articles[0].quotes.length).toBeGreaterThan(0);
  });

  test.each([
    ['six-level nested filter', `filters${'[quotes][article]'.repeat(3)}[title][$eq]=x`],
    ['three-level populate', 'populate[quotes][populate][article][populate][quotes]=true'],
    ['populate path three levels deep', 'populate[0]=quotes.article.quotes'],
    ['too many $in values', `filters[id][$in]=${Array.from({ length: 150 }, (_, i) => i).join('&filters[id][$in]=')}`],
    ['a page of 1,000', 'pagination[pageSize]=1000'],
    ['a relation past a to-many one', 'filters[quotes][article][title][$eq]=x'],
    ['back into the archive through a channel’s articles', 'filters[channel][articles][title][$eq]=x'],
    ['a page of 26 whole articles (the default populate)', 'pagination[pageSize]=26'],
  ])('REST: %s answers 400 at once', async (_name, query) => {
    const started = Date.now();
    const res = await api(app).get(`/api/articles?${query}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expectClean4xx(res);
    expect(res.body.error.name).toBe('ValidationError');
  });

  test.each([
    ['a channel filter', 'filters[channel][slug][$eq]=shang-ji-gong-zuo-dong-tai'],
    ['the channel tree', 'filters[channel][parent][slug][$eq]=gong-zuo-dong-tai'],
    ['two levels of populate', 'populate[quotes][populate][commendedIndividual][fields][0]=name'],
    ['sort and fields', 'sort[0]=publishDate:desc&fields[0]=title&fields[1]=slug'],
    ['sort on a relation field', 'sort=channel.name:asc'],
    ['$or of two titles', 'filters[$or][0][title][$containsi]=感恩&filters[$or][1][title][$containsi]=test'],
    ['a date range', 'filters[publishDate][$gte]=2022-01-01&filters[publishDate][$lt]=2023-01-01'],
    ['pagination', 'pagination[page]=1&pagination[pageSize]=10&pagination[withCount]=false'],
    ['a quote speaker', 'filters[quotes][speakerName][$eq]=与会代表'],
    ['a page of 100 with chosen fields', 'pagination[pageSize]=100&fields[0]=title&populate[channel][fields][0]=name'],
    ['a page of 25 whole articles', 'pagination[pageSize]=25'],
  ])('REST: %s still works', async (_name, query) => {
    const res = await api(app).get(`/api/articles?${query}`);
    expect([res.status, res.body.error]).toEqual([200, undefined]);
    expect(res.body.data.length).toBeGreaterThan(0);
  });
});

describe('nothing reads past the public surface', () => {
  test('REST: filtering or populating through localizations is refused (it reached other locales’ drafts)', async () => {
    for (const query of [
      `locale=en&filters[localizations][summary][$startsWith]=${DRAFT_SECRET.slice(0, 6)}`,
      'locale=en&populate=localizations',
      'locale=en&populate[localizations][fields][0]=summary',
      'locale=en&sort=localizations.summary',
    ]) {
      const res = await api(app).get(`/api/articles?${query}`);
      expectClean4xx(res);
      expect(JSON.stringify(res.body)).not.toContain(DRAFT_SECRET);
    }
  });

  test('GraphQL: localizations is not in the public schema, as a field or a filter', async () => {
    const field = await graphql(app, '{ articles(locale: "en") { localizations { summary } } }');
    expect(field.status).toBe(400);
    const filter = await graphql(
      app,
      `
        {
          articles(locale: "en", filters: { localizations: { summary: { startsWith: "LEAK" } } }) {
            title
          }
        }
      `
    );
    expect(filter.status).toBe(400);
    expect(JSON.stringify([field.body, filter.body])).not.toContain(DRAFT_SECRET);
  });

  test('GraphQL: registration, login and password mail are not available to the public', async () => {
    const register = await graphql(
      app,
      'mutation { register(input: { username: "x1", email: "x1@example.com", password: "Passw0rd!x" }) { jwt } }'
    );
    expect(register.body.data?.register ?? null).toBeNull();
    expect(register.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const forgot = await graphql(app, 'mutation { forgotPassword(email: "x1@example.com") { ok } }');
    expect(forgot.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const login = await graphql(app, 'mutation { login(input: { identifier: "x1", password: "Passw0rd!x" }) { jwt } }');
    expect(login.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await app.db.query('plugin::users-permissions.user').count()).toBe(0);
    const advanced = (await app.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' }).get({})) as {
      allow_register: boolean;
    };
    expect(advanced.allow_register).toBe(false);
  });

  test('CORS: the admin API answers no other origin; the public API allows any origin without credentials', async () => {
    const admin = await api(app).get('/admin/users/me').set('Origin', 'http://evil.example:8080').set('Authorization', `Bearer ${token}`);
    expect(admin.headers['access-control-allow-origin']).toBeUndefined();
    expect(admin.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await api(app)
      .options('/admin/access-token')
      .set('Origin', 'http://evil.example:8080')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const pub = await api(app).get('/api/channels').set('Origin', 'https://www.example.gov.cn');
    expect(pub.headers['access-control-allow-origin']).toBe('https://www.example.gov.cn');
    expect(pub.headers['access-control-allow-credentials']).toBeUndefined();
  });

  test('uploads cannot script the site: HTML and SVG are downloads under a sandbox, named as uploaded', async () => {
    const upload = async (name: string, type: string, body: string) => {
      const res = await api(app)
        .post('/upload')
        .set('Authorization', `Bearer ${token}`)
        .attach('files', Buffer.from(body), { filename: name, contentType: type });
      expect(res.status).toBe(201);
      return res.body[0].url as string;
    };
    const html = await upload('关于印发通知的附件.html', 'text/html', '<script src="/uploads/x.js"></script><p>hi</p>');
    const svg = await upload('标志.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const png = await upload(
      '照片.png',
      'image/png',
      Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b00000000049454e44ae426082',
        'hex'
      ).toString('binary')
    );
    for (const url of [html, svg]) {
      const res = await api(app).get(url);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''/);
      expect(res.headers['content-security-policy']).toContain('sandbox');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await api(app).get(html)).headers['content-disposition']).toContain(encodeURIComponent('关于印发通知的附件.html'));
    const image = await api(app).get(png);
    expect(image.headers['content-disposition']).toMatch(/^inline; /);
    // Stored names are content hashes: a year's caching, revalidation never needed.
    expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await api(app).get('/api/articles?fields[0]=title')).headers['cache-control']).not.toContain('immutable');
    expect(image.headers['content-disposition']).toContain(encodeURIComponent('照片.png'));
  });
});

describe('what a fresh attacker pass found, kept fixed', () => {
  test('the path’s case, a trailing slash or an encoded letter does not skip a guard', async () => {
    expectClean4xx(await api(app).get('/API/articles?populate[quotes][populate][article][populate][quotes]=true'));
    expectClean4xx(await api(app).get('/api/Articles?populate=localizations'));
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: channels { name }`).join(' ')} }`;
    for (const path of ['/GraphQL', '/graphql/']) {
      const res = await api(app).post(path).set('Content-Type', 'application/json').send({ query: aliases });
      expect([path, res.status]).toEqual([path, 400]);
    }
    const upload = await api(app)
      .post('/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', Buffer.from('<script>alert(1)</script>'), { filename: 'page.html', contentType: 'text/html' });
    const url = upload.body[0].url as string;
    for (const variant of [url.replace('/uploads/', '/%75ploads/'), url.replace('/uploads/', '/./uploads/')]) {
      const res = await api(app).get(variant);
      if (res.status === 200) {
        expect([variant, res.headers['content-disposition']]).toEqual([variant, expect.stringMatching(/^attachment/)]);
        expect(res.headers['content-security-policy']).toContain('sandbox');
      }
    }
  });

  test('populate=* and lists that grow with the archive are refused; a body parsed by strapi::body still reaches GraphQL', async () => {
    expectClean4xx(await api(app).get('/api/channels?populate=*'));
    expectClean4xx(await api(app).get('/api/channels?populate[articles]=true'));
    expectClean4xx(await api(app).get('/api/articles?populate[quotes][populate]=*'));
    const res = await api(app).post('/graphql?x=1').set('Content-Type', 'application/json').send({ query: '{ channels { name } }' });
    expect([res.status, res.body.errors]).toEqual([200, undefined]);
  });

  test('GraphQL answers only the configured origins (the global CORS), deeply nested variables are refused', async () => {
    const res = await api(app).post('/graphql').set('Origin', 'https://evil.example').send({ query: '{ channels { name } }' });
    expect(res.headers['access-control-allow-origin']).not.toBe('*');
    let deep: Record<string, unknown> = { title: { eq: 'x' } };
    for (let i = 0; i < 100; i += 1) deep = { and: [deep] };
    const nested = await graphql(app, 'query($f: ArticleFiltersInput) { articles(filters: $f) { title } }', { f: deep });
    expectClean4xx(nested);
  });

  test('a rebuild target’s secret cannot be read back through list filters or sorts', async () => {
    await app.db.query('api::rebuild.rebuild-target').create({
      data: {
        documentId: 'targettargettargettarget',
        name: 'x',
        url: 'https://example.gov.cn/hook',
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        enabled: false,
      },
    });
    for (const query of ['filters[$and][0][secret][$gte]=whsec_M', 'filters[url][$startsWith]=https', 'sort=secret:asc']) {
      const res = await api(app)
        .get(`/content-manager/collection-types/api::rebuild.rebuild-target?${query}`)
        .set('Authorization', `Bearer ${token}`);
      expect([query, res.status]).toEqual([query, 400]);
    }
  });
});

describe('clicks count people, not headers', () => {
  test('with IS_PROXIED, the client address is the one the trusted proxy appended, not what the client wrote', async () => {
    let counted = 0;
    for (let i = 0; i < 12; i += 1) {
      const res = await api(app)
        .post(`/api/articles/${articleId}/clicks`)
        .set('User-Agent', `${BROWSER} v${i}`)
        .set('X-Forwarded-For', `10.0.${i}.1, 198.51.100.7`);
      expect(res.status).toBe(202);
      if (res.body.data.counted) counted += 1;
    }
    // One real address, five counted views per article per window (CLICK_MAX_PER_ADDRESS=5).
    expect(counted).toBe(5);
  });

  test('varying the user agent from one address adds at most the per-address cap', async () => {
    let counted = 0;
    for (let i = 0; i < 12; i += 1) {
      const res = await api(app)
        .post(`/api/articles/${articleId}/clicks`)
        .set('User-Agent', `${BROWSER} ua${i}`)
        .set('X-Forwarded-For', '203.0.113.9');
      if (res.body.data.counted) counted += 1;
    }
    expect(counted).toBe(5);
    // Another address still counts.
    const other = await api(app)
      .post(`/api/articles/${articleId}/clicks`)
      .set('User-Agent', BROWSER)
      .set('X-Forwarded-For', '203.0.113.10');
    expect(other.body.data.counted).toBe(true);
  });
});

describe('bad input: a clear 4xx, never a 500 or internals', () => {
  test.each([
    '/api/articles/%00',
    '/api/channels/%00',
    '/api/articles?filters[slug][$eq]=%00',
    '/api/articles?filters[title][$containsi]=%00',
    '/api/articles/popular?locale=%00',
    '/api/articles/popular?period=constructor',
    '/api/articles/popular?period=toString',
    '/api/articles/popular?period=__proto__',
    '/api/articles?sort=.',
    '/api/articles?sort=title.',
    '/api/articles?sort=nosuchfield',
    '/api/articles?filters[$or]=x',
    '/api/articles?filters[legacyClickCount][$gt]=abc',
    '/api/articles?filters[publishDate][$gt]=notadate',
    '/api/articles?filters[nosuchfield][$eq]=1',
    '/api/articles?filters[title][$nosuchop]=1',
    '/api/articles?pagination[pageSize]=abc',
    '/api/articles?pagination[page]=-1',
    '/api/articles?fields[0]=channel',
  ])('%s answers 400', async (url) => {
    const res = await api(app).get(url);
    expectClean4xx(res);
    expect(res.body.error).toMatchObject({ status: 400, name: expect.any(String), message: expect.any(String) });
  });

  test('GraphQL: a NUL in an argument or a variable answers 400 without SQL', async () => {
    const literal = await graphql(app, '{ article(documentId: "\\u0000") { title } }');
    expectClean4xx(literal);
    const variable = await graphql(app, 'query($id: ID!) { article(documentId: $id) { title } }', { id: 'a\u0000b' });
    expectClean4xx(variable);
  });

  test('slugs are lowercase words and hyphens, whatever the path', async () => {
    for (const slug of ['javascript:alert(1)', '../../admin', 'a" onmouseover="x', 'with space', 'UPPER']) {
      const res = await api(app)
        .post('/content-manager/collection-types/api::article.article?locale=zh-Hans')
        .set('Authorization', `Bearer ${token}`)
        .send({ title: '坏别名', slug });
      expect([slug, res.status]).toEqual([slug, 400]);
      expect(res.body.error.message).toMatch(/小写字母/);
    }
    await expect(app.documents('api::channel.channel').create({ locale: 'zh-Hans', data: { name: 'x', slug: '../x' } })).rejects.toThrow(
      /slug/i
    );
  });

  test('the RSS description carries a summary as text, never as markup', async () => {
    const article = await app.documents('api::article.article').create({
      locale: 'zh-Hans',
      status: 'published',
      data: { title: '摘要转义', summary: '<img src=x onerror=alert(1)> & 1 < 2' },
    });
    const rss = (await api(app).get('/api/feeds/articles.rss')).text;
    expect(rss).toContain('<description>&amp;lt;img src=x onerror=alert(1)&amp;gt; &amp;amp; 1 &amp;lt; 2</description>');
    await app.documents('api::article.article').delete({ documentId: article.documentId, locale: '*' });
  });

  test('an oversized header answers 431 and an oversized body 413', async () => {
    const header = await new Promise<number>((resolve) => {
      const http = require('http') as typeof import('http');
      const { port } = app.server.httpServer.address() as { port: number };
      const req = http.request({ host: '127.0.0.1', port, path: '/api/articles', headers: { 'X-Big': 'x'.repeat(64 * 1024) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(431));
      req.end();
    });
    expect(header).toBe(431);
    const body = await api(app)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send(`{"query":"${'x'.repeat(2 * 1024 * 1024)}"}`);
    expect(body.status).toBe(413);
  });

  const HOSTILE = [
    "'",
    '"',
    '%27%22',
    '..%2F..%2Fetc%2Fpasswd',
    '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    'x'.repeat(5000),
    '__proto__',
    'constructor',
    '%F0%9F%98%80',
    '%E2%80%AE',
    '%C0%AF',
    '-1',
    '1e309',
    '[]',
    '{}',
  ];
  const ROUTES = (value: string) => [
    `/api/articles/${value}`,
    `/api/articles?locale=${value}`,
    `/api/articles?filters[title][$eq]=${value}`,
    `/api/articles?sort=${value}`,
    `/api/articles?populate=${value}`,
    `/api/articles?fields=${value}`,
    `/api/articles?pagination[page]=${value}`,
    `/api/channels/${value}`,
    `/api/speaker-quotes?filters[speakerName][$containsi]=${value}`,
    `/api/commendations/${value}`,
    `/api/commended-units?filters[city][$eq]=${value}`,
    `/api/commended-individuals/${value}`,
    `/api/articles/popular?period=${value}`,
    `/api/articles/popular?channel=${value}`,
    `/api/articles/popular?limit=${value}`,
    `/api/articles/${value}/clicks`,
    `/api/feeds/articles.rss?channel=${value}`,
    `/api/feeds/articles.atom?locale=${value}`,
    `/api/feeds/articles.json?limit=${value}`,
    `/articles/${value}`,
    `/channels/${value}`,
  ];

  test('every public route answers every hostile value without a 500 or internals', async () => {
    const failures: string[] = [];
    for (const value of HOSTILE) {
      for (const url of ROUTES(value)) {
        const res = await api(app).get(url).set('User-Agent', BROWSER);
        if (res.status >= 500 || INTERNALS.test(res.text ?? '')) failures.push(`${res.status} ${url.slice(0, 120)}`);
      }
      const click = await api(app).post(`/api/articles/${value}/clicks`).set('User-Agent', BROWSER);
      if (click.status >= 500) failures.push(`${click.status} POST clicks ${value.slice(0, 40)}`);
      const gql = await graphql(app, 'query($v: String) { articles(filters: { title: { eq: $v } }, sort: [$v]) { title } }', { v: value });
      if (gql.status >= 500 || INTERNALS.test(JSON.stringify(gql.body))) failures.push(`${gql.status} GraphQL ${value.slice(0, 40)}`);
    }
    expect(failures).toEqual([]);
    await stillServing();
  });
});

describe('GraphQL’s envelope: a malformed request is GraphQL’s own 400, never a 500', () => {
  const QUERY = '{ channels { name } }';
  const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
  type Envelope = { query?: string; operationName?: unknown; variables?: unknown; extensions?: unknown };

  /** The same operation by POST (JSON body) and by GET (query string, JSON-encoded objects). */
  const send = (method: 'POST' | 'GET', envelope: Envelope) => {
    if (method === 'POST')
      return api(app).post('/graphql').set('User-Agent', BROWSER).set('Content-Type', 'application/json').send(envelope);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(envelope)) {
      if (Array.isArray(value) && key === 'operationName') value.forEach((item) => params.append(key, String(item)));
      else params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
    return api(app).get(`/graphql?${params}`).set('User-Agent', BROWSER);
  };

  const CASES: Array<[string, Envelope, RegExp]> = [
    ['an operationName the document does not hold', { query: QUERY, operationName: 'Nope' }, /Unknown operation named "Nope"/],
    [
      'two operations and no operationName',
      { query: 'query A { channels { name } } query B { channels { slug } }' },
      /Must provide operation name/,
    ],
    [
      'a persisted query whose hash does not match',
      { query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } },
      /sha does not match/,
    ],
    [
      'a persisted query of another version',
      { query: QUERY, extensions: { persistedQuery: { version: 2, sha256Hash: sha(QUERY) } } },
      /persistedQuery must be/,
    ],
    ['a persisted query without its hash', { extensions: { persistedQuery: { version: 1 } } }, /persistedQuery must be/],
    ['a persisted query that is not an object', { query: QUERY, extensions: { persistedQuery: 'yes' } }, /persistedQuery must be/],
    ['extensions that are not an object', { query: QUERY, extensions: [1, 2] }, /extensions must be a JSON object/],
  ];

  test.each(
    (['POST', 'GET'] as const).flatMap((method) => CASES.map(([what, envelope, message]) => [method, what, envelope, message] as const))
  )('%s, %s: 400 with a message that says what is wrong', async (method, _what, envelope, message) => {
    const res = await send(method, envelope);
    expectClean4xx(res);
    expect(res.body.errors[0].message).toMatch(message);
    expect(res.body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  test('an operationName that is not a string: 400 by POST (a number) and by GET (given twice)', async () => {
    const post = await send('POST', { query: QUERY, operationName: 5 });
    const get = await send('GET', { query: QUERY, operationName: ['a', 'b'] });
    for (const res of [post, get]) {
      expectClean4xx(res);
      expect(res.body.errors[0].message).toBe('operationName must be a string');
    }
    const extensions = await send('POST', { query: QUERY, extensions: 'x' });
    expectClean4xx(extensions);
    expect(extensions.body.errors[0].message).toMatch(/extensions must be a JSON object/);
  });

  test('a body that is JSON but not an object is a 400', async () => {
    const res = await api(app).post('/graphql').set('Content-Type', 'application/json').send('"{ channels { name } }"');
    expectClean4xx(res);
  });

  test('a well-formed persisted query still works: sent with its query, then by its hash alone, by GET', async () => {
    const query = '{ channels(pagination: { limit: 3 }) { name } }';
    const persistedQuery = { version: 1, sha256Hash: sha(query) };
    const first = await send('POST', { query, extensions: { persistedQuery } });
    expect(first.status).toBe(200);
    const again = await send('GET', { extensions: { persistedQuery } });
    expect(again.status).toBe(200);
    expect(again.body.data.channels).toEqual(first.body.data.channels);
    // An unknown hash is the protocol's "send the query", not an error of the server.
    const unknown = await send('GET', { extensions: { persistedQuery: { version: 1, sha256Hash: sha('{ nothing }') } } });
    expect(unknown.status).toBeLessThan(500);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    await stillServing();
  });
});
