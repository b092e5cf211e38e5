// The editor's path through the real content-manager API with a rebuild target that an
// administrator added in the admin panel: publishing answers at once (it used to hang
// 60 s on SQLite's one connection), readers are served meanwhile, and each burst of
// publishing, of any type, reaches the receiver as one signed delivery.
import crypto from 'crypto';
import { Webhook } from 'standardwebhooks';
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api, BROWSER } from '../helpers/http';
import { adminToken } from '../helpers/admin';
import { Receiver } from '../helpers/receiver';
import { waitFor } from '../helpers/wait';
import { waitForRebuildSettled } from '../helpers/rebuild';

const SECRET = `whsec_${crypto.randomBytes(32).toString('base64')}`;
// A quiet time well above one admin-panel publish, even on a loaded CI machine with PostgreSQL.
const DEBOUNCE = 1500;
const CM = '/content-manager/collection-types';
const TARGET = 'api::rebuild.rebuild-target';
const DELIVERY = 'api::rebuild.rebuild-delivery';

type Change = { uid: string; documentId: string; locale: string | null; action: string; slug: string | null };

let app: App;
let token: string;
let receiver: Receiver;
let targetId: string;
const env = { REBUILD_DEBOUNCE_MS: String(DEBOUNCE), REBUILD_POLL_MS: '50', REBUILD_MAX_WAIT_MS: '20000' };

const admin = () => ({
  get: (path: string) => api(app).get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string, body: object = {}) => api(app).post(path).set('Authorization', `Bearer ${token}`).send(body),
  put: (path: string, body: object) => api(app).put(path).set('Authorization', `Bearer ${token}`).send(body),
  del: (path: string) => api(app).delete(path).set('Authorization', `Bearer ${token}`),
});

/** Creates a draft and publishes it the way the edit view's buttons do; returns the publish's time. */
const createAndPublish = async (uid: string, data: object, locale: string | null = 'zh-Hans') => {
  const query = locale ? `?locale=${locale}` : '';
  const created = await admin().post(`${CM}/${uid}${query}`, data);
  expect([created.status, created.body.error]).toEqual([201, undefined]);
  const started = Date.now();
  const published = await admin().post(`${CM}/${uid}/${created.body.data.documentId}/actions/publish${query}`);
  expect([published.status, published.body.error]).toEqual([200, undefined]);
  return { documentId: created.body.data.documentId as string, ms: Date.now() - started };
};

/** Waits until no change is pending and no delivery is due or under way. */
const settled = () => waitForRebuildSettled(app.db.connection);
/** Waits until the trigger has settled, then forgets what was received. */
const quiet = async () => {
  await settled();
  receiver.requests.length = 0;
};

const verified = (index: number) => {
  const request = receiver.requests[index];
  return new Webhook(SECRET).verify(request.body, request.headers as Record<string, string>) as { changes: Change[] };
};

beforeAll(async () => {
  receiver = await new Receiver().start();
  app = await startApp(env);
  token = await adminToken(app, 'publisher@example.gov.cn');
});
afterAll(async () => {
  await stopApp(app);
  await receiver.down();
  for (const name of Object.keys(env)) delete process.env[name];
});

