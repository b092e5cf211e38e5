// 定时发布 / 到期下线 as editors and readers meet them: a schedule set in the content
// manager, the article invisible before its time and public after (REST and feed), taken
// down at its 到期下线, a job the publish checks refuse kept with its reason and not
// retried, jobs due while the server was down run at its next start, and on PostgreSQL
// two instances publishing each due article exactly once.
import { startApp, stopApp, usingPostgres, type App } from '../helpers/strapi';
import { api, graphql, readJson, type Json } from '../helpers/http';
import { adminToken } from '../helpers/admin';
import { registerAdmin } from '../helpers/process';
import { sharedDatabase, type SharedDatabase } from '../helpers/instances';
import { Receiver } from '../helpers/receiver';
import { sleep, waitFor, waitUntilTime } from '../helpers/wait';
import { jobsRunFor } from '../helpers/scheduler';

const POLL_MS = 200;
const ENV = { SEED_DEMO: 'false', PUBLISH_CHECKS: 'true', SCHEDULE_POLL_MS: String(POLL_MS) };
const ARTICLE = 'api::article.article';
const ARTICLES = `/content-manager/collection-types/${ARTICLE}`;

let app: App;
let admin: string;
let channelId: string;
/** documentIds of every entry.publish event, in order (events fire after the commit). */
const publishEvents: string[] = [];

const listenForPublishes = (target: App) => {
  target.eventHub.on('entry.publish', async (event: { uid?: string; entry?: { documentId?: string } }) => {
    if (event.uid === ARTICLE && event.entry?.documentId) publishEvents.push(event.entry.documentId);
  });
};
const publishesOf = (documentId: string) => publishEvents.filter((id) => id === documentId).length;

const cm = {
  get: (documentId: string) => api(app).get(`${ARTICLES}/${documentId}?locale=zh-Hans`).set('Authorization', `Bearer ${admin}`),
  put: (documentId: string, data: object) =>
    api(app).put(`${ARTICLES}/${documentId}?locale=zh-Hans`).set('Authorization', `Bearer ${admin}`).send(data),
  publish: (documentId: string) =>
    api(app).post(`${ARTICLES}/${documentId}/actions/publish?locale=zh-Hans`).set('Authorization', `Bearer ${admin}`).send({}),
  list: () => api(app).get(`${ARTICLES}?page=1&pageSize=100&locale=zh-Hans`).set('Authorization', `Bearer ${admin}`),
};
const draft = async (data: Record<string, unknown>) =>
  (await app.documents(ARTICLE).create({ locale: 'zh-Hans', data: { source: '办公室', channel: channelId, ...data } as never })).documentId;
const publicGet = (documentId: string) => api(app).get(`/api/articles/${documentId}`);
const feedTitles = async () => (await api(app).get('/api/feeds/articles.json')).body.items.map((item: Json) => item.title) as string[];
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const isPublic = async (documentId: string) => (await publicGet(documentId)).status === 200;

beforeAll(async () => {
  app = await startApp(ENV);
  listenForPublishes(app);
  admin = await adminToken(app, 'schedule-admin@example.gov.cn');
  const channel = await app
    .documents('api::channel.channel')
    .create({ locale: 'zh-Hans', data: { name: '工作动态' }, status: 'published' });
  channelId = channel.documentId;
});
afterAll(async () => {
  await stopApp(app);
});

