#!/usr/bin/env node
// npm run bench:feeds [-- --seconds N]
//
// One run on a production-mode build with a database of 10,000 published articles:
//   (a) throughput of the cached RSS feed
//   (b) the same bytes served as a static file from public/ by the same app
//   (c) time to render the feed uncached, at 1,000 and at 10,000 articles
// Targets: a/b >= 0.8, and render time at 10,000 within 1.2x of that at 1,000.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { appDir, tmp, flag, productionEnv, startProcess, stop, run, measure, printRow, compile } = require('./lib');

const SECONDS = Number(flag('seconds', '6'));
const CONNECTIONS = [32, 256];
const STATIC_NAME = 'bench-feed.xml';

const post = async (url) => (await fetch(url, { method: 'POST' })).json();
const get = async (url) => (await fetch(url)).json();

const main = async () => {
  console.log(`bench:feeds, ~${SECONDS}s per measurement, ${os.cpus().length} cores`);
  console.log('compiling the app (production build of the server code)...');
  await compile();
  fs.mkdirSync(tmp, { recursive: true });
  const db = path.join(tmp, 'bench-feeds.db');
  for (const s of ['', '-wal', '-shm']) fs.rmSync(db + s, { force: true });
  const staticFile = path.join(appDir, 'public', STATIC_NAME);

  const app = await startProcess(path.join(__dirname, 'app-server.js'), [], productionEnv({ DATABASE_FILENAME: db }));
  try {
    // (c) uncached render time at 1,000 then 10,000 published articles.
    let { total } = (await post(`${app.url}/api/bench/articles?count=999`)).data;
    await get(`${app.url}/api/bench/feed-render?runs=5`); // warm-up
    const at1k = (await get(`${app.url}/api/bench/feed-render?runs=40`)).data;
    console.log(`  (c) uncached RSS render, ${total} articles rows: median ${at1k.medianMs.toFixed(2)} ms (min ${at1k.minMs.toFixed(2)})`);
    ({ total } = (await post(`${app.url}/api/bench/articles?count=9000`)).data);
    await get(`${app.url}/api/bench/feed-render?runs=5`);
    const at10k = (await get(`${app.url}/api/bench/feed-render?runs=40`)).data;
    console.log(
      `  (c) uncached RSS render, ${total} articles rows: median ${at10k.medianMs.toFixed(2)} ms (min ${at10k.minMs.toFixed(2)})`
    );

    // (a) vs (b): the cached feed and the very same bytes as a static file.
    const feedUrl = `${app.url}/api/feeds/articles.rss`;
    const bytes = await (await fetch(feedUrl)).text();
    fs.writeFileSync(staticFile, bytes);
    const staticBytes = await (await fetch(`${app.url}/${STATIC_NAME}`)).text();
    if (staticBytes !== bytes) throw new Error('the static copy does not match the feed');
    console.log(`  feed size ${Buffer.byteLength(bytes)} bytes, 20 items`);
    await run({ url: feedUrl, connections: 32, duration: 2 });
    await run({ url: `${app.url}/${STATIC_NAME}`, connections: 32, duration: 2 });

    const rows = [];
    for (const connections of CONNECTIONS) {
      for (const [key, name, url] of [
        ['a', '(a) cached RSS feed', feedUrl],
        ['b', '(b) same bytes, static file', `${app.url}/${STATIC_NAME}`],
      ]) {
        const row = await measure(name, () => ({ url }), connections, SECONDS);
        rows.push({ key, ...row });
        printRow(row);
      }
    }

    console.log('\nratios (same run):');
    let pass = true;
    for (const connections of CONNECTIONS) {
      const rps = (key) => rows.find((row) => row.key === key && row.connections === connections).rps;
      const ab = rps('a') / rps('b');
      pass = pass && ab >= 0.8;
      console.log(`  c=${connections}: a/b ${ab.toFixed(2)} (target >= 0.8)`);
    }
    const growth = at10k.medianMs / at1k.medianMs;
    pass = pass && growth <= 1.2;
    console.log(`  render at 10,000 / at 1,000: ${growth.toFixed(2)} (target <= 1.2)`);
    console.log(pass ? 'targets met' : 'TARGETS NOT MET');
    process.exitCode = pass ? 0 : 1;
  } finally {
    fs.rmSync(staticFile, { force: true });
    await stop(app);
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
