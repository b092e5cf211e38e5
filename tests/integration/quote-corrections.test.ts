// 识别引语 and saving in the editor, through the admin panel's API (the content manager and
// /admin/newsroom/quotes/*), for issue #29: a quote said by a group is proposed marked
// collective and is stored only when the editor accepts it, with the group as its speaker;
// the editor's corrections of a speaker's name, position and organisation are what is stored,
// and bad ones are refused with 400 and nothing written; short stand-alone heading lines of a
// saved body become 小标题, real one-line paragraphs stay paragraphs.
import { adminToken } from '../helpers/admin';
import { api } from '../helpers/http';
import { startApp, stopApp, type App } from '../helpers/strapi';

const ARTICLES = '/content-manager/collection-types/api::article.article';

let app: App;
let token: string;

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false', RESPONSE_CACHE: 'false' });
  token = await adminToken(app, 'quote-corrections@example.gov.cn');
});
afterAll(() => stopApp(app));

const asAdmin = <T extends { set: (name: string, value: string) => T }>(req: T) => req.set('Authorization', `Bearer ${token}`);
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const heading = (text: string) => ({ type: 'heading', level: 2, children: [{ type: 'text', text }] });
/** A JSON answer (unknown /admin paths answer 200 HTML). */
const json = <T extends { type?: string; body: unknown }>(res: T) => {
  expect(res.type).toBe('application/json');
  return res;
};
const newArticle = async (data: Record<string, unknown>) => {
  const res = json(await asAdmin(api(app).post(`${ARTICLES}?locale=zh-Hans`)).send(data));
  expect(res.status).toBe(201);
  return res.body.data as { documentId: string; body: unknown };
};
const propose = async (documentId: string) => {
  const res = json(await asAdmin(api(app).post('/admin/newsroom/quotes/propose')).send({ documentId, locale: 'zh-Hans' }));
  expect(res.status).toBe(200);
  return res.body.data.quotes as Array<Record<string, unknown>>;
};
const accept = (documentId: string, quotes: unknown) =>
  asAdmin(api(app).post('/admin/newsroom/quotes/accept')).send({ documentId, locale: 'zh-Hans', quotes });
/** The article draft's quotes as the content manager shows them. */
const storedQuotes = async (documentId: string) => {
  const res = json(await asAdmin(api(app).get(`${ARTICLES}/${documentId}?locale=zh-Hans&populate[quotes]=*`)));
  expect(res.status).toBe(200);
  return (res.body.data.quotes ?? []) as Array<{
    text: string;
    speakerName: string;
    speakerPosition: string | null;
    speakerOrganization: string | null;
  }>;
};

const BODY = [
  paragraph('“倍感荣耀、备受鼓舞!”会议现场,与会代表纷纷表示,这次会议意义重大。'),
  paragraph('“我们将把会议精神落到实处。”嘉兴市机关事务管理局局长周文表示。'),
];

test('a quote said by a group is proposed as collective (unticked in the panel); the importer’s rule: stored only if accepted, with the group as speaker', async () => {
  const article = await newArticle({ title: '集体引语稿件', source: '浙江省机关事务管理局', body: BODY });
  const quotes = await propose(article.documentId);
  expect(quotes.map(({ speakerName, collective }) => ({ speakerName, collective }))).toEqual([
    { speakerName: '与会代表', collective: true },
    { speakerName: '周文', collective: false },
  ]);
  // The panel ticks the named one only; accepting it stores it alone.
  expect((await accept(article.documentId, [quotes[1]])).body.data.created).toBe(1);
  expect((await storedQuotes(article.documentId)).map((quote) => quote.speakerName)).toEqual(['周文']);
  // An editor who ticks the group's quote gets it, with the group as its speaker, in the order of the text.
  expect((await accept(article.documentId, [quotes[0]])).body.data.created).toBe(1);
  const stored = await storedQuotes(article.documentId);
  expect(stored.map(({ text, speakerName }) => ({ text, speakerName }))).toEqual([
    { text: '倍感荣耀、备受鼓舞!', speakerName: '与会代表' },
    { text: '我们将把会议精神落到实处。', speakerName: '周文' },
  ]);
});

