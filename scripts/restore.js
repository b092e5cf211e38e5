#!/usr/bin/env node
// npm run restore -- BACKUP_DIR [--force] [--uploads DIR]
//
// Puts a backup of `npm run backup` back: the database (every table) and the uploaded
// files, into the database and uploads folder this install is configured for (.env,
// DATABASE_*, UPLOADS_DIR). Stop the server first. It refuses:
//   - a backup of the other database kind (SQLite into PostgreSQL or back);
//   - a backup made by a newer release (schema versions this build does not know);
//   - a database or uploads folder that is not empty, unless --force. With --force the
//     SQLite file (with its WAL) and the uploads folder it replaces are kept beside them,
//     renamed *.before-restore-<time>; on PostgreSQL the tables there are dropped and the
//     backup's restored in one transaction (psql --single-transaction): all or nothing.
// The uploads are copied beside their folder before the database changes, and swapped
// in after it.
// Every table's row count is checked against the backup's manifest. A backup from an
// older release is brought up to date by the migrations at the next start.
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { appDir, databaseTarget, uploadsDir, pgProgram, countRows, option, stamp } = require('./database-target');

const args = process.argv.slice(2);
const force = args.includes('--force');
const source = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--uploads');

class Refusal extends Error {}

const compareCounts = (expected, actual) => {
  const wrong = Object.entries(expected).filter(([table, n]) => actual[table] !== n);
  if (wrong.length) {
    throw new Error(`restored row counts differ from the backup: ${wrong.map(([t, n]) => `${t} ${actual[t]} (backup ${n})`).join(', ')}`);
  }
};

/** Folders 777 and files 666 less the umask under `dir`, itself included: as Strapi's upload creates them. */
const publicModes = (dir) => {
  const umask = process.umask(0); // read without the deprecated no-argument call, and put back
  process.umask(umask);
  const walk = (folder) => {
    fs.chmodSync(folder, 0o777 & ~umask);
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const inner = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(inner);
      else if (entry.isFile()) fs.chmodSync(inner, 0o666 & ~umask);
    }
  };
  walk(dir);
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
  const when = stamp();

  // Checks that change nothing come first.
  let pgTables = [];
  if (target.client === 'sqlite') {
    const inUse = fs.existsSync(target.filename) && fs.statSync(target.filename).size > 0;
    if ((inUse || uploadsInUse) && !force) {
      throw new Refusal(`${inUse ? target.filename : uploads} is not empty: stop the server and add --force to replace it`);
    }
  } else {
    const knex = require('knex')({ client: 'pg', connection: { connectionString: target.url, ...target.ssl } });
    try {
      pgTables = Object.keys(await countRows(knex, 'postgres'));
    } finally {
      await knex.destroy();
    }
    if ((pgTables.length || uploadsInUse) && !force) {
      throw new Refusal(
        `the ${pgTables.length ? 'database' : 'uploads folder'} is not empty: stop the servers and add --force to replace it`
      );
    }
  }

  // The uploads are copied beside their folder first: a full disk stops the restore here,
  // before the database has changed.
  const incoming = `${uploads}.restoring`;
  fs.rmSync(incoming, { recursive: true, force: true });
  fs.cpSync(path.join(dir, 'uploads'), incoming, { recursive: true, preserveTimestamps: true });
  // The backup keeps its files private (600, folders 700); restored uploads get the modes a
  // fresh upload gets, so the web server that serves them can read them again.
  publicModes(incoming);

  if (target.client === 'sqlite') {
    const Database = require('better-sqlite3');
    const restoring = `${target.filename}.restoring`;
    fs.mkdirSync(path.dirname(target.filename), { recursive: true });
    fs.copyFileSync(path.join(dir, manifest.database), restoring);
    const db = new Database(restoring);
    const check = db.pragma('integrity_check', { simple: true });
    db.close();
    if (check !== 'ok') throw new Error(`the backup's database failed its integrity check: ${check}`);
    const knex = require('knex')({ client: 'better-sqlite3', connection: { filename: restoring }, useNullAsDefault: true });
    try {
      compareCounts(manifest.tables, await countRows(knex, 'sqlite'));
    } finally {
      await knex.destroy();
    }
    // The file it replaces is kept with its WAL, which may hold its last commits.
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(target.filename + suffix))
        fs.renameSync(target.filename + suffix, `${target.filename}.before-restore-${when}${suffix}`);
    }
    fs.renameSync(restoring, target.filename);
  } else {
    // One transaction: the tables there are dropped and the backup's created and filled,
    // or nothing changes (pg_restore's plain SQL run by psql --single-transaction).
    const sql = execFileSync(pgProgram('pg_restore'), ['--no-owner', '--no-privileges', '--file', '-', path.join(dir, manifest.database)], {
      env: { ...process.env, ...target.env },
      maxBuffer: 4 * 1024 * 1024 * 1024,
    });
    const drop = `DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
    EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', r.tablename);
  END LOOP;
  FOR r IN SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = current_schema() LOOP
    EXECUTE format('DROP SEQUENCE IF EXISTS %I CASCADE', r.sequence_name);
  END LOOP;
END $$;
`;
    execFileSync(
      pgProgram('psql'),
      ['--single-transaction', '--quiet', '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '--dbname', target.cliUrl],
      {
        // Warnings and errors only, not the NOTICE of each cascaded drop.
        env: { ...process.env, ...target.env, PGOPTIONS: '-c client_min_messages=warning' },
        input: Buffer.concat([Buffer.from(pgTables.length ? drop : ''), sql]),
        stdio: ['pipe', 'ignore', 'inherit'],
        maxBuffer: 64 * 1024 * 1024,
      }
    );
    const knex = require('knex')({ client: 'pg', connection: { connectionString: target.url, ...target.ssl } });
    try {
      compareCounts(manifest.tables, await countRows(knex, 'postgres'));
    } finally {
      await knex.destroy();
    }
  }

  // Then the uploads are swapped in; a folder in use is kept aside (--force).
  if (fs.existsSync(uploads)) fs.renameSync(uploads, `${uploads}.before-restore-${when}`);
  fs.renameSync(incoming, uploads);
  if (!uploadsInUse) fs.rmSync(`${uploads}.before-restore-${when}`, { recursive: true, force: true });

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