describe('定时发布', () => {
  test('a scheduled article is not public before its time, is after (REST and feed), dated at its scheduled time, published once', async () => {
    const documentId = await draft({ title: '定时发布的稿件' });
    const publishAt = inMs(2500);
    const scheduled = await cm.put(documentId, { publishAt });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.data.publishAt).toBe(publishAt);

    expect((await publicGet(documentId)).status).toBe(404);
    expect(await feedTitles()).not.toContain('定时发布的稿件');
    // Private: the public never learns what is coming.
    const list = await api(app).get('/api/articles');
    expect(JSON.stringify(list.body)).not.toContain('publishAt');

    await waitFor(() => isPublic(documentId), 10_000, 100);
    const live = (await publicGet(documentId)).body.data;
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(publishAt).getTime());
    expect(live.publishDate).toBe(publishAt);
    expect(live).not.toHaveProperty('publishAt');
    const feed = await api(app).get('/api/feeds/articles.json');
    expect(feed.body.items.map((item: Json) => item.title)).toContain('定时发布的稿件');
    expect(new Date(feed.headers['last-modified']).getTime()).toBeLessThanOrEqual(Date.now());

    // The schedule is done: cleared in the draft, shown as published, never run again.
    const after = (await cm.get(documentId)).body;
    expect(after.data.publishAt).toBeNull();
    expect(after.data.scheduleError).toBeNull();
    expect(after.data.status).toBe('published');
    await waitFor(() => publishesOf(documentId) === 1);
    // Later looks for due jobs find nothing to do for it.
    expect(await jobsRunFor(app, documentId)).toEqual([]);
    expect(publishesOf(documentId)).toBe(1);
  });

  test('the article list offers 定时发布 and 到期下线 columns (off by default, to fit 1440 px) with each article its times', async () => {
    const documentId = await draft({ title: '列表中的定时稿件' });
    const publishAt = inMs(3_600_000);
    const unpublishAt = inMs(7_200_000);
    expect((await cm.put(documentId, { publishAt, unpublishAt })).status).toBe(200);
    const configuration = await api(app)
      .get(`/content-manager/content-types/${ARTICLE}/configuration`)
      .set('Authorization', `Bearer ${admin}`);
    const { layouts, metadatas } = configuration.body.data.contentType;
    // Not among the default columns (标题, 栏目, 状态, 审核阶段, 发布时间, 点击率 fit 1440 px), but
    // the list's column picker offers them, with their Chinese labels.
    expect(layouts.list).not.toEqual(expect.arrayContaining(['publishAt']));
    expect(metadatas.publishAt.list.label).toBe('定时发布');
    expect(metadatas.unpublishAt.list.label).toBe('到期下线');
    expect(metadatas.scheduleError.edit.editable).toBe(false);
    const row = (await cm.list()).body.results.find((entry: Json) => entry.documentId === documentId);
    expect(row).toMatchObject({ publishAt, unpublishAt, scheduleError: null });
  });

  test('an editor publishing before the time publishes now and cancels the schedule', async () => {
    const documentId = await draft({ title: '提前手动发布' });
    expect((await cm.put(documentId, { publishAt: inMs(1500) })).status).toBe(200);
    const res = await cm.publish(documentId);
    expect(res.status).toBe(200);
    expect(new Date(res.body.data.publishDate).getTime()).toBeLessThanOrEqual(Date.now());
    expect(res.body.data.publishAt).toBeNull();
    await waitFor(() => publishesOf(documentId) === 1);
    // Looks for due jobs at and after the cancelled time run nothing for it.
    expect(await jobsRunFor(app, documentId, { aheadMs: 1500 + POLL_MS * 4 })).toEqual([]);
    expect(publishesOf(documentId)).toBe(1);
  });

  test('bad schedules are a 400 on the field, in Strapi error shape, and nothing is saved', async () => {
    const documentId = await draft({ title: '错误的定时' });
    const past = await cm.put(documentId, { publishAt: inMs(-3_600_000) });
    expect(past.status).toBe(400);
    expect(past.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(past.body.error.message).toContain('已经过去');
    expect(past.body.error.details.errors[0].path).toEqual(['publishAt']);

    const reversed = await cm.put(documentId, { publishAt: inMs(7_200_000), unpublishAt: inMs(3_600_000) });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details.errors[0].path).toEqual(['unpublishAt']);

    const dateAfter = await cm.put(documentId, { publishAt: inMs(3_600_000), publishDate: inMs(7_200_000) });
    expect(dateAfter.status).toBe(400);
    expect(dateAfter.body.error.details.errors[0].path).toEqual(['publishDate']);

    expect((await cm.get(documentId)).body.data.publishAt).toBeNull();
  });

  test('a job the publish checks refuse is not published; its reason shows; it is not retried; fixing and saving runs it', async () => {
    const documentId = await draft({ title: '缺少来源的定时稿件', source: null });
    const publishAt = inMs(1500);
    expect((await cm.put(documentId, { publishAt })).status).toBe(200);
    await waitFor(async () => Boolean((await cm.get(documentId)).body.data.scheduleError), 10_000, 100);
    const refused = (await cm.get(documentId)).body.data;
    expect(refused.scheduleError).toMatch(/^定时发布未执行（.+）：发布前检查未通过.*缺少来源/);
    expect(refused.publishAt).toBe(publishAt); // kept, so editors see what did not run
    expect((await publicGet(documentId)).status).toBe(404);
    const row = (await cm.list()).body.results.find((entry: Json) => entry.documentId === documentId);
    expect(row.scheduleError).toBe(refused.scheduleError);

    // Not retried: later looks for due jobs run nothing and write nothing again.
    expect(await jobsRunFor(app, documentId, { looks: 8 })).toEqual([]);
    const later = (await cm.get(documentId)).body.data;
    expect(later.updatedAt).toBe(refused.updatedAt);
    expect(later.scheduleError).toBe(refused.scheduleError);
    expect(publishesOf(documentId)).toBe(0);

    // A client cannot write the reason; the editor's save (the fix) clears it and runs the job.
    const fixed = await cm.put(documentId, { source: '办公室', scheduleError: '伪造' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.data.scheduleError).toBeNull();
    await waitFor(() => isPublic(documentId), 10_000, 100);
    expect((await publicGet(documentId)).body.data.publishDate).toBe(publishAt);
    expect(publishesOf(documentId)).toBe(1);
  });
});

