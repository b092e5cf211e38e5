#!/usr/bin/env node
// npm run bench:reads [-- --seconds N]
//
// What front ends and static-site builds read, on a production-mode build, side by side in
// one run, at 1,000 and at 10,000 published articles:
//   /_health (the framework's floor), the article answer's bytes as a static file,
//   the article read (default populate) and the list of 10 from the response cache,
//   and the same two with the cache off (a second instance, RESPONSE_CACHE=false, same
//   database), plus a GraphQL query from the cache.
// Then the memory of 10,000 cached article answers. Throughput is measured with wrk (one
// thread) when it is installed, else autocannon. With --baseline <checkout>, that older
// build's uncached article read is measured beside this one's, on the same database.
// Goals (issue #17): cached article >= 2.5x /_health and >= the static file; cached list of
// 10 >= 1.5x /_health; uncached article >= 3x the 85 req/s measured before the work.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { appDir, flag, productionEnv, startProcess, stop, run, measureWrk, printRow, compile, benchDatabase } = require('./lib');

const SECONDS = Number(flag('seconds', '5'));
// An older checkout, compiled (npx tsc or a Strapi build), whose uncached reads are measured
// beside these on the same database: `--baseline /path/to/checkout`.
const BASELINE = flag('baseline', null);
const CONNECTIONS = 32;
const BEFORE_UNCACHED_RPS = 85; // issue #17: the default-populate article read before this work
const STATIC_NAME = 'bench-article.json';
const SAMPLE = 'gan-en-fen-jin-shi-gan-zheng-xian';

const json = async (url, init) => (await fetch(url, init)).json();

const main = async () => {
  console.log(`bench:reads, ~${SECONDS}s per measurement, ${CONNECTIONS} connections, ${os.cpus().length} cores`);
  console.log('compiling the app (production build of the server code)...');
  await compile();
  const dbEnv = await benchDatabase('sqlite', 'bench-reads');
  const staticFile = path.join(appDir, 'public', STATIC_NAME);
  // A: the response cache on, room for 10,000 whole article answers; B: the cache off.
  const cached = await startProcess(
    '--expose-gc',
    [path.join(__dirname, 'app-server.js')],
    productionEnv({ ...dbEnv, RESPONSE_CACHE_MAX_MB: '512' })
  );
  const uncached = await startProcess(
    path.join(__dirname, 'app-server.js'),
    [],
    productionEnv({ ...dbEnv, RESPONSE_CACHE: 'false', SEED_DEMO: 'false' })
  );
  const baseline = BASELINE
    ? await startProcess(path.join(BASELINE, 'scripts/bench/app-server.js'), [], productionEnv({ ...dbEnv, SEED_DEMO: 'false' }))
    : null;
  const results = {};
  try {
    const sample = (await json(`${cached.url}/api/articles/by-slug/${SAMPLE}?fields[0]=title`)).data.documentId;
    const articlePath = `/api/articles/${sample}`;
    const listPath = '/api/articles?pagination[pageSize]=10';
    const gql = JSON.stringify({
      query: `{ article(documentId: "${sample}") { title summary quotes { text speakerName } channel { name } } }`,
    });

    for (const size of [1000, 10000]) {
      const existing = (await json(`${cached.url}/api/bench/articles?count=0`, { method: 'POST' })).data.total;
      const { total } = (await json(`${cached.url}/api/bench/articles?count=${size - existing}`, { method: 'POST' })).data;
      const body = await (await fetch(`${cached.url}${articlePath}`)).text();
      fs.writeFileSync(staticFile, body);
      console.log(`\n${total} articles; the article answer is ${Buffer.byteLength(body)} bytes`);
      // Uncached reads answer tens per second: 32 connections would only measure queueing
      // (and wrk's 2 s timeouts), so they get 8, for twice as long; with a baseline, the
      // two builds take turns twice and their figures are averaged.
      const targets = [
        ['health', '/_health', cached.url, CONNECTIONS, SECONDS],
        ['static', `/${STATIC_NAME}`, cached.url, CONNECTIONS, SECONDS],
        ['cachedArticle', articlePath, cached.url, CONNECTIONS, SECONDS],
        ['cachedList', listPath, cached.url, CONNECTIONS, SECONDS],
        ['uncachedList', listPath, uncached.url, 8, 2 * SECONDS],
        ...[1, 2].flatMap(() => [
          ['uncachedArticle', articlePath, uncached.url, 8, 2 * SECONDS],
          ...(baseline ? [['baselineArticle', articlePath, baseline.url, 8, 2 * SECONDS]] : []),
        ]),
      ];
      const rows = {};
      for (const [key, p, base, connections, seconds] of targets) {
        await run({ url: `${base}${p}`, connections, duration: 1 }); // warm-up (fills the cache)
        const row = await measureWrk(`${key} ${p.slice(0, 28)}`, `${base}${p}`, connections, seconds);
        printRow(row);
        if (rows[key]) rows[key] = { ...row, rps: (rows[key].rps + row.rps) / 2 };
        else rows[key] = row;
      }
      await run({
        url: `${cached.url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: gql,
        connections: CONNECTIONS,
        duration: 1,
      });
      rows.cachedGraphql = await measureWrk('cachedGraphql POST /graphql', `${cached.url}/graphql`, CONNECTIONS, SECONDS, gql);
      printRow(rows.cachedGraphql);
      const ratio = (a, b) => rows[a].rps / rows[b].rps;
      console.log(
        `  ratios: cached article / _health ${ratio('cachedArticle', 'health').toFixed(2)} (goal >= 2.5), ` +
          `cached article / static ${ratio('cachedArticle', 'static').toFixed(2)} (goal >= 1), ` +
          `cached list / _health ${ratio('cachedList', 'health').toFixed(2)} (goal >= 1.5), ` +
          `uncached article / ${BEFORE_UNCACHED_RPS} ${(rows.uncachedArticle.rps / BEFORE_UNCACHED_RPS).toFixed(2)} (goal >= 3), ` +
          `cached / uncached article ${ratio('cachedArticle', 'uncachedArticle').toFixed(1)}` +
          (baseline ? `, uncached article / baseline's ${ratio('uncachedArticle', 'baselineArticle').toFixed(2)}` : '')
      );
      results[size] = rows;
    }

    // Memory of 10,000 cached article answers (default populate), 8 requests at a time.
    const ids = (await json(`${cached.url}/api/bench/article-ids`)).data.slice(0, 10000);
    const before = (await json(`${cached.url}/api/bench/cache-stats?gc=1`)).data;
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < ids.length) {
          const id = ids[next++];
          const res = await fetch(`${cached.url}/api/articles/${id}`);
          await res.arrayBuffer();
        }
      })
    );
    const after = (await json(`${cached.url}/api/bench/cache-stats?gc=1`)).data;
    const mb = (n) => (n / 1024 / 1024).toFixed(1);
    console.log(
      `\nfilled the cache with ${ids.length} article answers in ${((Date.now() - started) / 1000).toFixed(0)} s: ` +
        `${after.cache.entries} entries, ${mb(after.cache.bytes)} MB counted (${(after.cache.bytes / Math.max(1, after.cache.entries) / 1024).toFixed(1)} KB each); ` +
        `heap ${mb(before.memory.heapUsed)} -> ${mb(after.memory.heapUsed)} MB, rss ${mb(before.memory.rss)} -> ${mb(after.memory.rss)} MB; ` +
        `hits ${after.cache.hits}, misses ${after.cache.misses}`
    );
  } finally {
    fs.rmSync(staticFile, { force: true });
    await stop(cached);
    await stop(uncached);
    if (baseline) await stop(baseline);
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
