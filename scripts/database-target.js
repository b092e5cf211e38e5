// The database and uploads folder of this install, for the backup and restore scripts:
// the same variables config/database.ts reads (and the same .env), turned into what
// better-sqlite3 or pg_dump/pg_restore need.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const appDir = path.resolve(__dirname, '..');

/** Loads .env (or ENV_PATH) the way Strapi does: variables already set win. */
const loadEnv = () => {
  const file = process.env.ENV_PATH || path.join(appDir, '.env');
  if (fs.existsSync(file)) require('dotenv').config({ path: file, quiet: true });
};

/**
 * { client: 'sqlite', filename } or { client: 'postgres', url, cliUrl, env, ssl }: `url`
 * for knex (with `ssl`), `cliUrl` (no password) and `env` (PGPASSWORD, PGSSLMODE) for
 * pg_dump, pg_restore and psql. The schema is the URL's or the server's default
 * (search_path); DATABASE_SCHEMA other than public is not supported here.
 */
const databaseTarget = () => {
  loadEnv();
  const client = process.env.DATABASE_CLIENT || 'sqlite';
  if (client === 'sqlite') {
    const filename = process.env.DATABASE_FILENAME || '.tmp/data.db';
    return { client, filename: path.isAbsolute(filename) ? filename : path.join(appDir, filename) };
  }
  if (client !== 'postgres') throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}"`);
  let url = process.env.DATABASE_URL;
  if (!url) {
    const built = new URL('postgres://localhost');
    built.hostname = process.env.DATABASE_HOST || '127.0.0.1';
    built.port = process.env.DATABASE_PORT || '5432';
    built.pathname = `/${process.env.DATABASE_NAME || 'newsroom'}`;
    built.username = process.env.DATABASE_USERNAME || 'newsroom';
    built.password = process.env.DATABASE_PASSWORD || '';
    url = built.href;
  }
  // The password goes to pg_dump/pg_restore/psql in PGPASSWORD, not on their command line.
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env = password ? { PGPASSWORD: password } : {};
  const ssl = /^(true|1)$/i.test(process.env.DATABASE_SSL || '');
  if (ssl) {
    // As config/database.ts: certificates are checked unless DATABASE_SSL_REJECT_UNAUTHORIZED=false.
    // libpq checks them with PGSSLMODE=verify-full and a root certificate (PGSSLROOTCERT);
    // an operator's own PGSSLMODE wins.
    const verify = !/^(false|0)$/i.test(process.env.DATABASE_SSL_REJECT_UNAUTHORIZED || 'true');
    env.PGSSLMODE = process.env.PGSSLMODE || (verify && process.env.PGSSLROOTCERT ? 'verify-full' : 'require');
    return { client, url, cliUrl: parsed.href, env, ssl: { ssl: { rejectUnauthorized: verify } } };
  }
  return { client, url, cliUrl: parsed.href, env, ssl: {} };
};

/** Where Strapi's local upload provider keeps files. */
const uploadsDir = (override) => path.resolve(override || process.env.UPLOADS_DIR || path.join(appDir, 'public', 'uploads'));

/** A PostgreSQL client program (pg_dump, pg_restore) of the newest installed version. */
const pgProgram = (name) => {
  try {
    const bin = execFileSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1'], {
      encoding: 'utf8',
    }).trim();
    if (bin && fs.existsSync(path.join(bin, name))) return path.join(bin, name);
  } catch {
    // fall through to PATH
  }
  return name;
};

/** Rows per table, every table (Strapi's and the project's), sorted by name. */
const countRows = async (knex, client) => {
  const tables =
    client === 'sqlite'
      ? (await knex.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")).map(
          (row) => row.name
        )
      : (await knex.raw('SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename')).rows.map(
          (row) => row.name
        );
  const counts = {};
  for (const table of tables) {
    // FTS5's virtual table cannot be counted when contentless; its shadow tables are.
    if (
      client === 'sqlite' &&
      (await knex.raw('SELECT sql FROM sqlite_master WHERE name = ?', [table]))[0].sql?.startsWith('CREATE VIRTUAL')
    )
      continue;
    const [row] = await knex(table).count({ n: '*' });
    counts[table] = Number(row.n);
  }
  return counts;
};

/** Files and bytes under a folder. */
const folderSize = (dir) => {
  let files = 0;
  let bytes = 0;
  if (!fs.existsSync(dir)) return { files, bytes };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return { files, bytes };
};

/** The value after `--name` on the command line, if any. */
const option = (name, args = process.argv.slice(2)) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

/** Now, as a file-name-safe UTC time (2026-11-30T14-00-00-000Z). */
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

module.exports = { appDir, databaseTarget, uploadsDir, pgProgram, countRows, folderSize, option, stamp };
