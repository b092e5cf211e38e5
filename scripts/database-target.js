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
 * { client: 'sqlite', filename } or { client: 'postgres', url, env, ssl }: `env` carries
 * the libpq variables (PGSSLMODE) pg_dump and pg_restore need beside the URL, `ssl`
 * the same for a knex connection.
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
  const ssl = /^(true|1)$/i.test(process.env.DATABASE_SSL || '');
  // PGSSLMODE=require encrypts without checking the certificate; so does this for node-pg.
  return { client, url, env: ssl ? { PGSSLMODE: 'require' } : {}, ssl: ssl ? { ssl: { rejectUnauthorized: false } } : {} };
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

module.exports = { appDir, databaseTarget, uploadsDir, pgProgram, countRows, folderSize };
