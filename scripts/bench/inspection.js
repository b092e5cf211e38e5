#!/usr/bin/env node
// npm run bench:inspection [-- --db sqlite|postgres] [--articles N] [--channels N] [--runs N]
//
// The channel freshness report (栏目更新检查) on a production-mode app with 10,000
// published articles across 200 channels (by default), bulk-loaded through the query
// layer and knex, each with its draft row as editors' articles have:
//   (a) the service, in process: median of --runs reports, and its SQL statements
//   (b) the admin API, GET /admin/newsroom/inspection/channels over HTTP with a token
'use strict';

const os = require('os');
const path = require('path');
const { appDir, flag, productionEnv, compile, benchDatabase } = require('./lib');

const DB = flag('db', 'sqlite');
const ARTICLES = Number(flag('articles', '10000'));
const CHANNELS = Number(flag('channels', '200'));
const RUNS = Number(flag('runs', '15'));
const DAY_MS = 86_400_000;
const CLASSES = ['news', 'news', 'notice', 'policy', 'personnel', 'topic'];
/** Days since a channel's newest article, by channel number. */
const AGE_FLOOR = [0, 0, 0, 0, 9, 20, 60, 200, 400];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const timed = async (work) => {
  const started = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
};

/** A tree of CHANNELS published channels (with their drafts): 首页, sections, and leaves under them. */
const loadChannels = async (app) => {
  const query = app.db.query('api::channel.channel');
  const sections = Math.max(1, Math.round(Math.sqrt(CHANNELS)));
  const specs = [{ key: 0, name: '首页', parent: null, updateClass: 'none' }];
  for (let i = 1; i < CHANNELS; i += 1) {
    const parent = i <= sections ? 0 : 1 + ((i - sections - 1) % sections);
    specs.push({ key: i, name: `压测栏目 ${i}`, parent, updateClass: CLASSES[i % CLASSES.length] });
  }
  const rows = { draft: new Map(), published: new Map() };
  for (const spec of specs) {
    const documentId = `inspch${String(spec.key).padStart(18, '0')}`;
    for (const state of ['draft', 'published']) {
      const created = await query.create({
        data: {
          documentId,
          name: spec.name,
          slug: `ya-ce-lan-mu-${spec.key}`,
          updateClass: spec.updateClass,
          locale: 'zh-Hans',
          publishedAt: state === 'published' ? new Date() : null,
          ...(spec.parent === null ? {} : { parent: rows[state].get(spec.parent) }),
        },
      });
      rows[state].set(spec.key, created.id);
    }
  }
  // Articles go to the leaves (and a few to sections); the last 5 % of leaves stay empty.
  const leaves = specs.filter((spec) => spec.key > sections).map((spec) => spec.key);
  const filled = leaves.slice(0, Math.ceil(leaves.length * 0.95));
  return { rows, targets: [...filled, ...specs.filter((spec) => spec.key >= 1 && spec.key <= sections).map((spec) => spec.key)] };
};

/** ARTICLES published articles (and their drafts), dated over the last two years, linked through Strapi's join table. */
const loadArticles = async (app, { rows, targets }) => {
  const knex = app.db.connection;
  const join = app.db.metadata.get('api::article.article').attributes.channel.joinTable;
  const now = Date.now();
  // 100 articles (200 rows) per statement: SQLite's multi-row insert is a compound SELECT of at most 500.
  for (let start = 0; start < ARTICLES; start += 100) {
    const batch = [];
    for (let n = start; n < Math.min(ARTICLES, start + 100); n += 1) {
      // Most articles recent, a long tail back two years; some channels were last fed
      // long ago, so the report has stale and due-soon channels to sort.
      const target = targets[n % targets.length];
      const age = AGE_FLOOR[target % AGE_FLOOR.length] + Math.floor(730 * Math.pow(((n * 7919) % 1000) / 1000, 3));
      const date = new Date(now - age * DAY_MS - (n % 24) * 3_600_000);
      for (const state of ['draft', 'published']) {
        batch.push({
          document_id: `inspar${String(n).padStart(18, '0')}`,
          title: `压测稿件 ${n}`,
          slug: `ya-ce-gao-jian-${n}`,
          source: '浙江省机关事务管理局 办公室',
          publish_date: date,
          published_at: state === 'published' ? date : null,
          locale: 'zh-Hans',
          created_at: date,
          updated_at: date,
          _channel: rows[state].get(target),
        });
      }
    }
    await knex.transaction(async (trx) => {
      const inserted = await trx('articles')
        .insert(batch.map(({ _channel, ...row }) => row))
        .returning('id');
      await trx(join.name).insert(
        inserted.map((row, i) => ({
          [join.joinColumn.name]: row.id ?? row,
          [join.inverseJoinColumn.name]: batch[i]._channel,
          ...(join.inverseOrderColumnName ? { [join.inverseOrderColumnName]: 2 * start + i + 1 } : {}),
        }))
      );
    });
  }
};

