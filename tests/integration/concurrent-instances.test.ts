// Editors at the same moment, on two Strapi processes sharing one PostgreSQL database (as
// behind a load balancer), through the content manager's admin API: the zh-Hans and en
// versions of one article published at once (on one instance and on both) and a publish
// against a delete never end in a 5xx, and leave the data consistent (publishDate set once,
// 索引号 gap-free, no stray rows); an edit on one instance makes a save or a 通过 based on
// the older version, on the other, a 409 that changes nothing.
import type { Knex } from 'knex';
import { registerAdmin, type ServerProcess } from '../helpers/process';
import { readJson, type Json } from '../helpers/http';
import { startTwoInstances, type SharedDatabase } from '../helpers/instances';
import { usingPostgres } from '../helpers/strapi';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const ORG = '11330000MB0000002B';
const ROUNDS = 10;

const suite = usingPostgres() ? describe : describe.skip;
if (!usingPostgres()) {
  console.log('concurrent editing with two instances runs with DATABASE_CLIENT=postgres (npm run test:postgres); skipped on SQLite');
}

suite('concurrent editors on two instances of one PostgreSQL database', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let token: string;
  let channel: string;
  let db: Knex;
  let shared: SharedDatabase;

  beforeAll(async () => {
    ({ shared, a, b } = await startTwoInstances('newsroom_concurrent', { DATABASE_POOL_MAX: '10' }));
    token = await registerAdmin(a, { firstname: 'Desk', lastname: 'Editor', email: 'desk@example.gov.cn', password: 'Desk-Passw0rd' });
    channel = (await readJson(await fetch(`${a.url}/api/channels?fields[0]=name&pagination[pageSize]=1`))).data[0].documentId;
    db = shared.db();
  }, 120_000);

  afterAll(async () => {
    await shared?.stop();
  });

  /** The content manager's admin API on one instance, as the admin panel calls it. */
  const admin = (server: ServerProcess, method: string, path: string, body?: object, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${ARTICLES}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
  const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Json });

  /** An article in the catalogue, written in zh-Hans and in English, never published. */
  const bilingual = async (title: string) => {
    const created = await json(
      await admin(a, 'POST', '?locale=zh-Hans', {
        title,
        source: '浙江省机关事务管理局 办公室',
        channel: { connect: [{ documentId: channel, locale: 'zh-Hans' }] },
        disclosure: {
          organizationCode: ORG,
          publishingOrganization: '浙江省机关事务管理局',
          validity: 'effective',
          disclosureMethod: 'proactive',
        },
      })
    );
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    const english = await json(
      await admin(b, 'PUT', `/${documentId}?locale=en`, { title: `${title} (English)`, source: 'General Office' })
    );
    expect(english.status).toBe(200);
    return documentId;
  };
  const publish = (server: ServerProcess, documentId: string, locale: string, form: object = {}) =>
    admin(server, 'POST', `/${documentId}/actions/publish?locale=${locale}`, form);

  /** What the database holds of one article, row by row. */
  const rowsOf = async (documentId: string) =>
    (await db('articles').where('document_id', documentId).select('locale', 'published_at', 'publish_date')) as Array<{
      locale: string;
      published_at: Date | null;
      publish_date: Date | null;
    }>;

  /** Per (locale, draft|published), at most one row; no published version without its draft. */
  const expectWhole = async (documentId: string) => {
    const rows = await rowsOf(documentId);
    const counts = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.locale}/${row.published_at ? 'published' : 'draft'}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of counts) expect([key, count]).toEqual([key, 1]);
    for (const row of rows.filter((r) => r.published_at)) expect(counts.get(`${row.locale}/draft`)).toBe(1);
    // The search index holds exactly the published versions.
    const indexed = (await db('search_documents').where('document_id', documentId).select('locale')) as Array<{ locale: string }>;
    expect(indexed.map((row) => row.locale).sort()).toEqual(
      rows
        .filter((r) => r.published_at)
        .map((r) => r.locale)
        .sort()
    );
    return rows;
  };

  /** 索引号 of ORG: one per document numbered, serials 1…n without a gap, the counter at n. */
  const expectGapFreeNumbers = async () => {
    const numbers = (await db('disclosure_index_numbers').where('organization_code', ORG).select('serial', 'document_id')) as Array<{
      serial: number;
      document_id: string;
    }>;
    const serials = numbers.map((row) => Number(row.serial)).sort((x, y) => x - y);
    expect(serials).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(new Set(numbers.map((row) => row.document_id)).size).toBe(numbers.length);
    const [counter] = (await db('disclosure_counters').where('organization_code', ORG).select('last_serial')) as Array<{
      last_serial: string;
    }>;
    expect(Number(counter?.last_serial ?? 0)).toBe(numbers.length);
    return numbers;
  };

  test(`both locales of one article published at the same moment, on one instance and on two (${ROUNDS} articles at once each): no 5xx, publishDate once, one 索引号`, async () => {
    for (const [label, zhOn, enOn] of [
      ['one instance', a, a],
      ['two instances', a, b],
    ] as const) {
      const documentIds: string[] = [];
      for (let round = 0; round < ROUNDS; round += 1) documentIds.push(await bilingual(`同时发布 ${label} ${round}`));
      // As the admin panel publishes: the form's values with it, saved first in the same transaction.
      const pairs = await Promise.all(
        documentIds.map((documentId, round) =>
          Promise.all([
            publish(zhOn, documentId, 'zh-Hans', { title: `同时发布 ${label} ${round}` }).then(json),
            publish(enOn, documentId, 'en', { title: `同时发布 ${label} ${round} (English)` }).then(json),
          ])
        )
      );
      for (const [round, answers] of pairs.entries()) {
        expect([label, round, answers.map((answer) => answer.status)]).toEqual([label, round, [200, 200]]);
        // Both answers show the one number the document was given.
        const [zh, en] = answers.map((answer) => answer.body.data.disclosure.indexNumber as string);
        expect(zh).toMatch(new RegExp(`^${ORG}/\\d{4}-\\d{5}$`));
        expect(en).toBe(zh);
        const rows = await expectWhole(documentIds[round]);
        expect(rows).toHaveLength(4);
        // Shared by every locale and version, set once by whichever publish came first.
        expect(new Set(rows.map((row) => row.publish_date?.toISOString())).size).toBe(1);
        expect(rows[0].publish_date).not.toBeNull();
      }
    }
    expect(await expectGapFreeNumbers()).toHaveLength(2 * ROUNDS);
  }, 240_000);

  test(`publishing while the document is deleted (${ROUNDS}×): no 5xx, a lost publish is a 404, nothing is left half-done`, async () => {
    const outcomes: string[] = [];
    const orphansBefore = await orphanComponents(db);
    for (let round = 0; round < ROUNDS; round += 1) {
      const documentId = await bilingual(`发布与删除 ${round}`);
      const [zh, en, removed] = await Promise.all([
        publish(round % 2 ? b : a, documentId, 'zh-Hans').then(json),
        publish(round % 2 ? a : b, documentId, 'en').then(json),
        admin(round % 2 ? a : b, 'DELETE', `/${documentId}?locale=*`).then(json),
      ]);
      const statuses = [zh.status, en.status, removed.status];
      outcomes.push(statuses.join('/'));
      for (const status of statuses) expect([round, status, status < 500]).toEqual([round, status, true]);
      for (const answer of [zh, en]) if (answer.status !== 200) expect([round, answer.status]).toEqual([round, 404]);
      expect([round, removed.status]).toEqual([round, 200]);
      for (const answer of [zh, en, removed].filter((x) => x.status >= 400)) {
        expect(answer.body).toEqual({ data: null, error: expect.objectContaining({ status: answer.status, name: expect.any(String) }) });
      }
      // The delete ran last or first: either way no version of the article is left.
      expect(await rowsOf(documentId)).toEqual([]);
      expect(await db('search_documents').where('document_id', documentId).count({ n: '*' })).toEqual([{ n: '0' }]);
    }
    console.log(`publish zh / publish en / delete: ${outcomes.join(', ')}`);
    // Numbers given by a publish that won are kept for good (never reused); none skipped.
    await expectGapFreeNumbers();
    expect(await orphanComponents(db)).toBe(orphansBefore);
  }, 240_000);

  test('an edit on instance B makes a save of the older version on A a 409, and a 通过 of it a 409: nothing moves', async () => {
    const documentId = await bilingual('审核与修改');
    const read = async (server: ServerProcess) => (await json(await admin(server, 'GET', `/${documentId}?locale=zh-Hans`))).body.data;
    const move = (server: ServerProcess, direction: string, expectedUpdatedAt?: string) =>
      fetch(`${server.url}/admin/newsroom/review/move`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ uid: 'api::article.article', documentId, locale: 'zh-Hans', move: direction, expectedUpdatedAt }),
      }).then(json);
    expect((await move(a, 'forward')).body.data.stage).toBe('first'); // 送初审

    // The reviewer opens the draft on A; the writer's edit lands on B.
    const seen = await read(a);
    const edited = await json(await admin(b, 'PUT', `/${documentId}?locale=zh-Hans`, { title: '审核与修改（已改）' }));
    expect(edited.status).toBe(200);

    const stale = await move(a, 'forward', seen.updatedAt);
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({
      data: null,
      error: {
        status: 409,
        name: 'ConflictError',
        message: expect.stringContaining('稿件已被修改，请刷新后再审'),
        details: expect.any(Object),
      },
    });
    const state = await fetch(`${a.url}/admin/newsroom/review/state`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ uid: 'api::article.article', documentId, locale: 'zh-Hans' }),
    }).then(json);
    expect(state.body.data.stage).toBe('first');
    expect(state.body.data.history).toHaveLength(1);

    // The form still open on A saves its older text: refused, the edit made on B stays.
    const save = await json(
      await admin(a, 'PUT', `/${documentId}?locale=zh-Hans`, { title: seen.title }, { 'If-Match': `"${seen.updatedAt}"` })
    );
    expect(save.status).toBe(409);
    expect(save.body.error).toMatchObject({
      status: 409,
      name: 'ConflictError',
      message: expect.stringContaining('稿件已被修改，请刷新后再保存'),
    });
    expect((await read(b)).title).toBe('审核与修改（已改）');

    // Reloaded, the reviewer passes what they now see.
    const fresh = await read(a);
    expect((await move(a, 'forward', fresh.updatedAt)).body.data.stage).toBe('second');
  }, 60_000);
});

/** 信息公开 component rows that no article uses any more. */
const orphanComponents = async (db: Knex) => {
  const [row] = (await db('components_disclosure_metadata as c')
    .whereNotExists(db('articles_cmps as j').whereRaw('j.cmp_id = c.id').andWhere('j.component_type', 'disclosure.metadata'))
    .count({ n: '*' })) as Array<{ n: string }>;
  return Number(row.n);
};
