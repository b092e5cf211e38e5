#!/usr/bin/env node
// npm run bench:search [-- --db postgres] [-- --articles N] [-- --seconds N]
//
// A production build with N (10,000) published articles of realistic, varied length:
// the time to index them, what one publish pays to re-index, the index size, then the
// latency and throughput of 2-character, 4-character and multi-word searches beside a
// plain article list (goal: p99 under 50 ms, search at least half the list's req/s).
'use strict';

const os = require('os');
const path = require('path');
const { flag, productionEnv, startProcess, stop, measure, printRow, compile, benchDatabase } = require('./lib');

const SECONDS = Number(flag('seconds', '5'));
const DB = flag('db', 'sqlite');
const ARTICLES = Number(flag('articles', '10000'));
const CONNECTIONS = Number(flag('connections', '4'));

const QUERIES = {
  '2 characters': ['会议', '管理', '表彰', '机关', '食堂'],
  '4 characters': ['节约粮食', '先进集体', '公务用车', '机关事务', '后勤保障'],
  'several words': ['机关事务 表彰', '公务用车 改革 平台', '节能减排 绿色办公', '先进个人 会议精神'],
};

const main = async () => {
  console.log(
    `bench:search on ${DB}, ${ARTICLES} articles, ${CONNECTIONS} connections, ~${SECONDS}s per measurement, ${os.cpus().length} cores`
  );
  await compile();
  const dbEnv = await benchDatabase(DB, 'newsroom_bench_search');
  const app = await startProcess(path.join(__dirname, 'app-server.js'), [], productionEnv(dbEnv));
  try {
    const loaded = (await (await fetch(`${app.url}/api/bench/search-articles?count=${ARTICLES}`, { method: 'POST' })).json()).data;
    console.log(
      `  indexed ${loaded.indexed} articles in ${loaded.indexMs} ms (${((loaded.indexMs / loaded.indexed) * 1000).toFixed(0)} µs each)`
    );
    console.log(`  re-indexing one article on publish: ${loaded.perPublishMs.toFixed(2)} ms`);
    console.log(`  index size: ${(loaded.indexBytes / 1048576).toFixed(1)} MiB`);

    const list = `${app.url}/api/articles?pagination[pageSize]=10&fields[0]=title&fields[1]=slug&fields[2]=publishDate&populate[channel][fields][0]=name`;
    const rows = [];
    const listRow = await measure('article list of 10 (the baseline)', () => ({ url: list }), CONNECTIONS, SECONDS);
    printRow(listRow);
    const alone = await measure('article list of 10, one client', () => ({ url: list }), 1, SECONDS);
    printRow(alone);
    for (const [kind, words] of Object.entries(QUERIES)) {
      // autocannon cycles through the set's requests, one query after another.
      const opts = () => ({ url: app.url, requests: words.map((w) => ({ path: `/api/search?q=${encodeURIComponent(w)}&pageSize=10` })) });
      const one = await measure(`search, ${kind}, one client`, opts, 1, SECONDS);
      printRow(one);
      const row = await measure(`search, ${kind}`, opts, CONNECTIONS, SECONDS);
      printRow(row);
      rows.push({ ...row, p99One: one.p99 });
    }
    const totals = await Promise.all(
      Object.values(QUERIES)
        .flat()
        .map(async (w) => [w, (await (await fetch(`${app.url}/api/search?q=${encodeURIComponent(w)}`)).json()).meta.pagination.total])
    );
    console.log(`  matches: ${totals.map(([w, n]) => `${w} ${n}`).join(', ')}`);
    for (const row of rows) {
      console.log(
        `  ${row.name}: p99 ${row.p99One} ms for one client (goal < 50: ${row.p99One < 50 ? 'met' : 'NOT met'}), ${row.p99} ms at ${CONNECTIONS}; ${(row.rps / listRow.rps).toFixed(2)}x the list's req/s (goal >= 0.5: ${row.rps / listRow.rps >= 0.5 ? 'met' : 'NOT met'})`
      );
    }
  } finally {
    await stop(app);
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
