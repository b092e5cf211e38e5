#!/usr/bin/env node
// npm run soak -- --minutes N [--db postgres] [--scale X]
//
// A long run of the production build at a steady rate, below what the machine can
// serve (about a third of a 2-core machine; --scale multiplies it): article reads (by
// id and by slug), the article list, clicks, feeds, site search and an editor's publish
// every five seconds, side by side for N minutes. Every minute it prints the server's memory
// after a full GC (RSS, heap), its event-loop delay, and each kind of request's rate,
// p99 and errors. It ends with the memory trend and exits non-zero on any error or
// when the heap grew (last three minutes against the first three after warm-up).
'use strict';

const path = require('path');
const { flag, productionEnv, startProcess, stop, run, compile, benchDatabase } = require('./bench/lib');

const MINUTES = Number(flag('minutes', '30'));
const DB = flag('db', 'sqlite');
const SCALE = Number(flag('scale', '1'));
const WINDOW_S = Number(flag('window-s', '60'));
/** Heap growth (MB) from the first minutes to the last that still counts as flat. */
const FLAT_MB = 8;

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const WORDS = ['会议', '先进集体', '节约', '公务用车', '实干争先', '食堂', '机关事务', 'zzzz-none'];
const pick = (list) => list[Math.floor(Math.random() * list.length)];

