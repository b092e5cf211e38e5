// npm run backup while a real server takes clicks; npm run restore into a fresh place;
// then every table of the restored database is compared with the source's, and a
// server started on the restored database answers with the restored counts.
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import knexFactory, { type Knex } from 'knex';
import { createApiToken, registerAdmin, startServerProcess, type ServerProcess } from '../helpers/process';
import { runScript } from '../helpers/script';
import { waitFor } from '../helpers/wait';
import { BROWSER, readJson } from '../helpers/http';
import { dropPostgresDatabase, postgresUrl, recreatePostgresDatabase, usingPostgres } from '../helpers/strapi';

const appDir = path.resolve(__dirname, '..', '..');
const worker = process.env.JEST_WORKER_ID ?? '0';
const name = `newsroom_backup_${worker}`;
const restoredName = `${name}_restored`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-backup-'));
const sourceFile = path.join(work, 'source', 'data.db');
const restoredFile = path.join(work, 'restored', 'data.db');
const restoredUploads = path.join(work, 'restored', 'uploads');
const backupDir = path.join(work, 'backup');

const sourceEnv: Record<string, string> = usingPostgres()
  ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: postgresUrl(name) }
  : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: sourceFile };
const restoredEnv: Record<string, string> = usingPostgres()
  ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: postgresUrl(restoredName) }
  : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: restoredFile };

const connect = (env: Record<string, string>): Knex =>
  env.DATABASE_CLIENT === 'postgres'
    ? knexFactory({ client: 'pg', connection: env.DATABASE_URL })
    : knexFactory({ client: 'better-sqlite3', connection: { filename: env.DATABASE_FILENAME }, useNullAsDefault: true });

/**
 * Runs one of the project's scripts as an operator would, with these database variables,
 * under the usual umask 022 (which alone would leave what it writes readable by anyone).
 */
const script = (file: string, args: string[], env: Record<string, string>) => runScript(file, args, env, { umask: 0o022 });

/** Every table's name (shadow tables of SQLite's full-text index included, the virtual one left out). */
const tablesOf = async (db: Knex): Promise<string[]> => {
  if (usingPostgres()) {
    return (await db.raw('SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename')).rows.map(
      (row: { tablename: string }) => row.tablename
    );
  }
  return (
    await db.raw(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
    )
  ).map((row: { name: string }) => row.name);
};

/**
 * A table's rows as sorted JSON lines (blobs as base64), for an exact comparison. The
 * upload plugin's weekly metrics row is left out: Strapi's own cron rewrites it at a
 * random minute of the week, which may fall between the backup and the comparison.
 */
const rowsOf = async (db: Knex, table: string) =>
  ((await db(table).select('*')) as Array<Record<string, unknown>>)
    .filter((row) => !(table === 'strapi_core_store_settings' && row.key === 'plugin_upload_metrics'))
    .map((row) =>
      JSON.stringify(row, (_key, value) => (value && value.type === 'Buffer' ? Buffer.from(value.data).toString('base64') : value))
    )
    .sort();

let server: ServerProcess | null = null;
beforeAll(async () => {
  fs.mkdirSync(path.dirname(sourceFile), { recursive: true });
  if (usingPostgres()) {
    await recreatePostgresDatabase(name);
    await recreatePostgresDatabase(restoredName);
  }
});
afterAll(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  if (usingPostgres()) {
    await dropPostgresDatabase(name);
    await dropPostgresDatabase(restoredName);
  }
  fs.rmSync(work, { recursive: true, force: true });
});

