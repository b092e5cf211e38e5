// Today's build started on a database the previous release left behind (made by
// scripts/release-fixture.js: its demo content, clicks and a queued rebuild burst). The
// project's own migrations run once, on whichever instance gets there first (on
// PostgreSQL two instances start at the same moment), change the released tables, and
// keep their data.
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import knexFactory, { type Knex } from 'knex';
import { Client } from 'pg';
import { startServerProcess, type ServerProcess } from '../helpers/process';
import { readJson } from '../helpers/http';
import { dropPostgresDatabase, postgresUrl, recreatePostgresDatabase, usingPostgres } from '../helpers/strapi';

const appDir = path.resolve(__dirname, '..', '..');
const RELEASE = 'd85a44a';
const fixture = path.join(__dirname, '..', 'fixtures', 'releases', RELEASE);
const name = `newsroom_upgrade_${process.env.JEST_WORKER_ID ?? '0'}`;
const file = path.join(appDir, '.tmp', `${name}.db`);
const database: Record<string, string> = usingPostgres()
  ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: postgresUrl(name) }
  : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file };
// As the release ran: its queued burst waits for a target that does not answer. The burst
// is dated when the fixture was made, so it must stay not due whatever day the test runs
// (with an hour, it fell due an hour after: the first instance, started before the other,
// sent it while the second was still starting).
const NOT_DUE_MS = String(10 * 365 * 86_400_000);
const env = {
  ...database,
  REBUILD_HOOK_URL: 'http://127.0.0.1:9/rebuild',
  REBUILD_HOOK_SECRET: 'whsec_dXBncmFkZS10ZXN0LXNlY3JldC1vZi0zMi1ieXRlcyE=',
  REBUILD_DEBOUNCE_MS: NOT_DUE_MS,
  REBUILD_MAX_WAIT_MS: NOT_DUE_MS,
};
const migrations = fs.readdirSync(path.join(appDir, 'database', 'migrations')).sort();
/** The first migration after the release, which changes one of its tables. */
const NEW_MIGRATION = '2026.11.30T02.00.00.index-pending-rebuild-changes.js';

const connect = (): Knex =>
  usingPostgres()
    ? knexFactory({ client: 'pg', connection: postgresUrl(name) })
    : knexFactory({ client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true });

const indexesOf = async (db: Knex, table: string): Promise<string[]> =>
  usingPostgres()
    ? (await db.raw('SELECT indexname AS name FROM pg_indexes WHERE tablename = ? ORDER BY 1', [table])).rows.map(
        (row: { name: string }) => row.name
      )
    : (await db.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY 1", [table])).map(
        (row: { name: string }) => row.name
      );

/** What the release left, read before and after the upgrade. */
const snapshot = async () => {
  const db = connect();
  try {
    const clicks = await db('article_clicks').select('document_id', 'locale', 'day', 'count').orderBy(['document_id', 'locale', 'day']);
    const queued = await db('rebuild_changes').select('uid', 'document_id', 'locale', 'action', 'at_ms').orderBy('id');
    const articles = await db('articles').select('document_id', 'locale', 'title', 'published_at').orderBy('id');
    return JSON.parse(JSON.stringify({ clicks, queued, articles }, (_key, value) => (typeof value === 'bigint' ? Number(value) : value)));
  } finally {
    await db.destroy();
  }
};

const servers: ServerProcess[] = [];
const stopAll = async () => {
  for (const server of servers.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }
};

beforeAll(async () => {
  if (usingPostgres()) {
    await recreatePostgresDatabase(name);
    // The dump's psql meta-commands (\restrict) are psql's; the SQL runs as it is.
    const sql = zlib
      .gunzipSync(fs.readFileSync(path.join(fixture, 'postgres.sql.gz')))
      .toString('utf8')
      .split('\n')
      .filter((line) => !line.startsWith('\\'))
      .join('\n');
    const client = new Client({ connectionString: postgresUrl(name) });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  } else {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.join(fixture, 'sqlite.db.gz'))));
  }
});
afterAll(async () => {
  await stopAll();
  if (usingPostgres()) await dropPostgresDatabase(name);
  else for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
});

test(`today's build starts on the ${RELEASE} release's database, migrates it once and keeps its data`, async () => {
  const before = await snapshot();
  expect(before.clicks.length).toBeGreaterThan(0);
  expect(before.queued.length).toBeGreaterThan(0);
  const db = connect();
  try {
    expect(await db.schema.hasTable('newsroom_schema_versions')).toBe(false);
    expect(await indexesOf(db, 'rebuild_changes')).toContain('rebuild_changes_batch_idx');
  } finally {
    await db.destroy();
  }

  // Two instances at the same moment on PostgreSQL; one on SQLite.
  servers.push(...(await Promise.all(Array.from({ length: usingPostgres() ? 2 : 1 }, () => startServerProcess(env)))));

  const after = connect();
  try {
    // Every migration is recorded once: the release's from strapi_migrations, the new one by its run.
    const versions = (await after('newsroom_schema_versions').select('name').orderBy('name')).map((row: { name: string }) => row.name);
    expect(versions).toEqual(migrations);
    const indexes = await indexesOf(after, 'rebuild_changes');
    expect(indexes).toContain('rebuild_changes_pending_idx');
    expect(indexes).not.toContain('rebuild_changes_batch_idx');
  } finally {
    await after.destroy();
  }
  expect(await snapshot()).toEqual(before);

  // The API reads what the release wrote: the article, and exactly its clicks in the total.
  const stored = before.clicks.reduce((sum: number, row: { count: number | string }) => sum + Number(row.count), 0);
  const reader = connect();
  let legacy = 0;
  try {
    const row = await reader('articles')
      .where('document_id', before.clicks[0].document_id)
      .whereNotNull('published_at')
      .first('legacy_click_count');
    legacy = Number(row?.legacy_click_count ?? 0);
  } finally {
    await reader.destroy();
  }
  for (const server of servers) {
    const documentId = before.clicks[0].document_id as string;
    const article = await fetch(`${server.url}/api/articles/${documentId}`);
    expect(article.status).toBe(200);
    const stats = await readJson(await fetch(`${server.url}/api/articles/${documentId}/clicks`));
    expect(stats.data.total).toBe(stored + legacy);
  }
  await stopAll();

  // A later start runs nothing again: Strapi records no run, and the versions are the same rows.
  const recorded = async () => {
    const db = connect();
    try {
      return {
        runs: Number((await db('strapi_migrations').where('name', NEW_MIGRATION).count({ n: '*' }))[0].n),
        versions: await db('newsroom_schema_versions').select('name', 'applied_ms').orderBy('name'),
      };
    } finally {
      await db.destroy();
    }
  };
  const first = await recorded();
  expect(first.runs).toBeGreaterThanOrEqual(1);
  servers.push(await startServerProcess(env));
  await stopAll();
  expect(await recorded()).toEqual(first);
});
