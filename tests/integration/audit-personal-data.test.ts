// The 操作日志 keeps personal data masked (#27, finding 7): an ID, a mobile and a bank card
// number typed into an article through the content manager, then masked with 一键遮盖
// and by hand, never appear unmasked in what an administrator reads (GET
// /admin/newsroom/audit and audit.csv) nor in the stored rows, and the entries say that a
// number changed; entries written before this release are masked by the migration path
// (the migration queues it, the next start masks them) on SQLite and PostgreSQL.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, BROWSER, type Json } from '../helpers/http';
import { adminToken } from '../helpers/admin';

let app: App;
let admin: string;
let channelId: string;

const AUDIT = 'api::audit.audit-entry';
const ARTICLE = 'api::article.article';
const ARTICLES = '/content-manager/collection-types/api::article.article';
const ADMIN_EMAIL = 'audit-privacy@example.gov.cn';
const ADMIN_PASSWORD = 'Admin-Passw0rd';
const MIGRATION = '2026.12.05T00.00.00.queue-audit-masking.js';

// A valid 18-digit ID (GB 11643 check digit), a mobile and a valid-Luhn card number.
const ID = '11010519491231002X';
const ID_MASKED = '110***********002X';
const MOBILE = '13812345678';
const MOBILE_MASKED = '138****5678';
const CARD = '6222021234567894';
const CARD_MASKED = '6222********7894';
/** The numbers, or a run of their digits long enough to identify someone (an excerpt cut inside one). */
const UNMASKED = /11010519491231|1101051949|0519491231|1234567|021234567|2345678/;

const as = (token: string) => ({
  post: (url: string, body: object = {}) =>
    api(app).post(url).set('Authorization', `Bearer ${token}`).set('User-Agent', BROWSER).send(body),
  put: (url: string, body: object = {}) => api(app).put(url).set('Authorization', `Bearer ${token}`).set('User-Agent', BROWSER).send(body),
  get: (url: string) => api(app).get(url).set('Authorization', `Bearer ${token}`).set('User-Agent', BROWSER),
});
const paragraph = (...texts: string[]) => ({ type: 'paragraph', children: texts.map((text) => ({ type: 'text', text })) });
const FILLER = '全省机关事务系统深入学习贯彻会议精神，'.repeat(12);

/** The admin API's entries of a document and its CSV export, as an administrator reads them. */
const readLog = async (documentId: string) => {
  const json = await as(admin).get(`/admin/newsroom/audit?targetDocumentId=${documentId}&pageSize=100`);
  expect(json.status).toBe(200);
  expect(json.type).toBe('application/json');
  const csv = await as(admin).get(`/admin/newsroom/audit.csv?targetDocumentId=${documentId}`).buffer(true);
  expect(csv.status).toBe(200);
  expect(csv.headers['content-type']).toMatch(/^text\/csv/);
  return { entries: json.body.data as Json[], json: JSON.stringify(json.body), csv: csv.text as string };
};
const storedRows = async (documentId: string) =>
  JSON.stringify(await app.db.connection('audit_entries').where('target_document_id', documentId).select('*'));

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false', PUBLISH_CHECKS: 'true' });
  admin = await adminToken(app, ADMIN_EMAIL, ADMIN_PASSWORD);
  channelId = (await app.documents('api::channel.channel').create({ locale: 'zh-Hans', data: { name: '工作动态' }, status: 'published' }))
    .documentId;
});
afterAll(async () => {
  await stopApp(app);
});

let documentId: string;