test('a backup taken under click load restores every table and the uploaded files', async () => {
  server = await startServerProcess({
    ...sourceEnv,
    CLICK_DEDUPE_WINDOW_S: '0',
    CLICK_RATE_LIMIT_PER_MIN: '0',
    CLICK_MAX_PER_ADDRESS: '0',
  });
  const base = server.url;
  // An administrator, an API token, and a file uploaded through the API.
  const adminJwt = await registerAdmin(server, {
    firstname: 'Ops',
    lastname: 'Admin',
    email: 'ops@example.gov.cn',
    password: 'Ops-Passw0rd',
  });
  const token = await createApiToken(server, adminJwt, 'backup-test');
  const bytes = crypto.randomBytes(4096);
  const form = new FormData();
  form.append('files', new Blob([bytes], { type: 'application/pdf' }), `backup-${worker}.pdf`);
  const uploaded = await fetch(`${base}/api/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  expect(uploaded.status).toBe(201);
  const file = (await readJson(uploaded))[0] as { url: string; hash: string };

  const article = (await readJson(await fetch(`${base}/api/articles`))).data[0].documentId as string;
  let acknowledged = 0;
  let running = true;
  const clients = Array.from({ length: 16 }, async (_, n) => {
    while (running) {
      const res = await fetch(`${base}/api/articles/${article}/clicks`, { method: 'POST', headers: { 'User-Agent': `${BROWSER} c/${n}` } });
      if (res.status === 202) acknowledged += 1;
      await res.arrayBuffer();
    }
  });
  // Under load before the backup starts: a good number of clicks acknowledged.
  await waitFor(() => acknowledged > 50, { timeoutMs: 20_000, what: 'clicks acknowledged before the backup' });
  const acknowledgedBefore = acknowledged;
  const backup = await script('backup.js', ['--out', backupDir], sourceEnv);
  const acknowledgedAfter = acknowledged;
  running = false;
  await Promise.all(clients);
  expect(backup.stderr).toBe('');
  expect(backup.code).toBe(0);
  expect(acknowledgedBefore).toBeGreaterThan(50);

  // The dump holds admin users, sessions, API tokens and the audit log: for the owner only.
  const modes = (dir: string): Array<[string, string]> =>
    fs.readdirSync(dir, { withFileTypes: true, recursive: true }).map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return [path.relative(backupDir, full), (fs.statSync(full).mode & 0o777).toString(8)];
    });
  const written = modes(backupDir);
  expect((fs.statSync(backupDir).mode & 0o777).toString(8)).toBe('700');
  expect(written.map(([name]) => name)).toEqual(
    expect.arrayContaining([
      usingPostgres() ? 'database.pgdump' : 'database.sqlite',
      'manifest.json',
      'uploads',
      path.join('uploads', path.basename(file.url)),
    ])
  );
  for (const [entry, mode] of written) {
    expect({ entry, mode }).toEqual({ entry, mode: fs.statSync(path.join(backupDir, entry)).isDirectory() ? '700' : '600' });
  }

  const restore = await script('restore.js', [backupDir, '--uploads', restoredUploads], restoredEnv);
  expect(restore.stderr).toBe('');
  expect(restore.code).toBe(0);
  expect(restore.stdout).toMatch(/row counts match the backup/);

  const source = connect(sourceEnv);
  const restored = connect(restoredEnv);
  try {
    const tables = await tablesOf(source);
    expect(await tablesOf(restored)).toEqual(tables);
    // The project's own tables are there, not only Strapi's.
    expect(tables).toEqual(
      expect.arrayContaining([
        'article_clicks',
        'rebuild_changes',
        'search_documents',
        'search_texts',
        'content_changes',
        'newsroom_schema_versions',
      ])
    );
    for (const table of tables) {
      if (table === 'article_clicks') continue; // under load while the backup ran: below
      const rows = await rowsOf(restored, table);
      if (table === 'content_changes') {
        // Append-only; a row the server adds after the backup is not in it.
        expect(await rowsOf(source, table)).toEqual(expect.arrayContaining(rows));
        continue;
      }
      expect({ table, rows }).toEqual({ table, rows: await rowsOf(source, table) });
    }
    // Clicks: every click acknowledged before the backup began is in it; none after it ended.
    const sum = async (db: Knex) => Number((await db('article_clicks').where('document_id', article).sum({ n: 'count' }))[0].n ?? 0);
    const inBackup = await sum(restored);
    expect(inBackup).toBeGreaterThanOrEqual(acknowledgedBefore);
    expect(inBackup).toBeLessThanOrEqual(acknowledgedAfter + 16);
    expect(await sum(source)).toBeGreaterThanOrEqual(inBackup);
  } finally {
    await source.destroy();
    await restored.destroy();
  }
  // The source server stops only now: what it writes while shutting down is not the backup's concern.
  server.child.kill('SIGTERM');
  await server.exited;
  // The uploaded file, byte for byte.
  expect(fs.readFileSync(path.join(restoredUploads, path.basename(file.url)))).toEqual(bytes);
  // Restored uploads are readable again by whatever serves them, as a fresh upload is (umask 022).
  expect((fs.statSync(restoredUploads).mode & 0o777).toString(8)).toBe('755');
  expect((fs.statSync(path.join(restoredUploads, path.basename(file.url))).mode & 0o777).toString(8)).toBe('644');

  // A server on the restored database reads the article with the restored total.
  server = await startServerProcess(restoredEnv);
  const stats = await readJson(await fetch(`${server.url}/api/articles/${article}/clicks`));
  server.child.kill('SIGTERM');
  await server.exited;
  // Exactly what the copy holds: its clicks plus the article's legacy 点击率.
  const copy = connect(restoredEnv);
  try {
    const clicks = Number((await copy('article_clicks').where('document_id', article).sum({ n: 'count' }))[0].n ?? 0);
    const row = await copy('articles').where('document_id', article).whereNotNull('published_at').first('legacy_click_count');
    expect(stats.data.total).toBe(clicks + Number(row?.legacy_click_count ?? 0));
    expect(clicks).toBeGreaterThanOrEqual(acknowledgedBefore);
  } finally {
    await copy.destroy();
  }

  // Restoring again over the restored database is refused without --force, and changes nothing.
  const fingerprint = async () => {
    const db = connect(restoredEnv);
    try {
      return JSON.stringify(await db('article_clicks').select('*').orderBy(['document_id', 'locale', 'day']));
    } finally {
      await db.destroy();
    }
  };
  const before = await fingerprint();
  const again = await script('restore.js', [backupDir, '--uploads', restoredUploads], restoredEnv);
  expect(again.code).toBe(2);
  expect(again.stderr).toMatch(/restore refused: .*not empty.*--force/);
  expect(await fingerprint()).toBe(before);

  // With --force it replaces them, and keeps what it replaced beside them.
  const forced = await script('restore.js', [backupDir, '--force', '--uploads', restoredUploads], restoredEnv);
  expect(forced.stderr).toBe('');
  expect(forced.code).toBe(0);
  expect(await fingerprint()).toBe(before);
  const kept = fs.readdirSync(path.join(work, 'restored'));
  expect(kept).toEqual(expect.arrayContaining([expect.stringMatching(/^uploads\.before-restore-/)]));
  if (!usingPostgres()) expect(kept).toEqual(expect.arrayContaining([expect.stringMatching(/^data\.db\.before-restore-[^.]+$/)]));
  fs.rmSync(path.join(appDir, 'public', 'uploads', path.basename(file.url)), { force: true });
});

test('a backup of the other database kind, from a newer release, or not a backup at all, is refused', async () => {
  const other: Record<string, string> = usingPostgres()
    ? { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(work, 'other.db') }
    : { DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
  const wrongKind = await script('restore.js', [backupDir], other);
  expect(wrongKind.code).toBe(2);
  expect(wrongKind.stderr).toMatch(/restore refused: this is a (sqlite|postgres) backup; this install uses/);
  // A backup whose schema has a migration this build does not know (a newer release).
  const newer = path.join(work, 'newer-backup');
  fs.cpSync(backupDir, newer, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(newer, 'manifest.json'), 'utf8'));
  manifest.schemaVersions.push('2099.01.01T00.00.00.from-the-future.js');
  fs.writeFileSync(path.join(newer, 'manifest.json'), JSON.stringify(manifest));
  const fromTheFuture = await script('restore.js', [newer, '--force', '--uploads', restoredUploads], restoredEnv);
  expect(fromTheFuture.code).toBe(2);
  expect(fromTheFuture.stderr).toMatch(
    /restore refused: the backup was made by a newer release \(schema 2099\.01\.01T00\.00\.00\.from-the-future\.js\)/
  );
  const notBackup = await script('restore.js', [work], restoredEnv);
  expect(notBackup.code).toBe(2);
  expect(notBackup.stderr).toMatch(/is not a backup/);
});
