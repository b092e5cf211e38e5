#!/usr/bin/env node
// npm run bench:clicks [-- --db postgres] [--seconds N]
// (on PostgreSQL: the server in DATABASE_URL, else the throwaway cluster of
// scripts/test-postgres-server.sh; the click endpoint is measured with one and with two
// instances on the same database)
//
// One run, side by side, against the same production-mode build: throughput and
// p50/p99 latency at 32 and 256 connections of
//   (a) POST /api/articles/:id/clicks   (validation, bot rule, rate limit, dedupe, CORS all applied)
//   (b) a no-op content-API route of the same app (the framework floor)
//   (c) a naive click: documents().update + publish
//   (d) a bare node:http server doing one better-sqlite3 upsert per request
// then prints a/b, a/c, a/d and checks that the stored total equals the 2xx answers.
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { appDir, tmp, flag, productionEnv, startProcess, stop, run, measure, printRow, compile } = require('./lib');

const DB = flag('db', 'sqlite');
const SECONDS = Number(flag('seconds', '6'));
const CONNECTIONS = [32, 256];
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

const main = async () => {
  fs.mkdirSync(tmp, { recursive: true });
  console.log(`bench:clicks on ${DB}, ~${SECONDS}s per measurement, ${os.cpus().length} cores`);
  console.log('compiling the app (production build of the server code)...');
  await compile();

  const appDb = path.join(tmp, 'bench-clicks.db');
  const bareDb = path.join(tmp, 'bench-bare.db');
  for (const file of [appDb, bareDb]) for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  let pgUrl = null;
  if (DB === 'postgres') {
    // A fresh database on the server in DATABASE_URL, else on the throwaway test cluster.
    const server =
      process.env.DATABASE_URL ||
      execFileSync('bash', [path.join(appDir, 'scripts', 'test-postgres-server.sh')], { encoding: 'utf8' }).trim();
    const { Client } = require('pg');
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS newsroom_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE newsroom_bench');
    await admin.end();
    const url = new URL(server);
    url.pathname = '/newsroom_bench';
    pgUrl = url.href;
  }

  const env = productionEnv({
    // Rules stay on; the limit is set above what one loopback client sends.
    CLICK_RATE_LIMIT_PER_MIN: '100000000',
    CLICK_DEDUPE_WINDOW_S: '1800',
    // Every visitor here comes from 127.0.0.1: the per-address cap would stop counting after 20.
    CLICK_MAX_PER_ADDRESS: '0',
    ...(DB === 'sqlite' ? { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: appDb } : { DATABASE_CLIENT: 'postgres', DATABASE_URL: pgUrl }),
  });
  const app = await startProcess(path.join(__dirname, 'app-server.js'), [], env);
  // On PostgreSQL, a second instance on the same database, as behind a load balancer.
  const second = DB === 'postgres' ? await startProcess(path.join(__dirname, 'app-server.js'), [], env) : null;
  const bare = await startProcess(path.join(__dirname, 'bare-server.js'), [bareDb], {});
  const list = await (await fetch(`${app.url}/api/articles?fields[0]=title`)).json();
  const documentId = list.data[0].documentId;

  let visitor = 0;
  const click =
    (locale, base = app.url) =>
    () => ({
      url: `${base}/api/articles/${documentId}/clicks?locale=${locale}`,
      requests: [
        {
          method: 'POST',
          // A new visitor each time, so the dedupe rule runs and still counts every request.
          setupRequest: (req) => ({
            ...req,
            headers: { ...req.headers, 'user-agent': `${BROWSER} v/${(visitor += 1)}`, origin: 'https://www.example.gov.cn' },
          }),
        },
      ],
    });
  const targets = {
    a: click('zh-Hans'),
    b: () => ({ url: `${app.url}/api/bench/noop`, method: 'GET' }),
    c: () => ({ url: `${app.url}/api/bench/naive-clicks/${documentId}`, method: 'POST' }),
    d: () => ({ url: `${bare.url}/api/articles/${documentId}/clicks`, method: 'POST' }),
  };
  const labels = {
    a: '(a) click endpoint',
    b: '(b) no-op content-API route',
    c: '(c) naive update + publish',
    d: '(d) bare node:http + better-sqlite3',
  };

  // Warm the JIT and the database before anything is measured.
  await run({ ...click('en')(), connections: 32, duration: 3 });
  await run({ ...targets.b(), connections: 32, duration: 2 });
  await run({ ...targets.d(), connections: 32, duration: 2 });

  const rows = [];
  let clicksOk = 0;
  for (const connections of CONNECTIONS) {
    for (const key of ['a', 'b', 'c', 'd']) {
      // The probe of (a) counts English views: requests still in flight when a timed
      // probe ends are counted by the server but not by the client.
      const row = await measure(labels[key], targets[key], connections, SECONDS, key === 'a' ? click('en') : targets[key]);
      rows.push({ key, ...row });
      if (key === 'a') clicksOk += row.ok;
      printRow(row);
    }
    if (second) {
      // (a) again, the load split over both instances; as many requests as one did.
      const single = rows.find((row) => row.key === 'a' && row.connections === connections);
      const half = Math.round((single.rps * SECONDS) / 2);
      const results = await Promise.all(
        [app.url, second.url].map((base) => run({ ...click('zh-Hans', base)(), connections: connections / 2, amount: half }))
      );
      const answered = results.reduce((n, r) => n + r['2xx'] + r.non2xx, 0);
      const row = {
        key: 'a2',
        name: '(a) click endpoint, 2 instances',
        connections,
        rps: answered / Math.max(...results.map((r) => r.duration)),
        p50: Math.max(...results.map((r) => r.latency.p50)),
        p99: Math.max(...results.map((r) => r.latency.p99)),
        ok: results.reduce((n, r) => n + r['2xx'], 0),
        non2xx: results.reduce((n, r) => n + r.non2xx, 0),
        errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
      };
      rows.push(row);
      clicksOk += row.ok;
      printRow(row);
    }
  }

  // Stop the app (SIGTERM flushes the buffer), then count what is stored.
  await stop(app);
  if (second) await stop(second);
  await stop(bare);
  let stored;
  if (DB === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(appDb, { readonly: true });
    stored = db
      .prepare("SELECT COALESCE(SUM(count), 0) AS n FROM article_clicks WHERE document_id = ? AND locale = 'zh-Hans'")
      .get(documentId).n;
    db.close();
  } else {
    const knex = require('knex')({ client: 'pg', connection: pgUrl });
    stored = Number((await knex('article_clicks').where({ document_id: documentId, locale: 'zh-Hans' }).sum({ n: 'count' }))[0].n);
    await knex.destroy();
  }

  console.log('\nratios (same run):');
  let pass = true;
  for (const connections of CONNECTIONS) {
    const get = (key) => rows.find((row) => row.key === key && row.connections === connections).rps;
    const ab = get('a') / get('b');
    const ac = get('a') / get('c');
    const ad = get('a') / get('d');
    pass = pass && ab >= 3 && ad >= 0.3;
    console.log(`  c=${connections}: a/b ${ab.toFixed(2)} (target >= 3)   a/c ${ac.toFixed(1)}   a/d ${ad.toFixed(2)} (target >= 0.3)`);
    if (second)
      console.log(
        `         2 instances / 1: ${(rows.find((row) => row.key === 'a2' && row.connections === connections).rps / get('a')).toFixed(2)}`
      );
  }
  const exact = stored === clicksOk;
  console.log(`\nstored clicks ${stored}, 2xx click answers ${clicksOk}: ${exact ? 'exact, none lost' : 'MISMATCH'}`);
  console.log(pass && exact ? 'targets met' : 'TARGETS NOT MET');
  process.exit(pass && exact ? 0 : 1);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
