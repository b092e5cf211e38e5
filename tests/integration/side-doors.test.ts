// Side doors into what readers see (#27, findings 2, 3, 4 and 9), tried as the users who
// would try them: 撰稿, another 撰稿, 初审, 终审 through the content manager's admin API,
// and API tokens through REST. A write to a linked entry (a quote, a commended unit) is an
// edit of the articles showing it: it needs the right to edit each of them and sends them
// back to 初审; scheduling needs the right to publish and the job runs in its setter's
// name; a clone needs read on its source and leaves the source whole; quotes accepted
// through 识别引语 belong to the editor who accepted them. Every row checks the anonymous
// public answer is unchanged until 终审 publishes.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, type Json } from '../helpers/http';
import { adminToken, editorWithRole } from '../helpers/admin';
import { waitFor } from '../helpers/wait';
import { jobsRunFor } from '../helpers/scheduler';

const ARTICLE = 'api::article.article';
const QUOTE = 'api::speaker-quote.speaker-quote';
const UNIT = 'api::commended-unit.commended-unit';
const CM = '/content-manager/collection-types';
const ARTICLES = `${CM}/${ARTICLE}`;
const QUOTES = `${CM}/${QUOTE}`;
const POLL_MS = 200;

let app: App;
let admin: string;
const tokens: Record<string, string> = {};
const userIds: Record<string, number> = {};
let fullAccess: string;
let quoteOnlyToken: string;

const USERS = [
  ['writer', '撰稿', '撰稿甲'],
  ['writer2', '撰稿', '撰稿乙'],
  ['first', '初审', '初审'],
  ['final', '终审', '终审'],
] as const;

const as = (token: string) => ({
  post: (url: string, body: object = {}) => api(app).post(url).set('Authorization', `Bearer ${token}`).send(body),
  put: (url: string, body: object = {}) => api(app).put(url).set('Authorization', `Bearer ${token}`).send(body),
  get: (url: string) => api(app).get(url).set('Authorization', `Bearer ${token}`),
});
const stage = async (documentId: string, locale = 'zh-Hans') =>
  (await as(admin).post('/admin/newsroom/review/state', { uid: ARTICLE, documentId, locale })).body.data.stage as string;
const history = async (documentId: string) =>
  (await as(admin).post('/admin/newsroom/review/state', { uid: ARTICLE, documentId, locale: 'zh-Hans' })).body.data.history as Json[];
const forward = async (documentId: string, steps: number, locale = 'zh-Hans') => {
  for (let i = 0; i < steps; i += 1) {
    const view = await as(admin).get(`${ARTICLES}/${documentId}?locale=${locale}`);
    const res = await as(admin).post('/admin/newsroom/review/move', {
      uid: ARTICLE,
      documentId,
      locale,
      move: 'forward',
      expectedUpdatedAt: view.body.data.updatedAt,
    });
    expect(res.status).toBe(200);
  }
};
const publish = (documentId: string, token = tokens.final) => as(token).post(`${ARTICLES}/${documentId}/actions/publish?locale=zh-Hans`);
/** What an anonymous reader gets for the article, with its quotes and commended units. */
const publicAnswer = async (documentId: string) => {
  const res = await api(app).get(`/api/articles/${documentId}?populate[quotes][fields][0]=text&populate[commendedUnits][fields][0]=name`);
  return { status: res.status, data: res.body.data ?? null };
};
/** An article written by `owner` in the content manager, passed by all levels and published by 终审. */
const publishedArticle = async (owner: string, title: string, extra: object = {}) => {
  const created = await as(tokens[owner]).post(`${ARTICLES}?locale=zh-Hans`, { title, source: '办公室', ...extra });
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId as string;
  await forward(documentId, 4);
  expect((await publish(documentId)).status).toBe(200);
  expect(await stage(documentId)).toBe('approved');
  return documentId;
};
const quoteCount = () => app.db.query(QUOTE).count({ where: { publishedAt: null } });
const expectRefused = (res: Json, pattern: RegExp = /无权/) => {
  expect(res.headers['content-type']).toMatch(/json/);
  expect(res.status).toBe(403);
  expect(res.body.data).toBeNull();
  expect(res.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
  expect(res.body.error.message).toMatch(pattern);
};
const draftQuotesOf = async (documentId: string) =>
  (
    (await app.db.query(ARTICLE).findOne({
      where: { documentId, locale: 'zh-Hans', publishedAt: null },
      populate: { quotes: { select: ['documentId', 'text'] } },
    })) as Json
  ).quotes as Json[];

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false', REVIEW_REQUIRED: 'true', SCHEDULE_POLL_MS: String(POLL_MS) });
  admin = await adminToken(app, 'side-doors-admin@example.gov.cn');
  for (const [key, roleName, firstname] of USERS) {
    const email = `side-doors-${key}@example.gov.cn`;
    const user = await editorWithRole(app, roleName, { email, firstname, lastname: '编辑', password: 'Review-Passw0rd' });
    userIds[key] = user.id;
    tokens[key] = user.token;
  }
  fullAccess = (await app.service('admin::api-token').create({ name: '对接系统', type: 'full-access', lifespan: null })).accessKey;
  quoteOnlyToken = (
    await app.service('admin::api-token').create({
      name: '只能写摘录',
      type: 'custom',
      lifespan: null,
      // It may read articles (so Strapi lets it name one) but not change them.
      permissions: [
        'api::speaker-quote.speaker-quote.create',
        'api::speaker-quote.speaker-quote.find',
        'api::article.article.find',
        'api::article.article.findOne',
      ],
    })
  ).accessKey;
});
afterAll(async () => {
  await stopApp(app);
  process.env.REVIEW_REQUIRED = 'false';
});

