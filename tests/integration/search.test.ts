// 站内搜索 against the real app and database (SQLite here, PostgreSQL in CI): relevance
// on articles written for it, two-character and inner-word queries, drafts never found,
// the index following publish and unpublish in the admin panel, channel subtrees,
// locales, dates, snippets, GraphQL, and bad queries answered with a 400.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, graphql } from '../helpers/http';
import { adminToken } from '../helpers/admin';

const CM = '/content-manager/collection-types';
const ARTICLE = 'api::article.article';
const INTERNALS = /SQL|sqlite|postgres|stack|at \w+ \(|fts5|tsquery|syntax error/i;

let app: App;
let token: string;
const ids: Record<string, string> = {};

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

const channelId = async (slug: string) =>
  ((await app.db.query('api::channel.channel').findOne({ where: { slug, locale: 'zh-Hans' } })) as { documentId: string }).documentId;

const publish = async (key: string, data: { title: string } & Record<string, unknown>, locale = 'zh-Hans') => {
  const doc = await app.documents(ARTICLE).create({ locale, data, status: 'published' });
  ids[key] = doc.documentId;
  return doc.documentId;
};

const search = (query: string) => api(app).get(`/api/search?${query}`);
const q = (words: string, extra = '') => search(`q=${encodeURIComponent(words)}${extra}`);
const found = async (words: string, extra = '') => {
  const res = await q(words, extra);
  expect([res.status, res.body.error]).toEqual([200, undefined]);
  return res.body as {
    data: Array<{ documentId: string; snippet: string; title: string; channel: { slug: string } | null }>;
    meta: { pagination: { total: number; page: number; pageSize: number; pageCount: number } };
  };
};

beforeAll(async () => {
  app = await startApp();
  token = await adminToken(app, 'search-editor@example.gov.cn');
  const child = await channelId('shang-ji-gong-zuo-dong-tai');
  await publish('meeting', {
    title: '全省机关事务工作会议在杭州召开',
    summary: '会议总结工作，部署任务。',
    body: [paragraph('会议指出，要把会议精神落到实处。会议要求各地抓好落实。')],
    publishDate: '2024-03-01T02:00:00.000Z',
    channel: { connect: [{ documentId: child, locale: 'zh-Hans' }] },
  });
  await publish('canteen', {
    title: '食堂管理经验交流',
    summary: '各单位交流食堂管理做法。',
    body: [paragraph('机关事务管理局介绍了食堂管理制度和节约粮食的做法。')],
    publishDate: '2024-02-01T02:00:00.000Z',
  });
  await publish('cars', {
    title: '公务用车制度改革稳步推进',
    summary: '公务用车平台建设情况。',
    body: [paragraph(`${'平台运行平稳，车辆调度高效。'.repeat(30)}在年度会议上作了介绍。`)],
    publishDate: '2024-01-01T02:00:00.000Z',
  });
  await publish('energy', {
    title: '节能宣传周启动',
    summary: '开展节能宣传活动。',
    body: [paragraph('机关事务管理局开展节能宣传，倡导绿色办公。<script>alert(1)</script>')],
    publishDate: '2023-06-01T02:00:00.000Z',
  });
  // A draft that must never be found, and a published article with an unpublished edit.
  ids.draft = (
    await app.documents(ARTICLE).create({ locale: 'zh-Hans', data: { title: '草稿绝密标题', summary: '绝密草稿内容' } })
  ).documentId;
  await app.documents(ARTICLE).update({ documentId: ids.canteen, locale: 'zh-Hans', data: { summary: '未发布的修改稿机密' } });
});
afterAll(() => stopApp(app));

describe('relevance', () => {
  test.each([
    ['a two-character word: the title match first', '会议', 'meeting'],
    ['a word inside a longer one (管理 in 管理局): the title match first', '管理', 'canteen'],
    ['a word of four characters', '节能宣传', 'energy'],
    ['two words, both required', '公务用车 改革', 'cars'],
    ['a phrase the dictionary splits', '机关事务工作会议', 'meeting'],
  ])('%s', async (_name, words, first) => {
    const { data } = await found(words);
    expect(data[0]?.documentId).toBe(ids[first]);
  });

  test('inner words are found wherever they stand, and every match is counted', async () => {
    const { data, meta } = await found('管理');
    expect(data.map((hit) => hit.documentId)).toEqual(expect.arrayContaining([ids.canteen, ids.energy]));
    expect(meta.pagination.total).toBe(data.length);
  });

  test('sort=date lists matches newest first', async () => {
    const { data } = await found('会议', '&sort=date');
    const ours = data.map((hit) => hit.documentId).filter((id) => [ids.meeting, ids.cars].includes(id));
    expect(ours).toEqual([ids.meeting, ids.cars]);
  });
});

describe('only what is published', () => {
  test('a draft and an unpublished edit are never found', async () => {
    expect((await found('绝密')).data).toEqual([]);
    expect((await found('草稿绝密标题')).data).toEqual([]);
    expect((await found('机密')).data).toEqual([]);
    // The published version of the edited article still is.
    expect((await found('食堂管理经验')).data[0].documentId).toBe(ids.canteen);
  });

  test('publishing and unpublishing in the admin panel update the index at once', async () => {
    const created = await api(app)
      .post(`${CM}/${ARTICLE}?locale=zh-Hans`)
      .set('Authorization', `Bearer ${token}`)
      .send({ title: '后台发布的稿件', summary: '独一无二的检索词汇' });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    expect((await found('独一无二')).data).toEqual([]);
    const published = await api(app)
      .post(`${CM}/${ARTICLE}/${documentId}/actions/publish?locale=zh-Hans`)
      .set('Authorization', `Bearer ${token}`);
    expect(published.status).toBe(200);
    expect((await found('独一无二')).data.map((hit) => hit.documentId)).toEqual([documentId]);
    const unpublished = await api(app)
      .post(`${CM}/${ARTICLE}/${documentId}/actions/unpublish?locale=zh-Hans`)
      .set('Authorization', `Bearer ${token}`);
    expect(unpublished.status).toBe(200);
    expect((await found('独一无二')).data).toEqual([]);
  });

  test('a delete removes it; an English version is found only in English', async () => {
    const documentId = await publish('bilingual', { title: '双语稿件检索', summary: '中文摘要' });
    await app.documents(ARTICLE).update({
      documentId,
      locale: 'en',
      data: { title: 'Bilingual search article', summary: 'An English summary about canteens' },
      status: 'published',
    });
    expect((await found('canteens', '&locale=en')).data.map((hit) => hit.documentId)).toEqual([documentId]);
    expect((await found('canteens')).data).toEqual([]);
    await app.documents(ARTICLE).delete({ documentId, locale: '*' });
    expect((await found('canteens', '&locale=en')).data).toEqual([]);
    expect((await found('双语稿件')).data).toEqual([]);
  });
});

describe('filters, paging and snippets', () => {
  test('a channel includes its sub-channels; an unknown channel is a 404', async () => {
    const { data } = await found('会议', '&channel=gong-zuo-dong-tai');
    expect(data.map((hit) => hit.documentId)).toContain(ids.meeting);
    expect(data.map((hit) => hit.documentId)).not.toContain(ids.cars);
    expect(data.find((hit) => hit.documentId === ids.meeting)?.channel?.slug).toBe('shang-ji-gong-zuo-dong-tai');
    const unknown = await q('会议', '&channel=no-such-channel');
    expect(unknown.status).toBe(404);
  });

  test('dates bound the publish date (a plain date is a whole Beijing day)', async () => {
    const only = await found('会议', '&from=2024-03-01&to=2024-03-01');
    expect(only.data.map((hit) => hit.documentId)).toEqual([ids.meeting]);
    expect((await found('会议', '&to=2023-12-31')).data.map((hit) => hit.documentId)).not.toContain(ids.meeting);
  });

  test('pages split the matches and say how many there are', async () => {
    const all = await found('机关事务');
    expect(all.meta.pagination.total).toBeGreaterThanOrEqual(3);
    const second = await found('机关事务', '&pageSize=1&page=2');
    expect(second.data).toHaveLength(1);
    expect(second.data[0].documentId).toBe(all.data[1].documentId);
    expect(second.meta.pagination).toEqual({
      page: 2,
      pageSize: 1,
      total: all.meta.pagination.total,
      pageCount: all.meta.pagination.total,
    });
  });

  test('the snippet marks the matched words and escapes everything else', async () => {
    const { data } = await found('节能宣传');
    const hit = data.find((item) => item.documentId === ids.energy)!;
    expect(hit.snippet).toContain('<mark>节能宣传</mark>');
    expect(hit.snippet).toContain('&lt;script&gt;');
    expect(hit.snippet).not.toContain('<script>');
  });
});

test('the admin panel’s own article search keeps working', async () => {
  const res = await api(app)
    .get(`${CM}/${ARTICLE}?page=1&pageSize=10&locale=zh-Hans&_q=${encodeURIComponent('食堂管理')}`)
    .set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  expect(res.body.results.map((row: { documentId: string }) => row.documentId)).toContain(ids.canteen);
});

test('GraphQL search gives the same answer as REST', async () => {
  const rest = await found('会议', '&pageSize=3');
  const res = await graphql(
    app,
    'query($q: String!) { search(q: $q, pageSize: 3) { data { documentId title snippet channel { slug } } meta { pagination { total } } } }',
    { q: '会议' }
  );
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.search.data.map((hit: { documentId: string }) => hit.documentId)).toEqual(rest.data.map((hit) => hit.documentId));
  expect(res.body.data.search.meta.pagination.total).toBe(rest.meta.pagination.total);
  const bad = await graphql(app, '{ search(q: "\\"(") { meta { pagination { total } } } }');
  expect(bad.status).toBeLessThan(500);
  expect(bad.body.errors[0].message).toMatch(/letters or digits/);
  expect(JSON.stringify(bad.body)).not.toMatch(INTERNALS);
});

