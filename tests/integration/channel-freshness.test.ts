// 栏目更新检查 as an administrator and a cron job see it: channels with aged articles
// (stale, due soon, fine, empty, not inspected, a parent kept fresh by its child, a
// draft and a future date that do not count, another locale) through the admin API,
// who may call it, what bad input gets, and `npm run report:inspection` as a child
// process with its exit codes.
import { adminToken, adminUser } from '../helpers/admin';
import { api, type Json } from '../helpers/http';
import { runScript } from '../helpers/script';
import { startApp, stopApp, type App } from '../helpers/strapi';

const ROUTE = '/admin/newsroom/inspection/channels';
const DAY_MS = 86_400_000;
const SOURCE = '浙江省机关事务管理局 办公室';

let app: App;
let token: string;
const ids: Record<string, string> = {};

/** Noon in Beijing `n` days before today (Beijing): the same calendar day whatever the hour now. */
const beijingToday = () => Math.floor((Date.now() + 8 * 3_600_000) / DAY_MS);
const daysAgo = (n: number) => new Date((beijingToday() - n) * DAY_MS + 4 * 3_600_000);
const dayOf = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const channels = () => app.documents('api::channel.channel');
const articles = () => app.documents('api::article.article');

const channel = async (key: string, name: string, updateClass: string, parent?: string, status: 'published' | 'draft' = 'published') => {
  const created = await channels().create({
    locale: 'zh-Hans',
    status,
    data: { name, slug: `jian-cha-${key}`, updateClass, ...(parent ? { parent: ids[parent] } : {}) } as never,
  });
  ids[key] = created.documentId;
  return created.documentId;
};

/** A published article in a channel, dated `n` days ago (kept on publish). */
const article = async (
  channelKey: string,
  title: string,
  ageDays: number,
  locale = 'zh-Hans',
  status: 'published' | 'draft' = 'published'
) =>
  (
    await articles().create({
      locale,
      status,
      data: { title, source: SOURCE, channel: ids[channelKey], publishDate: daysAgo(ageDays) } as never,
    })
  ).documentId;

const asAdmin = <T extends { set: (name: string, value: string) => T }>(req: T, bearer = token) =>
  req.set('Authorization', `Bearer ${bearer}`);
const report = async (query = '', bearer = token) => {
  const res = await asAdmin(api(app).get(`${ROUTE}${query}`), bearer);
  expect(res.status).toBe(200);
  return res.body.data as Json;
};
const row = (data: Json, key: string) => data.channels.find((entry: Json) => entry.documentId === ids[key]);

beforeAll(async () => {
  app = await startApp({ RESPONSE_CACHE: 'false', INSPECTION_WARN_DAYS: '7' });
  token = await adminToken(app, 'inspection@example.gov.cn');

  await channel('root', '检查测试', 'none');
  await channel('stale', '要闻过期', 'news', 'root');
  await channel('due', '要闻将过期', 'news', 'root');
  await channel('notice', '通知公告', 'notice', 'root');
  await channel('empty', '政策空白', 'policy', 'root');
  await channel('nav', '导航栏目', 'none', 'root');
  await channel('parent', '人事规划', 'personnel', 'root');
  await channel('child', '任前公示', 'news', 'parent');
  await channel('drafts', '只有草稿', 'news', 'root');
  await channel('future', '未来日期', 'news', 'root');
  await channel('topic', '专题一', 'topic', 'root');
  await channel('hidden', '未发布栏目', 'news', 'root', 'draft');

  await article('stale', '四十天前的要闻', 40);
  await article('due', '十天前的要闻', 10);
  await article('notice', '一个月前的通知', 30);
  await article('parent', '一年多以前的任免', 400);
  await article('child', '两天前的公示', 2);
  await article('drafts', '四十天前发布的稿件', 40);
  await article('drafts', '昨天的草稿', 1, 'zh-Hans', 'draft');
  await article('future', '二十天前的要闻', 20);
  // A date ahead: written through the query layer, as a publish guard refuses it.
  const ahead = await article('future', '定时发布的要闻', 3);
  await app.db
    .query('api::article.article')
    .updateMany({ where: { documentId: ahead }, data: { publishDate: new Date(Date.now() + 5 * DAY_MS) } });
  await article('topic', '很久以前的专题稿', 900);

  // English: the stale channel is fresh there, the due one due; the demo's channels get a fresh article.
  await channels().update({ documentId: ids.root, locale: 'en', status: 'published', data: { name: 'Inspection test' } as never });
  for (const [key, name] of [
    ['stale', 'Fresh in English'],
    ['due', 'Due in English'],
  ]) {
    await channels().update({ documentId: ids[key], locale: 'en', status: 'published', data: { name, parent: ids.root } as never });
  }
  await article('stale', 'Yesterday in English', 1, 'en');
  await article('due', 'Ten days ago in English', 10, 'en');
  const demo = await channels().findFirst({ locale: 'en', status: 'published', filters: { slug: 'shang-ji-gong-zuo-dong-tai' } });
  ids.demo = demo!.documentId;
  await article('demo', 'Fresh demo news', 3, 'en');
});
afterAll(() => stopApp(app));