describe('a quote linked to an article is an edit of that article (finding 2)', () => {
  test('撰稿 creating a quote on another writer’s approved article: 403, nothing written, article unchanged', async () => {
    const theirs = await publishedArticle('writer2', '他人已发布的稿件');
    const before = await publicAnswer(theirs);
    const count = await quoteCount();
    const res = await as(tokens.writer).post(`${QUOTES}?locale=zh-Hans`, {
      text: '未经审核的话',
      speakerName: '某人',
      article: { connect: [{ documentId: theirs, locale: 'zh-Hans' }] },
    });
    expectRefused(res);
    expect(res.body.error.message).toContain('他人已发布的稿件');
    expect(await quoteCount()).toBe(count);
    expect(await stage(theirs)).toBe('approved');
    expect(await publicAnswer(theirs)).toEqual(before);
  });

  test('on their own approved article: 201, the article back at 初审, readers unchanged until 终审 publishes', async () => {
    const own = await publishedArticle('writer', '自己已发布的稿件');
    const before = await publicAnswer(own);
    expect(before.data.quotes).toEqual([]);
    const res = await as(tokens.writer).post(`${QUOTES}?locale=zh-Hans`, {
      text: '新加的一句话',
      speakerName: '某人',
      article: { connect: [{ documentId: own, locale: 'zh-Hans' }] },
    });
    expect(res.status).toBe(201);
    expect(await stage(own)).toBe('first');
    const last = (await history(own)).at(-1);
    expect(last).toMatchObject({ from: 'approved', to: 'first', system: true });
    expect(last.comment).toContain('讲话摘录：新建');
    // 终审 cannot publish it before it passes again; readers still see the approved version.
    expect((await publish(own)).status).toBe(400);
    expect(await publicAnswer(own)).toEqual(before);
    await forward(own, 3);
    expect((await publish(own)).status).toBe(200);
    expect((await publicAnswer(own)).data.quotes.map((quote: Json) => quote.text)).toEqual(['新加的一句话']);
  });

  test('a full-access token may link a draft quote (it writes as an administrator) but the article goes back to 初审, and may not publish one past 终审; a token without article rights may not', async () => {
    const article = await publishedArticle('writer', '对接系统写入的稿件');
    const before = await publicAnswer(article);
    const refused = await api(app)
      .post('/api/speaker-quotes')
      .set('Authorization', `Bearer ${quoteOnlyToken}`)
      .send({ data: { text: '令牌写的话', speakerName: '某人', article: article } });
    expect([refused.status, refused.body.error?.name]).toEqual([403, 'PolicyError']);
    expect(refused.body.error.message).toContain('对接系统写入的稿件');
    expect(await stage(article)).toBe('approved');

    // REST creates published unless told otherwise: that would put unreviewed text on the page.
    const count = await quoteCount();
    const published = await api(app)
      .post('/api/speaker-quotes')
      .set('Authorization', `Bearer ${fullAccess}`)
      .send({ data: { text: '令牌直接发布的话', speakerName: '某人', article: article } });
    expect(published.status).toBe(400);
    expect(published.body.error.message).toContain('所属稿件尚未通过初审');
    expect(await quoteCount()).toBe(count);
    expect(await stage(article)).toBe('approved');
    expect(await publicAnswer(article)).toEqual(before);

    const res = await api(app)
      .post('/api/speaker-quotes?status=draft')
      .set('Authorization', `Bearer ${fullAccess}`)
      .send({ data: { text: '令牌写的话', speakerName: '某人', article: article } });
    expect(res.status).toBe(201);
    expect(await stage(article)).toBe('first');
    expect(await publicAnswer(article)).toEqual(before);
    const logged = await app.db.query('api::audit.audit-entry').findOne({
      where: { action: 'create', targetUid: QUOTE, targetDocumentId: res.body.data.documentId },
    });
    expect(logged).toMatchObject({ actorKind: 'api-token', actorName: '对接系统' });
  });

  test('a quote moved between articles, from either side: needs the right on both, sends both back', async () => {
    const mine = await publishedArticle('writer', '摘录原属的稿件');
    const quote = await as(tokens.writer).post(`${QUOTES}?locale=zh-Hans`, {
      text: '会被移动的话',
      speakerName: '某人',
      article: { connect: [{ documentId: mine, locale: 'zh-Hans' }] },
    });
    const quoteId = quote.body.data.documentId;
    await forward(mine, 3);
    expect((await publish(mine)).status).toBe(200);
    const theirs = await publishedArticle('writer2', '摘录移入的稿件');
    const [mineBefore, theirsBefore] = [await publicAnswer(mine), await publicAnswer(theirs)];
    expect(mineBefore.data.quotes).toHaveLength(1);

    // The 撰稿 may not move their quote into another writer's article.
    expectRefused(
      await as(tokens.writer).put(`${QUOTES}/${quoteId}?locale=zh-Hans`, {
        article: { connect: [{ documentId: theirs, locale: 'zh-Hans' }], disconnect: [] },
      })
    );
    // Nor may the other writer take it from the article side.
    expectRefused(
      await as(tokens.writer2).put(`${ARTICLES}/${theirs}?locale=zh-Hans`, {
        quotes: { connect: [{ documentId: quoteId, locale: 'zh-Hans' }], disconnect: [] },
      })
    );
    expect((await draftQuotesOf(mine)).map((row) => row.documentId)).toEqual([quoteId]);
    expect([await stage(mine), await stage(theirs)]).toEqual(['approved', 'approved']);

    // 初审 may edit both: the quote moves, both articles go back to 初审.
    const moved = await as(tokens.first).put(`${ARTICLES}/${theirs}?locale=zh-Hans`, {
      quotes: { connect: [{ documentId: quoteId, locale: 'zh-Hans' }], disconnect: [] },
    });
    expect(moved.status).toBe(200);
    expect(await draftQuotesOf(mine)).toEqual([]);
    expect([await stage(mine), await stage(theirs)]).toEqual(['first', 'first']);
    expect((await history(mine)).at(-1).comment).toContain('讲话摘录：移到另一稿件');
    expect([await publicAnswer(mine), await publicAnswer(theirs)]).toEqual([mineBefore, theirsBefore]);
  });

  test('a commended unit edited or linked from its side sends the articles naming it back to 初审', async () => {
    const unit = await app
      .documents(UNIT)
      .create({ locale: 'zh-Hans', data: { name: '温州市龙湾区机关事务管理中心', city: '温州市' } as never });
    const article = await publishedArticle('writer', '提及先进集体的稿件');
    // Linked from the unit's side by 初审.
    const linked = await as(tokens.first).put(`${CM}/${UNIT}/${unit.documentId}?locale=zh-Hans`, {
      articles: { connect: [{ documentId: article, locale: 'zh-Hans' }], disconnect: [] },
    });
    expect(linked.status).toBe(200);
    expect(await stage(article)).toBe('first');
    await forward(article, 3);
    const before = await publicAnswer(article);
    // 撰稿 may not edit commended units at all (the content manager's own 403).
    expect((await as(tokens.writer).put(`${CM}/${UNIT}/${unit.documentId}?locale=zh-Hans`, { name: '改名' })).status).toBe(403);
    const renamed = await as(tokens.first).put(`${CM}/${UNIT}/${unit.documentId}?locale=zh-Hans`, { name: '龙湾区机关事务管理中心' });
    expect(renamed.status).toBe(200);
    expect(await stage(article)).toBe('first');
    expect((await history(article)).at(-1).comment).toContain('先进集体：修改 name');
    expect(await publicAnswer(article)).toEqual(before);
  });
});