test.each([
  ['no q', ''],
  ['an empty q', 'q='],
  ['5,000 characters', `q=${'a'.repeat(5000)}`],
  ['FTS syntax', `q=${encodeURIComponent('"(')}`],
  ['a NUL', 'q=%00会议'],
  ['a lone character', `q=${encodeURIComponent('会')}`],
  ['a page size of 1,000', `q=${encodeURIComponent('会议')}&pageSize=1000`],
  ['page=abc', `q=${encodeURIComponent('会议')}&page=abc`],
  ['sort=constructor', `q=${encodeURIComponent('会议')}&sort=constructor`],
  ['from=yesterday', `q=${encodeURIComponent('会议')}&from=yesterday`],
  ['an unknown locale', `q=${encodeURIComponent('会议')}&locale=xx-YY`],
  ['q as a list', 'q[0]=a&q[1]=b'],
  ['a channel that is not a slug', `q=${encodeURIComponent('会议')}&channel=${encodeURIComponent('../admin')}`],
])('%s answers 400 in Strapi’s error shape', async (_name, query) => {
  const res = await search(query);
  expect([res.status, res.body.error?.name]).toEqual([400, 'ValidationError']);
  expect(JSON.stringify(res.body)).not.toMatch(INTERNALS);
});

test('a query too long for a URL is refused by the HTTP server, not a 500', async () => {
  const res = await q('会'.repeat(5000));
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
});

test('FTS operators are ordinary words: NEAR, OR and * find nothing rather than fail', async () => {
  for (const words of ['NEAR', 'a OR b', 'x*', 'title:会议', '会议 NOT 改革']) {
    const res = await q(words);
    expect([words, res.status]).toEqual([words, 200]);
  }
});

test('reindexing (what npm run search:reindex calls) rebuilds the same index', async () => {
  const before = await found('管理', '&pageSize=50');
  const search = app.service('api::search.search') as unknown as {
    reindex: () => Promise<number>;
    counts: () => Promise<{ indexed: number; published: number }>;
  };
  await search.reindex();
  const counts = await search.counts();
  expect(counts.indexed).toBe(counts.published);
  expect((await found('管理', '&pageSize=50')).data.map((hit) => hit.documentId)).toEqual(before.data.map((hit) => hit.documentId));
});
