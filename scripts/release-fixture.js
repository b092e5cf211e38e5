#!/usr/bin/env node
// node scripts/release-fixture.js <git-ref>
//
// Makes the databases a released build leaves behind, for the upgrade test
// (tests/integration/upgrade.test.ts): the build at <git-ref> is checked out beside this
// one (a git worktree sharing node_modules), compiled, started on a new SQLite file and
// on a new PostgreSQL database (the throwaway cluster of scripts/test-postgres-server.sh,
// or TEST_POSTGRES_URL) with its demo content, some clicks and a rebuild burst still
// queued, and stopped. The SQLite file and a pg_dump of the database (INSERTs, no owner)
// are written, gzipped, to tests/fixtures/releases/<short-sha>/. Run it for each release.
'use strict';

const { execFileSync, spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const appDir = path.resolve(__dirname, '..');
const ref = process.argv[2];
if (!ref) {
  console.error('usage: node scripts/release-fixture.js <git-ref>');
  process.exit(2);
}

const git = (...args) => execFileSync('git', args, { cwd: appDir, encoding: 'utf8' }).trim();
const sha = git('rev-parse', '--short=7', `${ref}^{commit}`);
const outDir = path.join(appDir, 'tests', 'fixtures', 'releases', sha);
const tree = path.join(os.tmpdir(), `newsroom-release-${sha}`);
const secret = () => crypto.randomBytes(24).toString('base64');

const start = (env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(tree, 'tests', 'helpers', 'serve.js')], {
      cwd: tree,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise((done) => child.once('exit', done));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /LISTENING (\S+)/.exec(output);
      if (match) resolve({ child, url: match[1], exited });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`the release exited with ${code}\n${output.slice(-3000)}`)));
  });

/** The release's life on one database: start (migrate, seed), clicks, a queued burst, stop. */
const live = async (database) => {
  const server = await start({
    NODE_ENV: 'test',
    ENV_PATH: path.join(os.tmpdir(), 'no-such-env-file'),
    HOST: '127.0.0.1',
    PORT: '0',
    APP_KEYS: `${secret()},${secret()}`,
    ADMIN_JWT_SECRET: secret(),
    API_TOKEN_SALT: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    CLICK_HASH_SALT: secret(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    TEST_DIST_DIR: path.join(tree, 'dist'),
    // The seed's publish is queued for a target that never answers within the hour.
    REBUILD_ON_SEED: 'true',
    REBUILD_HOOK_URL: 'http://127.0.0.1:9/rebuild',
    REBUILD_HOOK_SECRET: `whsec_${crypto.randomBytes(32).toString('base64')}`,
    REBUILD_DEBOUNCE_MS: '3600000',
    REBUILD_MAX_WAIT_MS: '3600000',
    ...database,
  });
  const list = await (await fetch(`${server.url}/api/articles`)).json();
  for (const article of list.data) {
    for (let i = 0; i < 25; i += 1) {
      const res = await fetch(`${server.url}/api/articles/${article.documentId}/clicks`, {
        method: 'POST',
        headers: { 'User-Agent': `Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36 release-fixture/${i}` },
      });
      if (res.status !== 202) throw new Error(`click: ${res.status}`);
    }
  }
  server.child.kill('SIGTERM');
  await server.exited;
};

const main = async () => {
  fs.rmSync(tree, { recursive: true, force: true });
  git('worktree', 'prune');
  git('worktree', 'add', '--detach', tree, sha);
  try {
    fs.symlinkSync(path.join(appDir, 'node_modules'), path.join(tree, 'node_modules'));
    console.log(`compiling ${sha}...`);
    const { compileStrapi } = require('@strapi/strapi');
    await compileStrapi({ appDir: tree });
    fs.mkdirSync(outDir, { recursive: true });

    const file = path.join(tree, '.tmp', 'release.db');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await live({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file });
    // One file: the WAL is checkpointed into it.
    const Database = require('better-sqlite3');
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    fs.writeFileSync(path.join(outDir, 'sqlite.db.gz'), zlib.gzipSync(fs.readFileSync(file), { level: 9 }));

    const server =
      process.env.TEST_POSTGRES_URL ||
      execFileSync('bash', [path.join(appDir, 'scripts', 'test-postgres-server.sh')], { encoding: 'utf8' }).trim();
    const { Client } = require('pg');
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS newsroom_release WITH (FORCE)');
    await admin.query('CREATE DATABASE newsroom_release');
    const url = new URL(server);
    url.pathname = '/newsroom_release';
    await live({ DATABASE_CLIENT: 'postgres', DATABASE_URL: url.href });
    const pgBin = execFileSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1'], { encoding: 'utf8' }).trim();
    const dump = execFileSync(path.join(pgBin, 'pg_dump'), ['--inserts', '--no-owner', '--no-privileges', '--dbname', url.href], {
      maxBuffer: 256 * 1024 * 1024,
    });
    await admin.query('DROP DATABASE newsroom_release WITH (FORCE)');
    await admin.end();
    fs.writeFileSync(path.join(outDir, 'postgres.sql.gz'), zlib.gzipSync(dump, { level: 9 }));
    console.log(`written: ${path.relative(appDir, outDir)}/sqlite.db.gz, postgres.sql.gz`);
  } finally {
    git('worktree', 'remove', '--force', tree);
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