describe('到期下线', () => {
  test('a published article is taken down at its 到期下线; the draft stays', async () => {
    const documentId = await draft({ title: '到期下线的稿件' });
    expect((await cm.publish(documentId)).status).toBe(200);
    expect(await isPublic(documentId)).toBe(true);
    const unpublishAt = inMs(2000);
    expect((await cm.put(documentId, { unpublishAt })).status).toBe(200);
    expect(await isPublic(documentId)).toBe(true);
    await waitFor(async () => !(await isPublic(documentId)), 10_000, 100);
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(unpublishAt).getTime());
    expect(await feedTitles()).not.toContain('到期下线的稿件');
    const after = (await cm.get(documentId)).body.data;
    expect(after.title).toBe('到期下线的稿件');
    expect(after.unpublishAt).toBeNull();
    expect(after.status).toBe('draft');
  });

  test('scheduled up and down: public between the two times only', async () => {
    const documentId = await draft({ title: '限时稿件' });
    expect((await cm.put(documentId, { publishAt: inMs(1500), unpublishAt: inMs(4000) })).status).toBe(200);
    expect(await isPublic(documentId)).toBe(false);
    await waitFor(() => isPublic(documentId), 10_000, 100);
    await waitFor(async () => !(await isPublic(documentId)), 10_000, 100);
    expect(publishesOf(documentId)).toBe(1);
  });
});

describe('a 发布时间 still ahead', () => {
  test('a manual publish dated ahead is refused by the publish checks', async () => {
    const documentId = await draft({ title: '未来日期', publishDate: inMs(3_600_000) });
    const res = await cm.publish(documentId);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('在未来');
  });

  test('with the checks off, a published article dated ahead is hidden from REST, GraphQL and feeds until its date, and Last-Modified stays behind', async () => {
    app.config.set('publish-guard.enabled', false);
    try {
      const publishDate = inMs(2500);
      const { documentId } = await app
        .documents(ARTICLE)
        .create({ locale: 'zh-Hans', status: 'published', data: { title: '提前发布的未来稿件', publishDate } as never });
      expect((await publicGet(documentId)).status).toBe(404);
      const list = await api(app).get('/api/articles');
      expect(list.body.data.map((entry: Json) => entry.documentId)).not.toContain(documentId);
      const gql = await graphql(app, '{ articles(pagination: { limit: 100 }) { documentId } }');
      expect(gql.body.data.articles.map((entry: Json) => entry.documentId)).not.toContain(documentId);
      const feed = await api(app).get('/api/feeds/articles.json');
      expect(feed.body.items.map((item: Json) => item.title)).not.toContain('提前发布的未来稿件');
      expect(new Date(feed.headers['last-modified']).getTime()).toBeLessThanOrEqual(Date.now());
      // When the date comes the cached answers that left it out are dropped (the scheduler's poll).
      await waitFor(() => isPublic(documentId), 10_000, 100);
      await waitFor(async () => (await feedTitles()).includes('提前发布的未来稿件'), 5_000, 100);
      const later = await graphql(app, '{ articles(pagination: { limit: 100 }) { documentId } }');
      expect(later.body.data.articles.map((entry: Json) => entry.documentId)).toContain(documentId);
    } finally {
      app.config.set('publish-guard.enabled', true);
    }
  });
});