describe('publishing the other side of a link changes no published article (review of #27 links)', () => {
  const CHANNEL = 'api::channel.channel';
  /** A commended unit passed by all levels and published, as 终审 would. */
  const approvedUnit = async (name: string) => {
    const unit = await app.documents(UNIT).create({ locale: 'zh-Hans', data: { name, city: '温州市' } as never });
    for (let i = 0; i < 4; i += 1) {
      const view = await as(admin).get(`${CM}/${UNIT}/${unit.documentId}?locale=zh-Hans`);
      const res = await as(admin).post('/admin/newsroom/review/move', {
        uid: UNIT,
        documentId: unit.documentId,
        locale: 'zh-Hans',
        move: 'forward',
        expectedUpdatedAt: view.body.data.updatedAt,
      });
      expect(res.status).toBe(200);
    }
    expect((await as(tokens.final).post(`${CM}/${UNIT}/${unit.documentId}/actions/publish?locale=zh-Hans`)).status).toBe(200);
    return unit.documentId as string;
  };
  const withChannel = async (documentId: string) => {
    const res = await api(app).get(
      `/api/articles/${documentId}?populate[channel][fields][0]=name&populate[commendedUnits][fields][0]=name`
    );
    return { status: res.status, data: res.body.data ?? null };
  };

  test('(A) a full-access token linking an article from a unit’s side and publishing the unit in one REST call: the published article unchanged', async () => {
    const unit = await approvedUnit('令牌关联的先进集体');
    const article = await publishedArticle('writer', '令牌从先进集体一侧关联的稿件');
    const before = await publicAnswer(article);
    expect(before.data.commendedUnits).toEqual([]);
    const res = await api(app)
      .put(`/api/commended-units/${unit}?locale=zh-Hans&status=published`)
      .set('Authorization', `Bearer ${fullAccess}`)
      .send({ data: { articles: { connect: [{ documentId: article }] } } });
    expect(res.status).toBeLessThan(500);
    expect(await publicAnswer(article)).toEqual(before);
    expect(await stage(article)).toBe('first');
  });

  test('(B) a 撰稿 moving their published article to another 栏目 in the draft, then the 栏目 published: readers still see the approved 栏目', async () => {
    const channels: string[] = [];
    for (const [name, slug] of [
      ['通知公告', 'notices-links'],
      ['要闻', 'headlines-links'],
    ]) {
      const channel = await app.documents(CHANNEL).create({ locale: 'zh-Hans', data: { name, slug } as never });
      await app.documents(CHANNEL).publish({ documentId: channel.documentId, locale: 'zh-Hans' });
      channels.push(channel.documentId);
    }
    const article = await publishedArticle('writer', '被移到要闻的稿件', {
      channel: { connect: [{ documentId: channels[0], locale: 'zh-Hans' }] },
    });
    const before = await withChannel(article);
    expect(before.data.channel.name).toBe('通知公告');
    const moved = await as(tokens.writer).put(`${ARTICLES}/${article}?locale=zh-Hans`, {
      channel: { connect: [{ documentId: channels[1], locale: 'zh-Hans' }], disconnect: [] },
    });
    expect(moved.status).toBe(200);
    expect(await stage(article)).toBe('first');
    // Someone publishes 要闻 for another reason (its description).
    const published = await as(admin).post(`${CM}/${CHANNEL}/${channels[1]}/actions/publish?locale=zh-Hans`, {
      name: '要闻',
      description: '本地要闻',
    });
    expect(published.status).toBe(200);
    expect(await withChannel(article)).toEqual(before);
    const list = await api(app).get(`/api/articles?filters[channel][documentId][$eq]=${channels[1]}`);
    expect(list.body.data.map((entry: Json) => entry.documentId)).not.toContain(article);
    // Once 终审 publishes the move, readers see it.
    await forward(article, 3);
    expect((await publish(article)).status).toBe(200);
    expect((await withChannel(article)).data.channel.name).toBe('要闻');
  });

  test('(C) 初审 linking a unit to a published article from the unit’s side, then the unit published: the article unchanged until 终审 publishes it', async () => {
    const unit = await approvedUnit('初审关联的先进集体');
    const article = await publishedArticle('writer', '初审从先进集体一侧关联的稿件');
    const before = await publicAnswer(article);
    const linked = await as(tokens.first).put(`${CM}/${UNIT}/${unit}?locale=zh-Hans`, {
      articles: { connect: [{ documentId: article, locale: 'zh-Hans' }], disconnect: [] },
    });
    expect(linked.status).toBe(200);
    expect(await stage(article)).toBe('first');
    expect((await as(tokens.final).post(`${CM}/${UNIT}/${unit}/actions/publish?locale=zh-Hans`)).status).toBe(200);
    expect(await publicAnswer(article)).toEqual(before);
    await forward(article, 3);
    expect((await publish(article)).status).toBe(200);
    expect((await publicAnswer(article)).data.commendedUnits.map((entry: Json) => entry.name)).toEqual(['初审关联的先进集体']);
  });
});