describe('a rebuild target added in the admin panel', () => {
  test('a malformed secret is refused with a message that says what a secret looks like', async () => {
    const res = await admin().post(`${CM}/${TARGET}`, { name: '门户网站', url: receiver.url, secret: 'not-a-secret', enabled: true });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('whsec_');
    expect(res.body.error.message).toMatch(/Base64|base64/);
    const badUrl = await admin().post(`${CM}/${TARGET}`, { name: '门户网站', url: 'javascript:alert(1)', secret: SECRET, enabled: true });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.message).toContain('http');
    expect(await app.db.query(TARGET).count()).toBe(0);
  });

  test('is saved, and its secret is never shown again: the edit view gets a mask, saving the mask keeps the secret', async () => {
    const created = await admin().post(`${CM}/${TARGET}`, { name: '门户网站', url: receiver.url, secret: SECRET, enabled: true });
    expect(created.status).toBe(201);
    targetId = created.body.data.documentId;
    expect(JSON.stringify(created.body)).not.toContain(SECRET);
    const shown = await admin().get(`${CM}/${TARGET}/${targetId}`);
    expect(shown.status).toBe(200);
    expect(shown.body.data.secret).toMatch(/^whsec_•+/);
    expect(shown.body.data.secret.endsWith(SECRET.slice(-4))).toBe(true);
    const list = await admin().get(`${CM}/${TARGET}`);
    expect(JSON.stringify(list.body)).not.toContain(SECRET);

    // The edit view sends back everything it shows, the masked secret included.
    const saved = await admin().put(`${CM}/${TARGET}/${targetId}`, { ...shown.body.data, name: '门户网站（主站）' });
    expect([saved.status, saved.body.error]).toEqual([200, undefined]);
    const stored = await app.db.query(TARGET).findOne({ where: { documentId: targetId } });
    expect(stored).toMatchObject({ name: '门户网站（主站）', secret: SECRET });

    const replacement = `whsec_${crypto.randomBytes(32).toString('base64')}`;
    await admin().put(`${CM}/${TARGET}/${targetId}`, { secret: replacement });
    expect((await app.db.query(TARGET).findOne({ where: { documentId: targetId } }))?.secret).toBe(replacement);
    await admin().put(`${CM}/${TARGET}/${targetId}`, { secret: SECRET });
    expect((await app.db.query(TARGET).findOne({ where: { documentId: targetId } }))?.secret).toBe(SECRET);
  });
});

describe('publishing in the admin panel with that target', () => {
  test('publish answers at once, and a reader served meanwhile answers within a second', async () => {
    const [seeded] = await app.documents('api::article.article').findMany({ status: 'published', limit: 1 });
    const stored = async () =>
      Number((await app.db.connection('article_clicks').where('document_id', seeded.documentId).sum({ n: 'count' }))[0].n ?? 0);
    const clicksBefore = await stored();
    const reads: number[] = [];
    let counted = 0;
    let publishing = true;
    const reader = (async () => {
      for (let i = 0; publishing; i += 1) {
        const started = Date.now();
        const res = await api(app).get('/api/channels').set('User-Agent', BROWSER);
        expect(res.status).toBe(200);
        reads.push(Date.now() - started);
        // Clicks are flushed on their own timer, also while a publish holds the connection.
        const click = await api(app).post(`/api/articles/${seeded.documentId}/clicks`).set('User-Agent', `${BROWSER} r${i}`);
        expect(click.status).toBe(202);
        if (click.body.data.counted) counted += 1;
      }
    })();
    // One burst whatever the load: a quiet time longer than any gap between publishes.
    app.config.set('rebuild.debounceMs', 6000);
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) times.push((await createAndPublish('api::article.article', { title: `后台发布 ${i}` })).ms);
    publishing = false;
    await reader;
    // A publish that waited for a second connection took 60 s and failed to record.
    expect(Math.max(...times)).toBeLessThan(5000);
    expect(reads.length).toBeGreaterThan(0);
    // The hang made every read wait ~58 s. Reads queue behind a publish's transaction on
    // SQLite's one connection, so on a loaded CI machine one may take a little over a
    // second: the median is held to 1 s, the slowest to 5 s.
    reads.sort((a, b) => a - b);
    expect(reads[Math.floor(reads.length / 2)]).toBeLessThan(1000);
    expect(reads[reads.length - 1]).toBeLessThan(5000);
    expect(counted).toBeGreaterThan(0);
    await waitFor(async () => (await stored()) === clicksBefore + counted, 5000);
    await waitFor(() => receiver.requests.length >= 1, 30_000);
    app.config.set('rebuild.debounceMs', DEBOUNCE);
    await settled();
    expect(receiver.requests).toHaveLength(1);
    expect(verified(0).changes.map((change) => change.action)).toEqual(['publish', 'publish', 'publish']);
  });

  test('a burst of publishing across every readable type gives exactly one signed delivery', async () => {
    await quiet();
    // Six admin-panel publishes take several seconds on a loaded machine: a quiet time
    // longer than any gap between them keeps them one burst.
    app.config.set('rebuild.debounceMs', 6000);
    const channel = await createAndPublish('api::channel.channel', { name: '重建测试栏目' });
    const commendation = await createAndPublish('api::commendation.commendation', { title: '重建测试表彰', level: 'provincial' });
    const unit = await createAndPublish('api::commended-unit.commended-unit', { name: '重建测试单位' });
    const person = await createAndPublish('api::commended-individual.commended-individual', { name: '重建测试个人' });
    const article = await createAndPublish('api::article.article', { title: '重建测试稿件', channel: channel.documentId });
    const quote = await createAndPublish('api::speaker-quote.speaker-quote', { text: '实干争先', speakerName: '某某' });
    await waitFor(() => receiver.requests.length >= 1, 30_000);
    app.config.set('rebuild.debounceMs', DEBOUNCE);
    await settled();
    expect(receiver.requests).toHaveLength(1);
    const changes = verified(0).changes;
    expect(changes.map((change) => [change.uid, change.documentId]).sort()).toEqual(
      [
        ['api::channel.channel', channel.documentId],
        ['api::commendation.commendation', commendation.documentId],
        ['api::commended-unit.commended-unit', unit.documentId],
        ['api::commended-individual.commended-individual', person.documentId],
        ['api::article.article', article.documentId],
        ['api::speaker-quote.speaker-quote', quote.documentId],
      ].sort()
    );
    expect(changes.find((change) => change.uid === 'api::article.article')?.slug).toBe('chong-jian-ce-shi-gao-jian');
  });

  test('unpublishing in the admin panel answers at once and is delivered', async () => {
    await quiet();
    const { documentId } = await createAndPublish('api::article.article', { title: '撤稿测试' });
    await waitFor(() => receiver.requests.length >= 1);
    await quiet();
    const started = Date.now();
    const res = await admin().post(`${CM}/api::article.article/${documentId}/actions/unpublish?locale=zh-Hans`);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
    await waitFor(() => receiver.requests.length >= 1);
    expect(verified(0).changes).toEqual([expect.objectContaining({ documentId, action: 'unpublish', locale: 'zh-Hans' })]);
  });

  test('a publish that is rolled back records nothing', async () => {
    const before = Number((await app.db.connection('rebuild_changes').count({ n: '*' }))[0].n);
    await expect(
      app.db.transaction(async () => {
        await app.documents('api::article.article').create({ locale: 'zh-Hans', data: { title: '回滚' }, status: 'published' });
        throw new Error('the editor’s save failed half-way');
      })
    ).rejects.toThrow('half-way');
    expect(Number((await app.db.connection('rebuild_changes').count({ n: '*' }))[0].n)).toBe(before);
  });
});