describe('after a restart', () => {
  test('a job that came due while the server was down runs at the next start', async () => {
    const documentId = await draft({ title: '停机期间到期的稿件' });
    const publishAt = inMs(1500);
    expect((await cm.put(documentId, { publishAt })).status).toBe(200);
    await stopApp(app, { keepDatabase: true });
    await waitUntilTime(publishAt); // its time passes while nothing runs
    app = await startApp(ENV, { keepDatabase: true });
    listenForPublishes(app);
    await waitFor(() => isPublic(documentId), 5_000, 50);
    expect((await publicGet(documentId)).body.data.publishDate).toBe(publishAt);
    expect(publishesOf(documentId)).toBe(1);
  });
});

const twoInstances = usingPostgres() ? describe : describe.skip;
if (!usingPostgres()) console.log('the two-instance scheduling test runs with DATABASE_CLIENT=postgres; skipped on SQLite');

twoInstances('two instances on one PostgreSQL database', () => {
  let shared: SharedDatabase | undefined;
  let receiver: Receiver;

  afterAll(async () => {
    await shared?.stop();
    await receiver?.down();
  });

  test('each due article is published exactly once, by one of them', async () => {
    shared = await sharedDatabase('newsroom_schedule', {
      SEED_DEMO: 'false',
      PUBLISH_CHECKS: 'false',
      SCHEDULE_POLL_MS: '50',
      SCHEDULE_BATCH: '50',
    });
    receiver = await new Receiver().start();
    const a = await shared.start();
    const token = await registerAdmin(a, { firstname: 'Ops', lastname: 'Admin', email: 'ops@example.gov.cn', password: 'Ops-Passw0rd' });
    const asAdmin = (path: string, method: string, body?: object) =>
      fetch(`${a.url}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: body && JSON.stringify(body),
      });
    // Every entry.publish of either instance is posted here (a webhook each instance loads at start).
    const hook = await asAdmin('/admin/webhooks', 'POST', { name: 'publishes', url: receiver.url, headers: {}, events: ['entry.publish'] });
    expect(hook.status).toBe(201);
    const b = await shared.start();

    const count = 30;
    const publishAt = new Date(Date.now() + 4000).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const res = await asAdmin(`${ARTICLES}?locale=zh-Hans`, 'POST', { title: `双实例定时 ${i}`, publishAt });
      expect(res.status).toBe(201);
      ids.push((await readJson(res)).data.documentId);
    }
    const db = shared.db();
    await waitFor(async () => Number((await db('articles').whereNotNull('published_at').count({ n: '*' }))[0].n) === count, 20_000, 100);
    // A fixed wait, on purpose: it proves that no second publish comes, and a webhook of a
    // racing second publish would still be on its way when every article shows published.
    await sleep(2000);
    const published = receiver
      .payloads()
      .filter((payload: Json) => payload.event === 'entry.publish' && payload.uid === ARTICLE)
      .map((payload: Json) => payload.entry.documentId as string);
    expect(published.sort()).toEqual([...ids].sort());
    for (const server of [a, b]) expect(server.output()).not.toMatch(/\[schedule\].*failed/);
  });
});