describe('scheduling is publishing (finding 3)', () => {
  const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

  test('a 撰稿 setting 定时发布 or 到期下线 (update or create): 403, nothing saved; saving the form unchanged is fine', async () => {
    const own = await publishedArticle('writer', '撰稿想定时的稿件');
    const before = await publicAnswer(own);
    expectRefused(await as(tokens.writer).put(`${ARTICLES}/${own}?locale=zh-Hans`, { unpublishAt: inMs(3_600_000) }), /定时发布/);
    expectRefused(await as(tokens.writer).put(`${ARTICLES}/${own}?locale=zh-Hans`, { publishAt: inMs(3_600_000) }), /定时发布/);
    const count = await app.db.query(ARTICLE).count({});
    expectRefused(
      await as(tokens.writer).post(`${ARTICLES}?locale=zh-Hans`, { title: '新建即定时', source: '办公室', publishAt: inMs(3_600_000) }),
      /定时发布/
    );
    expect(await app.db.query(ARTICLE).count({})).toBe(count);
    const row = await app.db.query(ARTICLE).findOne({ where: { documentId: own, locale: 'zh-Hans', publishedAt: null } });
    expect(row).toMatchObject({ publishAt: null, unpublishAt: null, scheduledBy: null });
    // The form sends the (empty) times back with every save.
    expect((await as(tokens.writer).put(`${ARTICLES}/${own}?locale=zh-Hans`, { publishAt: null, unpublishAt: null })).status).toBe(200);
    expect(await publicAnswer(own)).toEqual(before);
  });

  test('终审 schedules: the job runs in 终审’s name, named in the 操作日志; a client cannot forge who scheduled', async () => {
    const created = await as(tokens.writer).post(`${ARTICLES}?locale=zh-Hans`, { title: '终审定时发布的稿件', source: '办公室' });
    const documentId = created.body.data.documentId;
    await forward(documentId, 4);
    const set = await as(tokens.final).put(`${ARTICLES}/${documentId}?locale=zh-Hans`, {
      publishAt: inMs(1500),
      scheduledBy: { kind: 'admin', id: userIds.writer, name: '伪造' },
    });
    expect(set.status).toBe(200);
    const row = await app.db.query(ARTICLE).findOne({ where: { documentId, locale: 'zh-Hans', publishedAt: null } });
    expect(row.scheduledBy).toEqual({ kind: 'admin', id: userIds.final, name: '终审 编辑' });
    expect((await publicAnswer(documentId)).status).toBe(404);
    await waitFor(async () => (await publicAnswer(documentId)).status === 200, 15_000, 100);
    const logged = await app.db.query('api::audit.audit-entry').findOne({ where: { action: 'publish', targetDocumentId: documentId } });
    expect(logged).toMatchObject({ actorKind: 'admin', actorId: userIds.final, actorName: '终审 编辑（定时发布）' });
  });
});

