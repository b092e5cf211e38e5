#!/usr/bin/env node
// npm run bench:clicks [-- --db postgres] [--seconds N]
//
// One run, side by side, against the same production-mode build: throughput and
// p50/p99 latency at 32 and 256 connections of
//   (a) POST /api/articles/:id/clicks   (validation, bot rule, rate limit, dedupe, CORS all applied)
//   (b) a no-op content-API route of the same app (the framework floor)
//   (c) a naive click: documents().update + publish
//   (d) a bare node:http server doing one better-sqlite3 upsert per request
// then prints a/b, a/c, a/d and checks that the stored total equals the 2xx answers.
'use strict';

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

  const env = productionEnv({
    // Rules stay on; the limit is set above what one loopback client sends.
    CLICK_RATE_LIMIT_PER_MIN: '100000000',
    CLICK_DEDUPE_WINDOW_S: '1800',
    ...(DB === 'sqlite' ? { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: appDb } : { DATABASE_CLIENT: 'postgres' }),
  });
  const app = await startProcess(path.join(__dirname, 'app-server.js'), [], env);
  const bare = await startProcess(path.join(__dirname, 'bare-server.js'), [bareDb], {});
  const list = await (await fetch(`${app.url}/api/articles?fields[0]=title`)).json();
  const documentId = list.data[0].documentId;

  let visitor = 0;
  const click = (locale) => () => ({
    url: `${app.url}/api/articles/${documentId}/clicks?locale=${locale}`,
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
  }

  // Stop the app (SIGTERM flushes the buffer), then count what is stored.
  await stop(app);
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
    const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });
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