const main = async () => {
  console.log(`bench:inspection on ${DB}, ${ARTICLES} articles, ${CHANNELS} channels, ${RUNS} runs, ${os.cpus().length} cores`);
  console.log('compiling the app (production build of the server code)...');
  await compile();
  Object.assign(process.env, productionEnv({ SEED_DEMO: 'false', ...(await benchDatabase(DB, 'bench_inspection')) }));
  const { createStrapi } = require('@strapi/strapi');
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  app.log.level = 'warn';
  try {
    await app.server.mount();
    await new Promise((resolve) => app.server.httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${app.server.httpServer.address().port}`;

    const load = await timed(async () => loadArticles(app, await loadChannels(app)));
    console.log(`  loaded in ${(load.ms / 1000).toFixed(1)} s`);

    const service = app.service('api::channel.freshness');
    let statements = 0;
    const count = () => (statements += 1);
    app.db.connection.on('query', count);
    const first = await service.channelReport();
    app.db.connection.off('query', count);
    const { summary } = first;
    console.log(
      `  report: ${summary.total} channels, stale ${summary.stale}, empty ${summary.empty}, due soon ${summary.dueSoon}, ok ${summary.ok}, exempt ${summary.exempt}; ${statements} SQL statements`
    );

    const serviceTimes = [];
    for (let i = 0; i < RUNS; i += 1) serviceTimes.push((await timed(() => service.channelReport())).ms);

    const superAdmin = await app.service('admin::role').getSuperAdmin();
    const password = 'Bench-Passw0rd';
    await app.service('admin::user').create({
      email: 'bench@example.gov.cn',
      firstname: 'Bench',
      lastname: 'Admin',
      password,
      isActive: true,
      roles: [superAdmin.id],
    });
    const login = await fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.gov.cn', password }),
    });
    const token = (await login.json()).data.token;
    const apiTimes = [];
    let bytes = 0;
    for (let i = 0; i < RUNS + 2; i += 1) {
      const { ms, result } = await timed(async () => {
        const res = await fetch(`${base}/admin/newsroom/inspection/channels`, { headers: { Authorization: `Bearer ${token}` } });
        if (res.status !== 200) throw new Error(`admin API answered ${res.status}`);
        return res.text();
      });
      bytes = Buffer.byteLength(result);
      if (i >= 2) apiTimes.push(ms); // the first two warm the route up
    }
    const line = (name, times) =>
      console.log(
        `  ${name.padEnd(34)} median ${median(times).toFixed(1).padStart(6)} ms  min ${Math.min(...times)
          .toFixed(1)
          .padStart(6)} ms  max ${Math.max(...times)
          .toFixed(1)
          .padStart(6)} ms`
      );
    line('(a) service channelReport()', serviceTimes);
    line(`(b) admin API (${(bytes / 1024).toFixed(0)} KB JSON)`, apiTimes);
  } finally {
    await app.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    // A failed bulk insert's message carries the whole statement: its head says enough.
    console.error(String(error?.stack ?? error).slice(0, 2000));
    process.exit(1);
  }
);