describe('a job whose setter may no longer publish (attacker review)', () => {
  const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
  /** A second 终审 who schedules, then is blocked or moved to 撰稿. */
  const finalEditor = (key: string) =>
    editorWithRole(app, '终审', {
      email: `side-doors-${key}@example.gov.cn`,
      firstname: key,
      lastname: '终审',
      password: 'Review-Passw0rd',
    });
  const scheduledBy = async (token: string, title: string) => {
    const created = await as(tokens.writer).post(`${ARTICLES}?locale=zh-Hans`, { title, source: '办公室' });
    const documentId = created.body.data.documentId as string;
    await forward(documentId, 4);
    expect((await as(token).put(`${ARTICLES}/${documentId}?locale=zh-Hans`, { publishAt: inMs(3_600_000) })).status).toBe(200);
    return documentId;
  };
  const draftRow = (documentId: string) =>
    app.db.query(ARTICLE).findOne({ where: { documentId, locale: 'zh-Hans', publishedAt: null } }) as Promise<Json>;

  test('终审 blocked, or moved to 撰稿, after setting 定时发布: not published, the reason shown; a setter who still may: published', async () => {
    const blocked = await finalEditor('blocked-final');
    const demoted = await finalEditor('demoted-final');
    const kept = await finalEditor('kept-final');
    // Set an hour ahead: nothing runs before the accounts change.
    const first = await scheduledBy(blocked.token, '终审被停用后的定时稿件');
    const second = await scheduledBy(demoted.token, '终审改任撰稿后的定时稿件');
    const third = await scheduledBy(kept.token, '终审仍在任的定时稿件');
    expect(await app.db.query(ARTICLE).findOne({ where: { documentId: first, publishedAt: null } })).toMatchObject({
      scheduledBy: { kind: 'admin', id: blocked.id },
    });

    // Blocked (as the account locks do), and moved to 撰稿 instead of 终审 in 设置 → 用户.
    const writerRole = await app.db.query('admin::role').findOne({ where: { name: '撰稿' } });
    await app.db.query('admin::user').update({ where: { id: blocked.id }, data: { blocked: true } });
    const moved = await as(admin).put(`/admin/users/${demoted.id}`, { roles: [writerRole.id] });
    expect(moved.status).toBe(200);
    // Then the time comes (moved in the row: a save would name a new setter).
    for (const documentId of [first, second, third]) {
      await app.db.query(ARTICLE).update({ where: { documentId, locale: 'zh-Hans', publishedAt: null }, data: { publishAt: new Date() } });
    }

    await waitFor(async () => (await publicAnswer(third)).status === 200, 15_000, 100);
    await waitFor(async () => Boolean((await draftRow(first)).scheduleError && (await draftRow(second)).scheduleError), 15_000, 100);
    for (const documentId of [first, second]) {
      expect((await publicAnswer(documentId)).status).toBe(404);
      const row = await draftRow(documentId);
      expect(row.scheduleError).toContain('设置定时发布的用户已无发布权限，请重新设置');
      expect(await app.db.query('api::audit.audit-entry').count({ where: { action: 'publish', targetDocumentId: documentId } })).toBe(0);
    }
    // The editors see why in the content manager.
    const view = await as(admin).get(`${ARTICLES}/${first}?locale=zh-Hans`);
    expect(view.body.data.scheduleError).toContain('已无发布权限');
    // Not retried: later looks for due jobs run nothing for it, and it is still unpublished.
    expect(await jobsRunFor(app, first, { looks: 4 })).toEqual([]);
    expect((await publicAnswer(first)).status).toBe(404);
  });
});