test('the speaker as the editor corrected it is what is stored; a bad correction is refused with 400 and writes nothing', async () => {
  const article = await newArticle({ title: '更正讲话人稿件', source: '浙江省机关事务管理局', body: BODY });
  const [, named] = await propose(article.documentId);
  const corrected = { ...named, speakerName: ' 周文华 ', speakerPosition: '党组书记、局长', speakerOrganization: '嘉兴市机关事务管理中心' };
  const bad: Array<[string, Record<string, unknown>]> = [
    ['an empty name', { speakerName: '' }],
    ['a name of spaces', { speakerName: '   ' }],
    ['a name of 41 characters', { speakerName: '名'.repeat(41) }],
    ['a position of 101 characters', { speakerPosition: '职'.repeat(101) }],
    ['an organisation of 101 characters', { speakerOrganization: '单'.repeat(101) }],
    ['a name that is not text', { speakerName: 42 }],
  ];
  for (const [what, change] of bad) {
    const res = json(await accept(article.documentId, [{ ...corrected, ...change }]));
    expect([what, res.status, res.body.error?.status, res.body.error?.name]).toEqual([what, 400, 400, 'ValidationError']);
  }
  expect(await storedQuotes(article.documentId)).toEqual([]);

  // At the limits, and the corrected values (trimmed) stored.
  const res = json(await accept(article.documentId, [corrected]));
  expect([res.status, res.body.data.created]).toEqual([200, 1]);
  expect(await storedQuotes(article.documentId)).toMatchObject([
    { speakerName: '周文华', speakerPosition: '党组书记、局长', speakerOrganization: '嘉兴市机关事务管理中心' },
  ]);
  const longest = await newArticle({ title: '最长讲话人稿件', source: '浙江省机关事务管理局', body: BODY });
  const [, again] = await propose(longest.documentId);
  const atLimits = { ...again, speakerName: '名'.repeat(40), speakerPosition: '职'.repeat(100), speakerOrganization: '单'.repeat(100) };
  expect(json(await accept(longest.documentId, [atLimits])).status).toBe(200);
  expect((await storedQuotes(longest.documentId))[0]).toMatchObject({
    speakerName: '名'.repeat(40),
    speakerOrganization: '单'.repeat(100),
  });
});

test('short stand-alone heading lines of a saved body become 小标题; sentences, lists and a last line stay paragraphs', async () => {
  const text = '9月22日,全省机关事务工作会议在杭州召开,会议总结了过去五年的工作,部署了下一阶段的任务。';
  const article = await newArticle({
    title: '小标题稿件',
    body: [
      paragraph(text),
      paragraph('\u3000\u3000殷殷嘱托 激励奋进'),
      paragraph(text),
      paragraph('会议强调,要抓好落实。'),
      paragraph(text),
      paragraph('温州市龙湾区机关事务管理中心'),
      paragraph('常山县机关事务保障中心'),
      paragraph(text),
      paragraph('责任编辑 张三'),
    ],
  });
  const expected = [
    paragraph(text),
    heading('殷殷嘱托 激励奋进'),
    paragraph(text),
    paragraph('会议强调,要抓好落实。'),
    paragraph(text),
    paragraph('温州市龙湾区机关事务管理中心'),
    paragraph('常山县机关事务保障中心'),
    paragraph(text),
    paragraph('责任编辑 张三'),
  ];
  expect(article.body).toEqual(expected);

  // On an update too, as the edit view saves (the whole body).
  const updated = json(
    await asAdmin(api(app).put(`${ARTICLES}/${article.documentId}?locale=zh-Hans`)).send({
      title: '小标题稿件',
      body: [...expected.slice(0, -1), paragraph('实干争先 再创佳绩'), paragraph(text), paragraph('责任编辑 张三')],
    })
  );
  expect(updated.status).toBe(200);
  expect(updated.body.data.body.slice(-4)).toEqual([
    paragraph(text),
    heading('实干争先 再创佳绩'),
    paragraph(text),
    paragraph('责任编辑 张三'),
  ]);

  // The editor turns a heading back into a paragraph: it stays a paragraph on this save and
  // the next, since only lines new in a save are read as headings.
  const undone = updated.body.data.body.map((block: unknown, i: number) => (i === 1 ? paragraph('殷殷嘱托 激励奋进') : block));
  for (let save = 0; save < 2; save++) {
    const stored = json(
      await asAdmin(api(app).put(`${ARTICLES}/${article.documentId}?locale=zh-Hans`)).send({ title: '小标题稿件', body: undone })
    );
    expect(stored.status).toBe(200);
    expect(stored.body.data.body).toEqual(undone);
  }

  // A one-line body is a paragraph, whatever it reads like.
  expect((await newArticle({ title: '一行正文', body: [paragraph('今日无事')] })).body).toEqual([paragraph('今日无事')]);
});