describe('the delivery log', () => {
  test('is read-only: neither editing nor deleting an entry changes it', async () => {
    const list = await admin().get(`${CM}/${DELIVERY}?sort=id:DESC`);
    expect(list.status).toBe(200);
    const entry = list.body.results[0];
    expect(entry.state).toEqual(expect.any(String));
    const edited = await admin().put(`${CM}/${DELIVERY}/${entry.documentId}`, { lastError: 'rewritten', state: 'failed' });
    expect(edited.status).toBe(400);
    expect(edited.body.error.message).toMatch(/read-only|只读|不能/);
    const deleted = await admin().del(`${CM}/${DELIVERY}/${entry.documentId}`);
    expect(deleted.status).toBe(400);
    const created = await admin().post(`${CM}/${DELIVERY}`, { deliveryId: 'msg_forged', targetKey: 'env:0', state: 'succeeded' });
    expect(created.status).toBe(400);
    // Every other write the content manager offers: a 400 that says why, never a 500.
    const id = entry.documentId;
    for (const [path, body] of [
      [`${CM}/${DELIVERY}/${id}/actions/publish`, {}],
      [`${CM}/${DELIVERY}/${id}/actions/unpublish`, {}],
      [`${CM}/${DELIVERY}/${id}/actions/discard`, {}],
      [`${CM}/${DELIVERY}/clone/${id}`, { deliveryId: 'msg_forged', targetKey: 'env:0' }],
      [`${CM}/${DELIVERY}/actions/bulkDelete`, { documentIds: [id] }],
      [`${CM}/${DELIVERY}/actions/bulkPublish`, { documentIds: [id] }],
      [`${CM}/${DELIVERY}/actions/bulkUnpublish`, { documentIds: [id] }],
    ] as const) {
      const res = await admin().post(path, body);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.error.message).toMatch(/read-only|只读|不能|draft/);
    }
    const after = await app.db.query(DELIVERY).findOne({ where: { documentId: entry.documentId } });
    expect(after).toMatchObject({ state: entry.state, lastError: entry.lastError ?? null });
    expect(await app.db.query(DELIVERY).count({ where: { deliveryId: 'msg_forged' } })).toBe(0);
  });

  test('the edit view shows every field as not editable', async () => {
    const res = await admin().get(`/content-manager/content-types/${DELIVERY}/configuration`);
    const metadatas = res.body.data.contentType.metadatas as Record<string, { edit: { editable?: boolean } }>;
    for (const name of ['lastError', 'state', 'attempts', 'changes', 'targetName'])
      expect([name, metadatas[name].edit.editable]).toEqual([name, false]);
  });
});

