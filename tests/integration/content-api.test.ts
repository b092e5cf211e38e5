// What a front end reads: the seeded sample article over REST and GraphQL, in both locales.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, blocksText, graphql } from '../helpers/http';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await stopApp(app);
});

const SLUG = 'gan-en-fen-jin-shi-gan-zheng-xian';
const BREADCRUMB_ZH = ['首页', '工作动态', '上级工作动态'];
const BREADCRUMB_EN = ['Home', 'Work News', 'News from Higher Authorities'];

const fetchBySlug = async (locale: string) => {
  const res = await api(app).get('/api/articles').query({ 'filters[slug][$eq]': SLUG, locale });
  expect(res.status).toBe(200);
  expect(res.body.data).toHaveLength(1);
  return res.body.data[0];
};

describe('the seeded sample article over REST', () => {
  test('reads in Chinese with title, subtitle, source, publish date, breadcrumb and body sections', async () => {
    const article = await fetchBySlug('zh-Hans');
    expect(article).toMatchObject({
      title: '感恩奋进 实干争先',
      subtitle: '全省机关事务工作会议侧记',
      source: '浙江省机关事务管理局 办公室',
      publishDate: '2022-09-23T12:40:00.000Z', // 2022-09-23 20:40 in Beijing
      locale: 'zh-Hans',
    });
    expect(article.breadcrumb.map((item: { name: string }) => item.name)).toEqual(BREADCRUMB_ZH);
    expect(article.channel.name).toBe('上级工作动态');
    const headings = article.body.filter((block: { type: string }) => block.type === 'heading');
    expect(headings.map((h: { children: Array<{ text: string }> }) => h.children[0].text)).toEqual([
      '殷殷嘱托 激励奋进',
      '总结经验、表彰先进',
      '实干争先 再创佳绩',
    ]);
    expect(article.clickCount).toBe(0); // from the click store, not a field of the row
  });

  test('carries every quote of the page, in the order they appear, with the speaker split into name, position and organization', async () => {
    const article = await fetchBySlug('zh-Hans');
    const page = blocksText(article.body);
    const quotes = article.quotes as Array<{
      text: string;
      order: number;
      speakerName: string;
      speakerPosition: string;
      speakerOrganization: string;
    }>;
    expect(quotes.length).toBe(20);
    expect(quotes.map((q) => q.order)).toEqual(quotes.map((_, i) => i + 1));
    const positions = quotes.map((q) => page.indexOf(q.text));
    expect(positions.every((p) => p >= 0)).toBe(true); // each quote is verbatim from the page
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(quotes.find((q) => q.speakerName === '谢小云')).toMatchObject({
      speakerPosition: '党组书记、局长',
      speakerOrganization: '浙江省机关事务管理局',
    });
    const mo = quotes.find((q) => q.speakerName === '莫佳佳') as unknown as { commendedIndividual: { name: string } };
    expect(mo.commendedIndividual.name).toBe('莫佳佳');
  });

  test('names the commended units and individuals it mentions', async () => {
    const article = await fetchBySlug('zh-Hans');
    expect(article.commendedUnits.map((u: { name: string }) => u.name).sort()).toEqual(
      ['常山县机关事务保障中心', '温州市龙湾区机关事务管理中心'].sort()
    );
    expect(article.commendedIndividuals.map((i: { name: string }) => i.name)).toContain('莫佳佳');
  });

  test('reads in English with the translated title, channel breadcrumb and quotes, keeping the same slug and date', async () => {
    const zh = await fetchBySlug('zh-Hans');
    const en = await fetchBySlug('en');
    expect(en.documentId).toBe(zh.documentId);
    expect(en.title).toBe('Gratitude and Drive, Hard Work to Lead the Way');
    expect(en.subtitle).toBe('Notes from the Provincial Conference on Government Offices Administration');
    expect(en.publishDate).toBe(zh.publishDate);
    expect(en.breadcrumb.map((item: { name: string }) => item.name)).toEqual(BREADCRUMB_EN);
    expect(en.quotes).toHaveLength(20);
    expect(en.quotes.find((q: { speakerName: string }) => q.speakerName === 'Xie Xiaoyun')).toBeTruthy();
  });

  test('findOne by documentId gives the same article, and the default locale is Chinese', async () => {
    const zh = await fetchBySlug('zh-Hans');
    const res = await api(app).get(`/api/articles/${zh.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('感恩奋进 实干争先');
    expect(res.body.data.breadcrumb.map((item: { name: string }) => item.name)).toEqual(BREADCRUMB_ZH);
    expect(res.body.data.quotes[0].order).toBe(1);
  });

  test('a channel gives its own breadcrumb from the root', async () => {
    const res = await api(app).get('/api/channels').query({ 'filters[slug][$eq]': 'shang-ji-gong-zuo-dong-tai' });
    expect(res.status).toBe(200);
    expect(res.body.data[0].breadcrumb.map((item: { name: string }) => item.name)).toEqual(BREADCRUMB_ZH);
    expect(res.body.data[0].parent.name).toBe('工作动态');
  });

  test('the commendation lists its quotas, level and commended units', async () => {
    const res = await api(app).get('/api/commendations').query({ 'filters[level][$eq]': 'provincial', populate: 'commendedUnits' });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({
      title: '全省机关事务工作先进集体和先进个人',
      conferredBy: '浙江省人民政府',
      unitQuota: 80,
      individualQuota: 180,
      date: '2022-09-21',
    });
    expect(res.body.data[0].commendedUnits.map((u: { name: string }) => u.name)).toContain('温州市龙湾区机关事务管理中心');
  });
});

describe('the seeded sample article over GraphQL', () => {
  const QUERY = `query Article($slug: String!, $locale: I18NLocaleCode) {
    articles(filters: { slug: { eq: $slug } }, locale: $locale) {
      documentId title subtitle source publishDate locale
      channel { name }
      breadcrumb { name slug }
      quotes(sort: "order:asc", pagination: { limit: 100 }) { order text speakerName speakerPosition speakerOrganization }
    }
  }`;

  test.each([
    ['zh-Hans', '感恩奋进 实干争先', BREADCRUMB_ZH, '谢小云'],
    ['en', 'Gratitude and Drive, Hard Work to Lead the Way', BREADCRUMB_EN, 'Xie Xiaoyun'],
  ])('reads in %s with breadcrumb and all quotes in order', async (locale, title, breadcrumb, speaker) => {
    const res = await graphql(app, QUERY, { slug: SLUG, locale });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const [article] = res.body.data.articles;
    expect(article.title).toBe(title);
    expect(article.publishDate).toBe('2022-09-23T12:40:00.000Z');
    expect(article.breadcrumb.map((item: { name: string }) => item.name)).toEqual(breadcrumb);
    expect(article.quotes.map((q: { order: number }) => q.order)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(article.quotes.map((q: { speakerName: string }) => q.speakerName)).toContain(speaker);
  });
});