test('numbers typed into an article, then masked, are never readable in the log, which says a number changed', async () => {
  // Typed: a mobile in the title, an ID and a mobile in a long body (the ID where an
  // excerpt's window would have cut it), a bank card in the summary.
  const created = await as(admin).post(`${ARTICLES}?locale=zh-Hans`, {
    title: `寻找失主 联系电话${MOBILE}`,
    // Given: a slug made from this title would carry the number (the publish checks' concern, not the log's).
    slug: 'xun-zhao-shi-zhu',
    source: '办公室',
    channel: { connect: [{ documentId: channelId, locale: 'zh-Hans' }] },
    body: [paragraph(FILLER), paragraph(`身份证号${ID}，联系电话${MOBILE}。`), paragraph(FILLER)],
  });
  expect(created.status).toBeLessThan(300);
  documentId = created.body.data.documentId;
  const typed = await as(admin).put(`${ARTICLES}/${documentId}?locale=zh-Hans`, {
    summary: `退款至卡号${CARD}`,
    body: [paragraph(FILLER), paragraph(`身份证号${ID}，联系电话${MOBILE}。补充`), paragraph(FILLER)],
  });
  expect(typed.status).toBe(200);

  // Masked: 一键遮盖 for each number the checks find, and the title and summary by hand.
  const check = await as(admin).post('/admin/newsroom/inspection/check', { uid: ARTICLE, documentId, locale: 'zh-Hans' });
  const personal = (check.body.data.findings as Json[]).filter((finding) =>
    ['id-number', 'mobile-number', 'bank-card'].includes(finding.rule)
  );
  expect(personal.map((finding) => `${finding.field}:${finding.rule}`).sort()).toEqual([
    'body:id-number',
    'body:mobile-number',
    'summary:bank-card',
    'title:mobile-number',
  ]);
  for (const finding of personal.filter((f) => f.field === 'body')) {
    const fixed = await as(admin).post('/admin/newsroom/inspection/fix', {
      uid: ARTICLE,
      documentId,
      locale: 'zh-Hans',
      findingId: finding.id,
    });
    expect(fixed.status).toBe(200);
  }
  const byHand = await as(admin).put(`${ARTICLES}/${documentId}?locale=zh-Hans`, {
    title: `寻找失主 联系电话${MOBILE_MASKED}`,
    summary: `退款至卡号${CARD_MASKED}`,
  });
  expect(byHand.status).toBe(200);
  const stored = await app.documents(ARTICLE).findOne({ documentId, locale: 'zh-Hans' });
  expect(JSON.stringify(stored)).not.toMatch(UNMASKED);

  const { entries, json, csv } = await readLog(documentId);
  expect(entries.map((entry) => entry.action)).toEqual(['update', 'update', 'update', 'update', 'create']);
  // Never unmasked: the admin API, the CSV export, the stored rows.
  expect(json).not.toMatch(UNMASKED);
  expect(csv).not.toMatch(UNMASKED);
  expect(await storedRows(documentId)).not.toMatch(UNMASKED);
  // Shown masked, and each change that held a number says which kind it was.
  for (const masked of [ID_MASKED, MOBILE_MASKED, CARD_MASKED]) {
    expect(json).toContain(masked);
    expect(csv).toContain(masked);
  }
  const [handEdit, ...rest] = entries;
  const create = entries[entries.length - 1];
  expect(create.targetTitle).toBe(`寻找失主 联系电话${MOBILE_MASKED}`);
  expect(create.changes.title).toEqual({ before: null, after: `寻找失主 联系电话${MOBILE_MASKED}`, masked: ['mobile-number'] });
  expect(create.changes.body.masked).toEqual(['id-number', 'mobile-number']);
  // The hand edit: before and after read alike once masked, and the log still says the number changed.
  expect(handEdit.changes.title).toEqual({
    before: `寻找失主 联系电话${MOBILE_MASKED}`,
    after: `寻找失主 联系电话${MOBILE_MASKED}`,
    masked: ['mobile-number'],
  });
  expect(handEdit.changes.summary).toEqual({
    before: `退款至卡号${CARD_MASKED}`,
    after: `退款至卡号${CARD_MASKED}`,
    masked: ['bank-card'],
  });
  // The one-click fixes: the body's excerpt shows the number masked, where it changed.
  const fixes = rest.slice(0, 2);
  expect(fixes.map((entry) => entry.changes.body.masked)).toEqual([expect.any(Array), expect.any(Array)]);
  expect(fixes.map((entry) => entry.changes.body.after.excerpt).join('\n')).toContain(MOBILE_MASKED);
});

test('entries written before this release are masked by the migration path at the next start', async () => {
  // An entry as the previous release wrote it: numbers in its title, excerpts and a comment.
  const old = (await app.db.query(AUDIT).create({
    data: {
      action: 'update',
      at: new Date('2026-11-01T08:00:00.000Z'),
      targetUid: ARTICLE,
      targetDocumentId: 'oldstyleoldstyleoldstyle',
      targetLocale: 'zh-Hans',
      targetTitle: `寻找失主 联系电话${MOBILE}`,
      changes: {
        body: {
          before: { length: 40, offset: 0, excerpt: `身份证号${ID}` },
          after: { length: 40, offset: 0, excerpt: `身份证号${ID_MASKED}` },
        },
        summary: { before: `退款至卡号${CARD}`, after: null },
        comment: { after: `请回电 ${MOBILE}` },
      },
      actorKind: 'admin',
      actorName: 'Test Admin',
      actorEmail: ADMIN_EMAIL,
    } as never,
  })) as { id: number };
  expect(await storedRows('oldstyleoldstyleoldstyle')).toMatch(UNMASKED);
  const written = await readLog(documentId);

  // The database as the previous release left it: the migration not yet run.
  const knex = app.db.connection;
  await knex('newsroom_schema_versions').where({ name: MIGRATION }).delete();
  await knex('strapi_migrations').where({ name: MIGRATION }).delete();
  await knex.schema.dropTableIfExists('newsroom_start_tasks');

  await stopApp(app, { keepDatabase: true });
  app = await startApp({ SEED_DEMO: 'false', PUBLISH_CHECKS: 'true' }, { keepDatabase: true });
  const login = await api(app).post('/admin/login').send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  admin = login.body.data.token;

  const { entries, json, csv } = await readLog('oldstyleoldstyleoldstyle');
  expect(entries.map((entry) => entry.id)).toEqual([old.id]);
  expect(json).not.toMatch(UNMASKED);
  expect(csv).not.toMatch(UNMASKED);
  expect(await storedRows('oldstyleoldstyleoldstyle')).not.toMatch(UNMASKED);
  expect(entries[0]).toMatchObject({
    targetTitle: `寻找失主 联系电话${MOBILE_MASKED}`,
    actorName: 'Test Admin',
    changes: {
      body: { before: { excerpt: `身份证号${ID_MASKED}` }, after: { excerpt: `身份证号${ID_MASKED}` }, masked: ['id-number'] },
      summary: { before: `退款至卡号${CARD_MASKED}`, after: null, masked: ['bank-card'] },
      comment: { after: `请回电 ${MOBILE_MASKED}`, masked: ['mobile-number'] },
    },
  });
  // Run once: recorded, nothing left queued; entries already masked are unchanged.
  expect(Number((await app.db.connection('newsroom_schema_versions').where({ name: MIGRATION }).count({ n: '*' }))[0].n)).toBe(1);
  expect(await app.db.connection('newsroom_start_tasks').select('*')).toEqual([]);
  const again = await readLog(documentId);
  expect(again.entries).toEqual(written.entries);
});
