#!/usr/bin/env node
// npm run restore -- BACKUP_DIR [--force] [--uploads DIR]
//
// Puts a backup of `npm run backup` back: the database (every table) and the uploaded
// files, into the database and uploads folder this install is configured for (.env,
// DATABASE_*, UPLOADS_DIR). Stop the server first. It refuses:
//   - a backup of the other database kind (SQLite into PostgreSQL or back);
//   - a backup made by a newer release (schema versions this build does not know);
//   - a database or uploads folder that is not empty, unless --force. With --force the
//     SQLite file and the uploads folder it replaces are kept beside it, renamed
//     *.before-restore-<time>; a PostgreSQL restore is one transaction (all or nothing).
// Every table's row count is checked against the backup's manifest. A backup from an
// older release is brought up to date by the migrations at the next start.
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { appDir, databaseTarget, uploadsDir, pgProgram, countRows } = require('./database-target');

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const force = args.includes('--force');
const source = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--uploads');

class Refusal extends Error {}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

const compareCounts = (expected, actual) => {
  const wrong = Object.entries(expected).filter(([table, n]) => actual[table] !== n);
  if (wrong.length) {
    throw new Error(`restored row counts differ from the backup: ${wrong.map(([t, n]) => `${t} ${actual[t]} (backup ${n})`).join(', ')}`);
  }
};

const main = async () => {
  if (!source) throw new Refusal('usage: npm run restore -- BACKUP_DIR [--force] [--uploads DIR]');
  const dir = path.resolve(source);
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Refusal(`${dir} is not a backup (no manifest.json)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  if (manifest.format !== 1) throw new Refusal(`unknown backup format ${manifest.format}`);
  const target = databaseTarget();
  if (manifest.client !== target.client) {
    throw new Refusal(`this is a ${manifest.client} backup; this install uses ${target.client} (DATABASE_CLIENT)`);
  }
  const known = new Set(fs.readdirSync(path.join(appDir, 'database', 'migrations')));
  const newer = (manifest.schemaVersions ?? []).filter((name) => !known.has(name));
  if (newer.length) throw new Refusal(`the backup was made by a newer release (schema ${newer.join(', ')}): upgrade first`);

  const uploads = uploadsDir(option('uploads'));
  const uploadsInUse = fs.existsSync(uploads) && fs.readdirSync(uploads).some((name) => !name.startsWith('.'));

  if (target.client === 'sqlite') {
    const inUse = fs.existsSync(target.filename) && fs.statSync(target.filename).size > 0;
    if ((inUse || uploadsInUse) && !force) {
      throw new Refusal(`${inUse ? target.filename : uploads} is not empty: stop the server and add --force to replace it`);
    }
    const Database = require('better-sqlite3');
    const restoring = `${target.filename}.restoring`;
    fs.mkdirSync(path.dirname(target.filename), { recursive: true });
    fs.copyFileSync(path.join(dir, manifest.database), restoring);
    const db = new Database(restoring);
    const check = db.pragma('integrity_check', { simple: true });
    db.close();
    if (check !== 'ok') throw new Error(`the backup's database failed its integrity check: ${check}`);
    const knex = require('knex')({ client: 'better-sqlite3', connection: { filename: restoring, readonly: true }, useNullAsDefault: true });
    try {
      compareCounts(manifest.tables, await countRows(knex, 'sqlite'));
    } finally {
      await knex.destroy();
    }
    if (inUse) fs.renameSync(target.filename, `${target.filename}.before-restore-${stamp()}`);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target.filename + suffix, { force: true });
    fs.renameSync(restoring, target.filename);
  } else {
    const knex = require('knex')({ client: 'pg', connection: { connectionString: target.url, ...target.ssl } });
    try {
      const existing = Object.keys(await countRows(knex, 'postgres'));
      if ((existing.length || uploadsInUse) && !force) {
        throw new Refusal(
          `the ${existing.length ? 'database' : 'uploads folder'} is not empty: stop the servers and add --force to replace it`
        );
      }
      const restoreArgs = ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges'];
      if (existing.length) restoreArgs.push('--clean', '--if-exists');
      execFileSync(pgProgram('pg_restore'), [...restoreArgs, '--dbname', target.url, path.join(dir, manifest.database)], {
        env: { ...process.env, ...target.env },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      const restored = await countRows(knex, 'postgres');
      compareCounts(manifest.tables, restored);
    } finally {
      await knex.destroy();
    }
  }

  // The uploads: a folder in use is kept aside first (--force), then the backup's files are copied in.
  if (uploadsInUse) fs.renameSync(uploads, `${uploads}.before-restore-${stamp()}`);
  fs.cpSync(path.join(dir, 'uploads'), uploads, { recursive: true, preserveTimestamps: true });

  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
  console.log(
    `restored ${dir} (${manifest.createdAt}): ${Object.keys(manifest.tables).length} tables, ${rows} rows, ` +
      `${manifest.uploads.files} uploaded files; row counts match the backup`
  );
};

main().catch((error) => {
  console.error(`restore ${error instanceof Refusal ? 'refused' : 'failed'}: ${error.message}`);
  process.exit(error instanceof Refusal ? 2 : 1);
});