describe('clone (finding 4)', () => {
  const clone = (token: string, documentId: string, body: object = {}) =>
    as(token).post(`${ARTICLES}/clone/${documentId}?locale=zh-Hans`, { locale: 'zh-Hans', ...body });

  test('a 撰稿 cloning another writer’s draft they cannot read: 403, nothing returned or written', async () => {
    const theirs = await as(tokens.writer2).post(`${ARTICLES}?locale=zh-Hans`, { title: '他人的机密草稿', source: '办公室' });
    expect((await as(tokens.writer).get(`${ARTICLES}/${theirs.body.data.documentId}?locale=zh-Hans`)).status).toBe(403);
    const count = await app.db.query(ARTICLE).count({});
    const res = await clone(tokens.writer, theirs.body.data.documentId, { title: '他人的机密草稿' });
    expectRefused(res, /不能复制/);
    expect(JSON.stringify(res.body)).not.toContain('机密');
    expect(await app.db.query(ARTICLE).count({})).toBe(count);
  });

  test('cloning keeps the source’s quotes: the copy gets its own new drafts, starts at 草稿, and is logged', async () => {
    const source = await publishedArticle('writer', '带两条摘录的稿件');
    for (const text of ['第一句', '第二句']) {
      await as(tokens.writer).post(`${QUOTES}?locale=zh-Hans`, {
        text,
        speakerName: '某人',
        article: { connect: [{ documentId: source, locale: 'zh-Hans' }] },
      });
    }
    await forward(source, 3);
    expect((await publish(source)).status).toBe(200);
    const before = await publicAnswer(source);
    const sourceQuotes = (await draftQuotesOf(source)).map((quote) => quote.documentId).sort();
    expect(sourceQuotes).toHaveLength(2);

    const res = await clone(tokens.writer, source, { title: '带两条摘录的稿件（副本）', slug: 'copy-with-quotes' });
    expect([200, 201]).toContain(res.status);
    const copy = res.body.data.documentId as string;
    expect((await draftQuotesOf(source)).map((quote) => quote.documentId).sort()).toEqual(sourceQuotes);
    const copied = await draftQuotesOf(copy);
    expect(copied.map((quote) => quote.text).sort()).toEqual(['第一句', '第二句']);
    for (const quote of copied) expect(sourceQuotes).not.toContain(quote.documentId);
    // The copies are the cloner's: the 撰稿 sees them in their list.
    const list = await as(tokens.writer).get(`${QUOTES}?locale=zh-Hans&page=1&pageSize=100`);
    expect(list.body.results.map((quote: Json) => quote.documentId)).toEqual(expect.arrayContaining(copied.map((q) => q.documentId)));
    expect(await stage(source)).toBe('approved');
    expect(await stage(copy)).toBe('draft');
    expect(await publicAnswer(source)).toEqual(before);
    expect((await publicAnswer(copy)).status).toBe(404);
    const logged = await app.db.query('api::audit.audit-entry').findOne({ where: { action: 'clone', targetDocumentId: copy } });
    expect(logged).toMatchObject({ actorId: userIds.writer, changes: { clonedFrom: { after: source } } });
  });
});

