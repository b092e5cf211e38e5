// SQLite's one writer held by another process (a script beside the server: npm run import,
// audit:purge …) past the busy timeout: an editor's save gets a 503 with Retry-After in
// Strapi's error format, nothing is written, and the same save succeeds once the writer
// is done. Here a second connection to the file holds the write lock, as the script would.
import Database from 'better-sqlite3';
import { startApp, stopApp, usingPostgres, type App } from '../helpers/strapi';
import { api } from '../helpers/http';
import { adminToken } from '../helpers/admin';
import { isDatabaseBusy } from '../../src/features/editing/middlewares/database-busy';

const ARTICLES = '/content-manager/collection-types/api::article.article';
const sqliteOnly = usingPostgres() ? describe.skip : describe;

test('the busy codes are recognised, also as the cause of another error', () => {
  expect(isDatabaseBusy(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(true);
  expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(true);
  expect(isDatabaseBusy(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'SQLITE_BUSY' }) }))).toBe(true);
  expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
  expect(isDatabaseBusy('SQLITE_BUSY')).toBe(false);
});

sqliteOnly('SQLite busy with another process', () => {
  let app: App;
  let token: string;

  beforeAll(async () => {
    app = await startApp({ SEED_DEMO: 'false', DATABASE_BUSY_TIMEOUT: '300' });
    token = await adminToken(app, 'busy-admin@example.gov.cn');
  });
  afterAll(() => stopApp(app));

  test("an editor's save while another process holds the writer: 503, nothing written; then it saves", async () => {
    const as = (req: ReturnType<ReturnType<typeof api>['get']>) => req.set('Authorization', `Bearer ${token}`);
    const created = await as(api(app).post(`${ARTICLES}?locale=zh-Hans`)).send({ title: '忙时保存', source: '办公室' });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    const url = `${ARTICLES}/${documentId}?locale=zh-Hans`;

    const script = new Database(String(process.env.DATABASE_FILENAME));
    try {
      script.pragma('busy_timeout = 0');
      script.exec('BEGIN IMMEDIATE');
      const refused = await as(api(app).put(url)).send({ title: '忙时保存（改）' });
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('2');
      expect(refused.body).toMatchObject({ data: null, error: { status: 503, name: 'ServiceUnavailableError' } });
      expect(refused.body.error.message).toMatch(/busy/);
    } finally {
      script.exec('ROLLBACK');
      script.close();
    }
    expect((await as(api(app).get(url))).body.data.title).toBe('忙时保存');
    const saved = await as(api(app).put(url)).send({ title: '忙时保存（改）' });
    expect(saved.status).toBe(200);
    expect((await as(api(app).get(url))).body.data.title).toBe('忙时保存（改）');
  });
});