test('each channel’s status, last publish, days since and stale date, worst first', async () => {
  const data = await report();
  const today = dayOf(data.summary.today);
  expect(data.locale).toBe('zh-Hans');
  expect(row(data, 'stale')).toMatchObject({
    name: '要闻过期',
    path: ['检查测试', '要闻过期'],
    updateClass: 'news',
    classLabel: '动态要闻',
    status: 'stale',
    lastPublishDate: iso(today - 40),
    daysSince: 40,
    staleOn: iso(today - 26),
    daysLeft: -26,
  });
  expect(row(data, 'due')).toMatchObject({ status: 'due-soon', daysSince: 10, staleOn: iso(today + 4), daysLeft: 4 });
  expect(row(data, 'notice')).toMatchObject({ status: 'ok', daysSince: 30, updateClass: 'notice' });
  expect(row(data, 'empty')).toMatchObject({ status: 'empty', lastPublishDate: null, daysSince: null, staleOn: null });
  expect(row(data, 'nav')).toMatchObject({ status: 'exempt', lastPublishDate: null });
  // The root's only articles are below it: it is not empty, and not inspected anyway.
  expect(row(data, 'root')).toMatchObject({ status: 'exempt', daysSince: 2 });
  expect(row(data, 'topic')).toMatchObject({ status: 'ok', daysSince: 900, staleOn: null });
  expect(data.channels.find((entry: Json) => entry.documentId === ids.hidden)).toBeUndefined();
  expect(data.channels.find((entry: Json) => entry.name === '首页')).toMatchObject({ status: 'exempt', updateClass: 'none' });
  expect(data.channels.find((entry: Json) => entry.name === '上级工作动态')).toMatchObject({
    status: 'stale',
    lastPublishDate: '2022-09-23',
  });

  const order = data.channels.map((entry: Json) => entry.status);
  const rank = ['stale', 'empty', 'due-soon', 'ok', 'exempt'];
  expect([...order].sort((a: string, b: string) => rank.indexOf(a) - rank.indexOf(b))).toEqual(order);
  expect(data.summary).toMatchObject({ warnDays: 7, total: data.channels.length, failing: data.summary.stale + data.summary.empty });
  expect(data.summary.stale).toBe(data.channels.filter((entry: Json) => entry.status === 'stale').length);
});

test('a parent column is kept fresh by its child’s articles', async () => {
  const data = await report();
  const today = dayOf(data.summary.today);
  expect(row(data, 'child')).toMatchObject({ status: 'ok', daysSince: 2 });
  expect(row(data, 'parent')).toMatchObject({
    status: 'ok',
    daysSince: 2,
    lastPublishDate: iso(today - 2),
    path: ['检查测试', '人事规划'],
  });
});

test('a draft does not count, nor a 发布时间 still ahead', async () => {
  const data = await report();
  expect(row(data, 'drafts')).toMatchObject({ status: 'stale', daysSince: 40 });
  expect(row(data, 'future')).toMatchObject({ status: 'stale', daysSince: 20 });
});

test('each locale is inspected on its own: its channels, its articles', async () => {
  const data = await report('?locale=en');
  expect(data.locale).toBe('en');
  expect(row(data, 'stale')).toMatchObject({
    name: 'Fresh in English',
    status: 'ok',
    daysSince: 1,
    path: ['Inspection test', 'Fresh in English'],
  });
  expect(row(data, 'due')).toMatchObject({ status: 'due-soon', daysLeft: 4 });
  expect(row(data, 'empty')).toBeUndefined();
  expect(data.summary.failing).toBe(0);
  expect((await report('?locale=zh-Hans')).summary).toEqual((await report()).summary);
});