describe('识别引语 (finding 9)', () => {
  test('accepted quotes are created by the accepting 撰稿, appear in their list, and the article’s field names them', async () => {
    const created = await as(tokens.writer).post(`${ARTICLES}?locale=zh-Hans`, { title: '识别引语的稿件', source: '办公室' });
    const documentId = created.body.data.documentId;
    const accepted = await as(tokens.writer).post('/admin/newsroom/quotes/accept', {
      documentId,
      locale: 'zh-Hans',
      quotes: [
        { text: '要把机关事务工作做实做细', speakerName: '谢小云', speakerPosition: '局长', speakerOrganization: '省机关事务管理局' },
      ],
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data.created).toBe(1);
    const [quote] = await draftQuotesOf(documentId);
    const row = await app.db
      .query(QUOTE)
      .findOne({ where: { documentId: quote.documentId, publishedAt: null }, populate: ['createdBy', 'updatedBy'] });
    expect(row.createdBy.id).toBe(userIds.writer);
    expect(row.updatedBy.id).toBe(userIds.writer);
    const list = await as(tokens.writer).get(`${QUOTES}?locale=zh-Hans&page=1&pageSize=100`);
    expect(list.body.results.map((entry: Json) => entry.documentId)).toContain(quote.documentId);
    const relation = await as(tokens.writer).get(`/content-manager/relations/${ARTICLE}/${documentId}/quotes?locale=zh-Hans`);
    expect(relation.status).toBe(200);
    expect(relation.body.results[0]).toMatchObject({ documentId: quote.documentId, speakerName: '谢小云' });
  });
});

describe('fields all locales share (cover, attachments, 信息公开, 原网站点击率)', () => {
  let fileCount = 0;
  /** A file row of the writer's (the media library's rules are media-side-doors' subject). */
  const aFile = async () => {
    fileCount += 1;
    const name = `shared-${fileCount}.png`;
    const file = await app.db.query('plugin::upload.file').create({
      data: { name, hash: `shared_${fileCount}`, ext: '.png', mime: 'image/png', size: 1, url: `/uploads/${name}`, provider: 'local' },
    });
    return file.id as number;
  };
  const coverOf = async (documentId: string, locale: string, published = false) =>
    (
      (await app.db.query(ARTICLE).findOne({
        where: { documentId, locale, publishedAt: published ? { $notNull: true } : null },
        populate: { cover: { select: ['id'] } },
      })) as Json | null
    )?.cover?.id ?? null;

  test('撰稿 creating an en version of another writer’s approved article with their cover: 403, nothing written, zh-Hans unchanged', async () => {
    const theirs = await publishedArticle('writer2', '他人的稿件（封面）');
    const before = await publicAnswer(theirs);
    const res = await as(tokens.writer).put(`${ARTICLES}/${theirs}?locale=en`, { title: 'x', cover: await aFile() });
    expectRefused(res);
    expect(res.body.error.message).toContain('封面图');
    expect(await coverOf(theirs, 'zh-Hans')).toBeNull();
    expect(await app.db.query(ARTICLE).count({ where: { documentId: theirs, locale: 'en' } })).toBe(0);
    expect(await stage(theirs)).toBe('approved');
    expect(await publicAnswer(theirs)).toEqual(before);
  });

  test('a new locale sent with the shared values as they are is fine; changing the en cover of their own article sends zh-Hans back to 初审', async () => {
    const file = await aFile();
    const own = await publishedArticle('writer', '自己的双语稿件', { cover: file, legacyClickCount: 5 });
    const before = await publicAnswer(own);
    // As the content manager's form does: the copied shared values come with the new version.
    const view = await as(tokens.writer).get(`${ARTICLES}/${own}?locale=zh-Hans`);
    const created = await as(tokens.writer).put(`${ARTICLES}/${own}?locale=en`, {
      title: 'Own bilingual article',
      cover: view.body.data.cover,
      attachments: view.body.data.attachments,
      disclosure: view.body.data.disclosure,
      legacyClickCount: view.body.data.legacyClickCount,
      publishDate: view.body.data.publishDate,
    });
    expect(created.status).toBe(200);
    expect(await stage(own)).toBe('approved');

    const other = await aFile();
    const changed = await as(tokens.writer).put(`${ARTICLES}/${own}?locale=en`, { cover: other });
    expect(changed.status).toBe(200);
    expect(await coverOf(own, 'zh-Hans')).toBe(other);
    expect(await stage(own)).toBe('first');
    expect((await history(own)).at(-1)).toMatchObject({ from: 'approved', to: 'first', system: true });
    expect((await history(own)).at(-1).comment).toContain('封面图');
    expect(await publicAnswer(own)).toEqual(before);
    expect(await coverOf(own, 'zh-Hans', true)).toBe(file);
  });

  test('终审 changing a shared value sends both locales back; readers see nothing new until publish', async () => {
    const own = await publishedArticle('writer', '终审修改的双语稿件');
    const en = await as(tokens.writer).put(`${ARTICLES}/${own}?locale=en`, { title: 'Reviewed in both' });
    expect(en.status).toBe(200);
    await forward(own, 4, 'en');
    expect((await as(tokens.final).post(`${ARTICLES}/${own}/actions/publish?locale=en`)).status).toBe(200);
    const before = await publicAnswer(own);
    const res = await as(tokens.final).put(`${ARTICLES}/${own}?locale=zh-Hans`, { legacyClickCount: 9999 });
    expect(res.status).toBe(200);
    expect([await stage(own), await stage(own, 'en')]).toEqual(['first', 'first']);
    expect(await publicAnswer(own)).toEqual(before);
    // Publishing one version would change the other's published count: not before it passes again.
    await forward(own, 3);
    const early = await publish(own);
    expect([early.status, early.body.error?.name]).toEqual([400, 'ValidationError']);
    expect(early.body.error.message).toContain('en 版本');
    expect(await publicAnswer(own)).toEqual(before);
    await forward(own, 3, 'en');
    expect((await publish(own)).status).toBe(200);
  });
});

describe('a quote’s other reader-visible parts', () => {
  const ownWithQuote = async (title: string) => {
    const own = await publishedArticle('writer', title);
    const quote = await as(tokens.writer).post(`${QUOTES}?locale=zh-Hans`, {
      text: '一句话',
      speakerName: '某人',
      order: 1,
      article: { connect: [{ documentId: own, locale: 'zh-Hans' }] },
    });
    expect(quote.status).toBe(201);
    await forward(own, 3);
    expect((await publish(own)).status).toBe(200);
    expect(await stage(own)).toBe('approved');
    return { own, quote: quote.body.data.documentId as string };
  };

  test('撰稿 changing the order of a quote of their approved article: back to 初审', async () => {
    const { own, quote } = await ownWithQuote('摘录顺序的稿件');
    expect((await as(tokens.writer).put(`${QUOTES}/${quote}?locale=zh-Hans`, { order: 2 })).status).toBe(200);
    expect(await stage(own)).toBe('first');
  });

  test('撰稿 naming a commended individual with a quote of their approved article: back to 初审', async () => {
    const { own, quote } = await ownWithQuote('摘录先进个人的稿件');
    const person = await app
      .documents('api::commended-individual.commended-individual')
      .create({ locale: 'zh-Hans', data: { name: '张三' } as never });
    const res = await as(tokens.writer).put(`${QUOTES}/${quote}?locale=zh-Hans`, {
      commendedIndividual: { connect: [{ documentId: person.documentId, locale: 'zh-Hans' }], disconnect: [] },
    });
    expect(res.status).toBe(200);
    expect(await stage(own)).toBe('first');
  });

  test('a clone may not take a quote from another writer’s article', async () => {
    const { own: theirs, quote } = await ownWithQuote('被复制夺走摘录的稿件');
    // Written by 撰稿甲 above; 撰稿乙 tries to take it with a clone of their own article.
    const mine = await as(tokens.writer2).post(`${ARTICLES}?locale=zh-Hans`, { title: '撰稿乙的稿件', source: '办公室' });
    const res = await as(tokens.writer2).post(`${ARTICLES}/clone/${mine.body.data.documentId}?locale=zh-Hans`, {
      locale: 'zh-Hans',
      title: '撰稿乙的副本',
      quotes: { connect: [{ documentId: quote, locale: 'zh-Hans' }], disconnect: [] },
    });
    expectRefused(res);
    expect((await draftQuotesOf(theirs)).map((row) => row.documentId)).toEqual([quote]);
    expect(await stage(theirs)).toBe('approved');
  });
});
