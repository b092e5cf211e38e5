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
//   (e) Strapi's own GET /_health
// then prints a/b, a/c, a/d, a/e and checks that the stored total equals the 2xx answers
// (every 202 is a committed click: the click's answer waits for its group's commit).
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { appDir, tmp, flag, productionEnv, startProcess, stop, run, measure, measureWrk, hasWrk, printRow, compile } = require('./lib');

const DB = flag('db', 'sqlite');
const SECONDS = Number(flag('seconds', '6'));
const CONNECTIONS = [32, 256];
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

/** Waits until the app answers /_health within 50 ms again (a backlog of slow requests is gone). */
const idle = async (base) => {
  for (let i = 0; i < 600; i += 1) {
    const started = Date.now();
    await fetch(`${base}/_health`).catch(() => null);
    if (Date.now() - started < 50) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

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
    ...(process.env.CLICK_COMMIT_WAIT_MS ? { CLICK_COMMIT_WAIT_MS: process.env.CLICK_COMMIT_WAIT_MS } : {}),
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
    e: () => ({ url: `${app.url}/_health`, method: 'GET' }),
  };
  const labels = {
    a: '(a) click endpoint',
    b: '(b) no-op content-API route',
    c: '(c) naive update + publish',
    d: '(d) bare node:http + better-sqlite3',
    e: "(e) Strapi's /_health",
  };

  // Warm the JIT and the database before anything is measured.
  await run({ ...click('en')(), connections: 32, duration: 3 });
  await run({ ...targets.b(), connections: 32, duration: 2 });
  await run({ ...targets.d(), connections: 32, duration: 2 });

  // With wrk (one thread, as the issues' figures were taken) when installed: autocannon
  // runs in Node on the same two cores and caps the fast answers. A wrk run ends with up
  // to `connections` clicks in flight, stored but not counted as answered: `inFlight`.
  const wrk = hasWrk();
  let run_ = 0;
  const clickLua = () => {
    run_ += 1;
    return [
      'counter = 0',
      'request = function()',
      '  counter = counter + 1',
      `  return wrk.format("POST", "/api/articles/${documentId}/clicks?locale=zh-Hans", { ["User-Agent"] = "${BROWSER} r/${run_}/" .. counter, ["Origin"] = "https://www.example.gov.cn" }, nil)`,
      'end',
      '',
    ].join('\n');
  };
  const wrkTarget = {
    a: (c) => measureWrk(labels.a, `${app.url}/`, c, SECONDS, null, clickLua()),
    b: (c) => measureWrk(labels.b, `${app.url}/api/bench/noop`, c, SECONDS),
    c: (c) => measureWrk(labels.c, `${app.url}/api/bench/naive-clicks/${documentId}`, c, SECONDS, '{}'),
    d: (c) => measureWrk(labels.d, `${bare.url}/api/articles/${documentId}/clicks`, c, SECONDS, '{}'),
    e: (c) => measureWrk(labels.e, `${app.url}/_health`, c, SECONDS),
  };
  console.log(
    wrk ? `load generator: wrk (${wrk}), one thread` : 'load generator: autocannon (apt-get install wrk for the figures the issues use)'
  );

  const rows = [];
  let clicksOk = 0;
  let inFlight = 0;
  for (const connections of CONNECTIONS) {
    // The naive click last: its requests queue up behind each other in the app for
    // seconds after the load stops, so the next round waits for the app to be idle.
    for (const key of ['a', 'e', 'b', 'd', 'c']) {
      // The autocannon probe of (a) counts English views: requests still in flight when a
      // timed probe ends are counted by the server but not by the client.
      const row = wrk
        ? await wrkTarget[key](connections)
        : await measure(labels[key], targets[key], connections, SECONDS, key === 'a' ? click('en') : targets[key]);
      rows.push({ key, ...row });
      if (key === 'a') {
        clicksOk += row.ok;
        if (wrk) inFlight += connections;
      }
      printRow(row);
    }
    await idle(app.url);
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
    const ae = get('a') / get('e');
    pass = pass && ab >= 3 && ae >= 3 && ad >= 0.3;
    console.log(
      `  c=${connections}: a/e ${ae.toFixed(2)} (target >= 3)   a/b ${ab.toFixed(2)} (target >= 3)   a/c ${ac.toFixed(1)}   a/d ${ad.toFixed(2)} (target >= 0.3)`
    );
    if (second)
      console.log(
        `         2 instances / 1: ${(rows.find((row) => row.key === 'a2' && row.connections === connections).rps / get('a')).toFixed(2)}`
      );
  }
  // Every answered click is stored; at most the ones in flight when a wrk run ended are
  // stored without an answer the client counted.
  const exact = stored >= clicksOk && stored - clicksOk <= inFlight;
  console.log(
    `\nstored clicks ${stored}, 2xx click answers ${clicksOk}` +
      (inFlight ? ` (+ up to ${inFlight} in flight when wrk stopped)` : '') +
      `: ${exact ? 'none lost' : 'MISMATCH'}`
  );
  console.log(pass && exact ? 'targets met' : 'TARGETS NOT MET');
  process.exit(pass && exact ? 0 : 1);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