describe('"立即重建 Rebuild now"', () => {
  test('sends a delivery that names no one', async () => {
    receiver.requests.length = 0;
    const res = await admin().post('/admin/rebuild-now');
    expect(res.status).toBe(202);
    expect(res.body.data.deliveries).toBe(1);
    await waitFor(() => receiver.requests.length >= 1);
    expect(receiver.requests[0].body).not.toContain('publisher@example.gov.cn');
    expect(verified(0).changes).toEqual([{ uid: 'manual', documentId: 'manual', locale: null, action: 'rebuild-now', slug: null }]);
    const logged = await app.db.connection('rebuild_deliveries').orderBy('id', 'desc').first();
    expect(JSON.stringify(logged)).not.toContain('publisher@example.gov.cn');
  });

  test('with no target says that nothing is configured', async () => {
    const disabled = await admin().put(`${CM}/${TARGET}/${targetId}`, { enabled: false });
    expect(disabled.status).toBe(200);
    const res = await admin().post('/admin/rebuild-now');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('没有可用的重建目标');
    await admin().put(`${CM}/${TARGET}/${targetId}`, { enabled: true });
  });
});

describe('a target from the environment', () => {
  test('gets one delivery per burst of admin-panel publishing too, beside the admin-created one', async () => {
    const second = await new Receiver().start();
    const secondSecret = `whsec_${crypto.randomBytes(32).toString('base64')}`;
    app.config.set('rebuild.hookUrl', second.url);
    app.config.set('rebuild.hookSecret', secondSecret);
    (app.service('api::rebuild.rebuild') as unknown as { forgetTargets: () => void }).forgetTargets();
    receiver.requests.length = 0;
    const { ms } = await createAndPublish('api::article.article', { title: '环境变量目标' });
    expect(ms).toBeLessThan(5000);
    await waitFor(() => receiver.requests.length >= 1 && second.requests.length >= 1);
    await settled();
    expect([receiver.requests.length, second.requests.length]).toEqual([1, 1]);
    expect(() =>
      new Webhook(secondSecret).verify(second.requests[0].body, second.requests[0].headers as Record<string, string>)
    ).not.toThrow();
    app.config.set('rebuild.hookUrl', '');
    await second.down();
  });
});

test('seeding with REBUILD_ON_SEED=true and a target does not hang and sends one delivery', async () => {
  await stopApp(app);
  receiver.requests.length = 0;
  const seedEnv = { REBUILD_ON_SEED: 'true', REBUILD_HOOK_URL: receiver.url, REBUILD_HOOK_SECRET: SECRET };
  const started = Date.now();
  app = await startApp(seedEnv);
  // A hang is a write waiting out the pool's 60 s acquire timeout (DATABASE_CONNECTION_TIMEOUT);
  // a start that seeds (each save now also writes its 版本记录) takes 15–35 s on CI's two busy cores.
  expect(Date.now() - started).toBeLessThan(55_000);
  await waitFor(() => receiver.requests.length >= 1);
  const uids = new Set(verified(0).changes.map((change) => change.uid));
  expect(uids.has('api::article.article')).toBe(true);
  expect(uids.has('api::speaker-quote.speaker-quote')).toBe(true);
  for (const name of Object.keys(seedEnv)) delete process.env[name];
});
