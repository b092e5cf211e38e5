#!/usr/bin/env node
// npm run backup [-- --out DIR] [--uploads DIR]
//
// A backup of everything, taken while the server keeps serving: the whole database
// (Strapi's tables and the project's own, which `strapi export` does not know: click
// counts, the rebuild queue and delivery log, the search index, content changes, schema
// versions), then the uploaded files, and a manifest with every table's row count.
//   SQLite      SQLite's online backup API through better-sqlite3: a consistent copy
//               of the file while other connections write; checked with integrity_check.
//   PostgreSQL  pg_dump --format=custom: one consistent snapshot.
// Uploads are copied after the database, so every file the copied rows name is there
// (uploaded files never change in place). Written to backups/<UTC time>/ by default.
// The dump holds admin users, sessions, API tokens and the audit log: folders are 700 and
// files 600 whatever the umask (the umask is 077 while it runs, so nothing is readable by
// others even for a moment, and every mode is set again at the end: copies keep their
// source's mode).
'use strict';

const { execFile } = require('child_process');
const fs = require('fs');
const path = require('path');
const { appDir, databaseTarget, uploadsDir, pgProgram, countRows, folderSize, option, stamp } = require('./database-target');

/** Runs a program, its output shown; rejects when it fails. */
const run = (program, programArgs, env) =>
  new Promise((resolve, reject) => {
    execFile(program, programArgs, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (stderr) process.stderr.write(stderr);
      if (error) reject(new Error(`${path.basename(program)} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });

/** The project's migrations the database has run (before newsroom_schema_versions: from strapi_migrations). */
const schemaVersions = async (knex) => {
  const table = (await knex.schema.hasTable('newsroom_schema_versions')) ? 'newsroom_schema_versions' : 'strapi_migrations';
  if (!(await knex.schema.hasTable(table))) return [];
  return [...new Set((await knex(table).select('name').orderBy('name')).map((row) => row.name))];
};

/** Folders 700 and files 600 under `dir`, itself included. */
const makePrivate = (dir) => {
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const inner = path.join(dir, entry.name);
    if (entry.isDirectory()) makePrivate(inner);
    else if (entry.isFile()) fs.chmodSync(inner, 0o600);
  }
};

const main = async () => {
  // Before anything is created: this process's files and pg_dump's (it inherits the umask).
  process.umask(0o077);
  const target = databaseTarget();
  const out = path.resolve(option('out') || path.join(appDir, 'backups', stamp()));
  if (fs.existsSync(out) && fs.readdirSync(out).length) throw new Error(`${out} is not empty`);
  fs.mkdirSync(out, { recursive: true });
  const started = Date.now();
  const manifest = { format: 1, createdAt: new Date().toISOString(), client: target.client };

  if (target.client === 'sqlite') {
    if (!fs.existsSync(target.filename)) throw new Error(`no database at ${target.filename}`);
    const Database = require('better-sqlite3');
    const source = new Database(target.filename, { fileMustExist: true });
    source.pragma('busy_timeout = 10000');
    const file = path.join(out, 'database.sqlite');
    // Everything in one step: a write by the server between steps would restart the copy.
    await source.backup(file, { progress: () => 1_000_000_000 });
    source.close();
    const copy = new Database(file);
    const check = copy.pragma('integrity_check', { simple: true });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${check}`);
    manifest.database = 'database.sqlite';
    const knex = require('knex')({ client: 'better-sqlite3', connection: { filename: file, readonly: true }, useNullAsDefault: true });
    try {
      manifest.tables = await countRows(knex, target.client);
      manifest.schemaVersions = await schemaVersions(knex);
    } finally {
      await knex.destroy();
    }
  } else {
    // The dump and the manifest's counts read one snapshot, exported by a transaction
    // held open while pg_dump runs.
    const file = path.join(out, 'database.pgdump');
    const knex = require('knex')({ client: 'pg', connection: { connectionString: target.url, ...target.ssl } });
    try {
      await knex.transaction(
        async (trx) => {
          const snapshot = (await trx.raw('SELECT pg_export_snapshot() AS id')).rows[0].id;
          await run(
            pgProgram('pg_dump'),
            ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, '--file', file, '--dbname', target.cliUrl],
            target.env
          );
          manifest.tables = await countRows(trx, target.client);
          manifest.schemaVersions = await schemaVersions(trx);
        },
        { isolationLevel: 'repeatable read' }
      );
    } finally {
      await knex.destroy();
    }
    manifest.database = 'database.pgdump';
  }

  const uploads = uploadsDir(option('uploads'));
  if (fs.existsSync(uploads)) fs.cpSync(uploads, path.join(out, 'uploads'), { recursive: true, preserveTimestamps: true });
  else fs.mkdirSync(path.join(out, 'uploads'));
  manifest.uploads = folderSize(path.join(out, 'uploads'));
  manifest.seconds = (Date.now() - started) / 1000;
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  makePrivate(out);

  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
  console.log(
    `backup written to ${out}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ` +
      `${manifest.uploads.files} uploaded files, in ${manifest.seconds.toFixed(1)} s`
  );
};

main().catch((error) => {
  console.error(`backup failed: ${error.message}`);
  process.exit(1);
});