test('who may ask: anonymous 401, an admin who may not read channels 403, one limited to English only there', async () => {
  expect((await api(app).get(ROUTE)).status).toBe(401);
  // The content API has no such route.
  expect((await api(app).get('/api/newsroom/inspection/channels')).status).toBe(404);
  expect((await api(app).get('/api/inspection/channels')).status).toBe(404);

  const roles = app.service('admin::role');
  const login = async (name: string, email: string, permissions: object[]) => {
    const role = await roles.create({ name, code: email.split('@')[0], description: name });
    await roles.assignPermissions(role.id, permissions);
    return (await adminUser(app, { email, firstname: 'Test', lastname: name, password: 'Role-Passw0rd' }, [role.id])).token;
  };
  const read = (subject: string, locales: string[]) => ({
    action: 'plugin::content-manager.explorer.read',
    subject,
    properties: { locales },
    conditions: [],
  });

  const articlesOnly = await login('只管稿件 Articles only', 'articles-only@example.gov.cn', [
    read('api::article.article', ['zh-Hans', 'en']),
  ]);
  const refused = await asAdmin(api(app).get(ROUTE), articlesOnly);
  expect(refused.status).toBe(403);
  expect(refused.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });

  const englishOnly = await login('英文编辑 English desk', 'english-desk@example.gov.cn', [read('api::channel.channel', ['en'])]);
  expect((await asAdmin(api(app).get(ROUTE), englishOnly)).status).toBe(403);
  expect((await asAdmin(api(app).get(`${ROUTE}?locale=en`), englishOnly)).status).toBe(200);
});

test('bad input answers 400 in Strapi’s error shape', async () => {
  for (const query of ['?locale=xx', '?locale=', '?locale[]=en&locale[]=zh-Hans', `?locale=${'a'.repeat(40)}`, '?locale[$ne]=en']) {
    const res = await asAdmin(api(app).get(`${ROUTE}${query}`));
    expect([query, res.status]).toEqual([query, 400]);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
  }
});

const runReport = (args: string[], env: Record<string, string> = {}) => runScript('report-inspection.js', args, env);

describe('npm run report:inspection', () => {
  test('a stale or empty channel: the table, the summary and exit code 1', async () => {
    const { code, stdout, stderr } = await runReport([]);
    expect([code, stderr.slice(-2000)]).toEqual([1, expect.anything()]);
    const data = await report();
    const stale = row(data, 'stale');
    expect(stdout).toMatch(
      new RegExp(`过期 STALE\\s+检查测试 > 要闻过期\\s+动态要闻 news\\s+${stale.lastPublishDate}\\s+40\\s+${stale.staleOn}`)
    );
    expect(stdout).toMatch(/空白 EMPTY\s+检查测试 > 政策空白\s+政策文件 policy\s+-\s+-\s+-/);
    expect(stdout).toMatch(/将过期 due soon\s+检查测试 > 要闻将过期/);
    expect(stdout).toMatch(/WARNING 检查测试 > 要闻将过期 becomes stale on \d{4}-\d\d-\d\d \(in 4 days\)/);
    expect(stdout).toContain(`FAIL: ${data.summary.failing} channel(s) would fail the inspection`);
    // Only problems by default; --all lists the fine ones too.
    expect(stdout).not.toContain('任前公示');
    expect((await runReport(['--all'])).stdout).toMatch(/正常 ok\s+检查测试 > 人事规划 > 任前公示/);
  });

  test('--json prints the admin API’s answer and nothing else', async () => {
    const { code, stdout } = await runReport(['--json', '--locale', 'zh-Hans']);
    expect(code).toBe(1);
    const printed = JSON.parse(stdout).data;
    const answered = await report();
    expect(printed.summary).toEqual(answered.summary);
    expect(printed.channels.map((entry: Json) => [entry.documentId, entry.status])).toEqual(
      answered.channels.map((entry: Json) => [entry.documentId, entry.status])
    );
  });

  test('nothing failing: exit code 0, due-soon channels as warnings', async () => {
    const { code, stdout } = await runReport(['--locale=en']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/WARNING Inspection test > Due in English becomes stale on/);
    expect(stdout).toMatch(/OK: no stale or empty channel, 1 due soon/);
  });

  test('bad usage: exit code 2 and the usage line', async () => {
    for (const [args, env] of [
      [['--bogus'], {}],
      [['--locale'], {}],
      [['--locale', 'xx'], {}],
      [[], { INSPECTION_WARN_DAYS: 'soon' }],
    ] as Array<[string[], Record<string, string>]>) {
      const { code, stdout, stderr } = await runReport(args, env);
      expect([args, env, code]).toEqual([args, env, 2]);
      expect(stdout).toBe('');
      expect(stderr).toContain('usage: npm run report:inspection');
    }
  });
});