const main = async () => {
  if (!(MINUTES >= 1)) throw new Error('--minutes must be at least 1');
  console.log(`soak on ${DB} for ${MINUTES} min, reports every ${WINDOW_S}s`);
  console.log('compiling the app (production build of the server code)...');
  await compile();
  const env = productionEnv({
    ...(await benchDatabase(DB, 'newsroom_soak')),
    NODE_OPTIONS: '--expose-gc',
    // One client address sends everything here: the per-address rules are turned up, not off.
    CLICK_RATE_LIMIT_PER_MIN: '100000000',
    CLICK_MAX_PER_ADDRESS: '0',
    // Every click here is a new visitor, and the dedupe remembers each for its window (the
    // memory it takes grows for one window, then stays): a 2-minute window reaches that
    // plateau early in the run. With the default 30 minutes it is reached after 30 minutes.
    CLICK_DEDUPE_WINDOW_S: '120',
  });
  const app = await startProcess(path.join(__dirname, 'bench', 'app-server.js'), [], env);
  const api = async (url, init) => {
    const res = await fetch(`${app.url}${url}`, init);
    if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  // An archive to read and search: 1,000 articles, half of them with varied text (indexed).
  await api('/api/bench/articles?count=500', { method: 'POST' });
  await api('/api/bench/search-articles?count=500', { method: 'POST' });
  const ids = (await api('/api/bench/article-ids')).data;
  const demo = (await api('/api/articles/by-slug/gan-en-fen-jin-shi-gan-zheng-xian')).data.documentId;
  console.log(`${ids.length} archive articles; the demo article ${demo} is revised and published every 5 s\n`);

  const rate = (n) => Math.max(1, Math.round(n * SCALE));
  let visitor = 0;
  const kinds = {
    article: { rate: rate(60), path: () => `/api/articles/${pick(ids)}` },
    slug: { rate: rate(10), path: () => '/api/articles/by-slug/gan-en-fen-jin-shi-gan-zheng-xian' },
    list: { rate: rate(15), path: () => `/api/articles?pagination[page]=${1 + Math.floor(Math.random() * 20)}` },
    click: {
      rate: rate(100),
      method: 'POST',
      path: () => `/api/articles/${pick(ids)}/clicks`,
      headers: () => ({ 'user-agent': `${BROWSER} v/${(visitor += 1)}` }),
    },
    feed: { rate: rate(15), path: () => pick(['/api/feeds/articles.rss', '/api/feeds/articles.atom', '/api/feeds/articles.json']) },
    search: { rate: rate(10), path: () => `/api/search?q=${encodeURIComponent(pick(WORDS))}` },
  };

  const windowOf = (kind) =>
    run({
      url: app.url,
      connections: 8,
      overallRate: kind.rate,
      duration: WINDOW_S,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            method: kind.method ?? 'GET',
            path: kind.path(),
            headers: { ...req.headers, ...(kind.headers ? kind.headers() : {}) },
          }),
        },
      ],
    });

  // The editor: one publish every five seconds, timed like the others.
  const publishWindow = async () => {
    const times = [];
    let errors = 0;
    const end = Date.now() + WINDOW_S * 1000;
    while (Date.now() < end) {
      const started = Date.now();
      const res = await fetch(`${app.url}/api/bench/publish/${demo}`, { method: 'POST' }).catch(() => null);
      times.push(Date.now() - started);
      if (!res || !res.ok) errors += 1;
      await res?.arrayBuffer().catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 5000 - (Date.now() - started))));
    }
    times.sort((a, b) => a - b);
    return { count: times.length, p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))], errors };
  };

  const names = [...Object.keys(kinds), 'publish'];
  console.log(['min', 'rss MB', 'heap MB', 'loop p99/max ms', ...names.map((name) => `${name} req/s p99 err`)].join(' | '));
  const rows = [];
  let totalErrors = 0;
  await api('/api/bench/vitals'); // resets the loop-delay histogram
  for (let minute = 1; minute <= MINUTES; minute += 1) {
    const results = await Promise.all([...Object.values(kinds).map(windowOf), publishWindow()]);
    const vitals = (await api('/api/bench/vitals')).data;
    const cells = results.map((result, i) => {
      if (names[i] === 'publish') {
        totalErrors += result.errors;
        return `${(result.count / WINDOW_S).toFixed(1)} ${result.p99}ms ${result.errors}`;
      }
      const errors = result.non2xx + result.errors + result.timeouts;
      totalErrors += errors;
      return `${((result['2xx'] + result.non2xx) / result.duration).toFixed(0)} ${result.latency.p99}ms ${errors}`;
    });
    const row = {
      minute,
      rss: vitals.memory.rss / 1048576,
      heap: vitals.memory.heapUsed / 1048576,
      loopP99: vitals.loopDelayMs.p99,
      loopMax: vitals.loopDelayMs.max,
    };
    rows.push(row);
    console.log(
      [
        String(minute).padStart(3),
        row.rss.toFixed(1),
        row.heap.toFixed(1),
        `${row.loopP99.toFixed(1)}/${row.loopMax.toFixed(0)}`,
        ...cells,
      ].join(' | ')
    );
  }
  await stop(app);

  // The first minutes warm caches, the JIT and the dedupe window; compare three minutes
  // after them with the last three.
  const mean = (list, key) => list.reduce((sum, row) => sum + row[key], 0) / list.length;
  const warm = rows.length >= 9 ? 3 : 1;
  const early = rows.slice(warm, warm + 3).length ? rows.slice(warm, warm + 3) : rows.slice(0, 1);
  const late = rows.slice(-3);
  const heapGrowth = mean(late, 'heap') - mean(early, 'heap');
  const rssGrowth = mean(late, 'rss') - mean(early, 'rss');
  const flat = heapGrowth <= FLAT_MB;
  console.log(
    `\nheap after GC: ${mean(early, 'heap').toFixed(1)} MB early, ${mean(late, 'heap').toFixed(1)} MB late (${heapGrowth >= 0 ? '+' : ''}${heapGrowth.toFixed(1)} MB; flat means <= ${FLAT_MB} MB)`
  );
  console.log(
    `rss: ${mean(early, 'rss').toFixed(1)} MB early, ${mean(late, 'rss').toFixed(1)} MB late (${rssGrowth >= 0 ? '+' : ''}${rssGrowth.toFixed(1)} MB)`
  );
  console.log(`errors: ${totalErrors}`);
  console.log(flat && totalErrors === 0 ? 'soak passed: flat memory, no errors' : 'SOAK FAILED');
  process.exit(flat && totalErrors === 0 ? 0 : 1);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
