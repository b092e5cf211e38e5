// 索引号 uniqueness with two instances: two Strapi processes on one PostgreSQL database,
// as behind a load balancer, publish catalogue articles at the same time through the
// content manager. Every number is given once, and each organisation's numbers run
// 00001, 00002, … without a gap, also when both instances publish the same article at once.
import { registerAdmin, type ServerProcess } from '../helpers/process';
import { readJson } from '../helpers/http';
import { startTwoInstances, type SharedDatabase } from '../helpers/instances';
import { usingPostgres } from '../helpers/strapi';
import { yearOf } from '../../src/lib/disclosure';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const ORGS = ['11330000MB0000001A', '000000019'];
/** Articles per organisation; half are published on each instance. */
const PER_ORG = 30;

const suite = usingPostgres() ? describe : describe.skip;
if (!usingPostgres()) {
  console.log('索引号 tests with two instances run with DATABASE_CLIENT=postgres (npm run test:postgres); skipped on SQLite');
}

suite('索引号 with two instances on one PostgreSQL database', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let token: string;
  let channel: string;
  let shared: SharedDatabase;

  beforeAll(async () => {
    ({ shared, a, b } = await startTwoInstances('newsroom_disclosure', { DATABASE_POOL_MAX: '10' }));
    // The first-run registration gives an admin token both instances accept (one JWT secret).
    token = await registerAdmin(a, { firstname: 'Desk', lastname: 'Editor', email: 'desk@example.gov.cn', password: 'Desk-Passw0rd' });
    channel = (await readJson(await fetch(`${a.url}/api/channels?fields[0]=name&pagination[pageSize]=1`))).data[0].documentId;
  }, 120_000);

  afterAll(async () => {
    await shared?.stop();
  });

  const admin = (server: ServerProcess, path: string, body: object) =>
    fetch(`${server.url}${ARTICLES}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  const createDraft = async (title: string, organizationCode: string) => {
    const res = await admin(a, '?locale=zh-Hans', {
      title,
      source: '浙江省机关事务管理局 办公室',
      channel: { connect: [{ documentId: channel, locale: 'zh-Hans' }] },
      disclosure: {
        organizationCode,
        publishingOrganization: '浙江省机关事务管理局',
        validity: 'effective',
        disclosureMethod: 'proactive',
      },
    });
    expect(res.status).toBe(201);
    return (await readJson(res)).data.documentId as string;
  };

  const publishOn = async (server: ServerProcess, documentId: string) => {
    const res = await admin(server, `/${documentId}/actions/publish?locale=zh-Hans`, {});
    const body = await readJson(res);
    expect([res.status, body.error]).toEqual([200, undefined]);
    return body.data.disclosure.indexNumber as string;
  };

  const serialsOf = (numbers: string[], code: string) =>
    numbers
      .filter((n) => n.startsWith(`${code}/`))
      .map((n) => Number(n.split('-').pop()))
      .sort((x, y) => x - y);
  const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  test(`${PER_ORG * ORGS.length} catalogue articles published at once from both instances get unique numbers, gap-free per organisation`, async () => {
    const drafts: string[] = [];
    for (let i = 0; i < PER_ORG; i += 1) for (const code of ORGS) drafts.push(await createDraft(`并发信息公开 ${code} ${i}`, code));
    const numbers = await Promise.all(drafts.map((documentId, i) => publishOn(i % 2 ? b : a, documentId)));

    expect(new Set(numbers).size).toBe(numbers.length);
    const year = yearOf(new Date());
    for (const code of ORGS) {
      expect(numbers.filter((n) => n.startsWith(`${code}/`)).every((n) => n.startsWith(`${code}/${year}-`))).toBe(true);
      expect(serialsOf(numbers, code)).toEqual(oneTo(PER_ORG));
    }
    // Each article shows the number its publish answered, on both instances, draft and published alike.
    for (const [i, documentId] of drafts.entries()) {
      for (const server of [a, b]) {
        const published = await readJson(await fetch(`${server.url}/api/articles/${documentId}`));
        expect(published.data.disclosure.indexNumber).toBe(numbers[i]);
      }
    }
    const draft = await readJson(
      await fetch(`${b.url}${ARTICLES}/${drafts[0]}?locale=zh-Hans`, { headers: { Authorization: `Bearer ${token}` } })
    );
    expect(draft.data.disclosure.indexNumber).toBe(numbers[0]);
  });

  test('one article published on both instances at the same moment gets one number, and the next serial is not skipped', async () => {
    const [code] = ORGS;
    const drafts: string[] = [];
    for (let i = 0; i < 5; i += 1) drafts.push(await createDraft(`同时发布 ${i}`, code));
    const pairs = await Promise.all(drafts.map((documentId) => Promise.all([publishOn(a, documentId), publishOn(b, documentId)])));
    for (const [onA, onB] of pairs) expect(onA).toBe(onB);
    const serials = pairs.map(([n]) => Number(n.split('-').pop())).sort((x, y) => x - y);
    expect(serials).toEqual(oneTo(5).map((i) => PER_ORG + i));

    const db = shared.db();
    const rows = (await db('disclosure_index_numbers').where('organization_code', code).select('serial', 'document_id')) as Array<{
      serial: number;
      document_id: string;
    }>;
    expect(rows.map((row) => row.serial).sort((x, y) => x - y)).toEqual(oneTo(PER_ORG + 5));
    expect(new Set(rows.map((row) => row.document_id)).size).toBe(rows.length);
    const [counter] = await db('disclosure_counters').where('organization_code', code).select('last_serial');
    expect(Number(counter.last_serial)).toBe(PER_ORG + 5);
    // One published row per article: two publishes at once did not leave two versions behind.
    const published = await db('articles').whereIn('document_id', drafts).whereNotNull('published_at').count({ n: '*' });
    expect(Number(published[0].n)).toBe(drafts.length);
  });
});
