#!/usr/bin/env node
// npm run bench:import [-- --pages N] [-- --db sqlite|postgres] [-- --one-by-one]
//
// The importer's speed: pages per second for reading a page (decode, parse, find the
// quotes and commendation facts) and for a real import (channels, the article, its 20
// quotes and commended units, through the document service, one transaction per page),
// on generated variants of the sample page (default 1,000), on a fresh database of each
// kind (PostgreSQL on TEST_POSTGRES_URL, or a throwaway loopback cluster). Each page is
// made and read as it is imported, as `npm run import` does, so the memory figures (RSS
// after 1,000, 5,000 and 10,000 pages, and the peak) show whether an import grows with
// the archive. `--one-by-one` imports each quote through the document service, as before
// the batch (src/features/import/quote-batch.ts), for a before/after on the same machine.
'use strict';

const fs = require('fs');
const path = require('path');
const { appDir, flag, compile, benchDatabase, productionEnv } = require('./lib');

const PAGES = Number(flag('pages', '1000'));
const DBS = flag('db', 'sqlite,postgres').split(',');
const sample = fs.readFileSync(path.join(appDir, 'tests', 'fixtures', 'legacy', 'legacy-article-2022-09-23.txt'), 'utf8');

/** The sample, made into page `i`: its own title and date, so each is a new article. */
const pageText = (i) =>
  sample
    .replace('感恩奋进 实干争先——', `感恩奋进 实干争先 第${i}期——`)
    .replace('2022-09-23 20:40', `2022-09-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:40`);

const ONE_BY_ONE = process.argv.includes('--one-by-one');
const MB = (bytes) => `${Math.round(bytes / 1048576)} MB`;

const main = async () => {
  console.log(
    `bench:import, ${PAGES} generated pages (the sample: 9 KB, 20 quotes), databases: ${DBS.join(', ')}${ONE_BY_ONE ? ', quotes one by one' : ''}`
  );
  await compile();
  const { parseLegacyPage } = require(path.join(appDir, 'dist', 'src', 'lib', 'legacy-page.js'));
  const { namedQuotes } = require(path.join(appDir, 'dist', 'src', 'lib', 'collective-quotes.js'));
  const readPage = (i) => {
    const page = parseLegacyPage(Buffer.from(pageText(i)), { html: false });
    return { ...page, quotes: namedQuotes(page.quotes) };
  };

  let started = process.hrtime.bigint();
  let quotesEach = 0;
  for (let i = 0; i < PAGES; i += 1) quotesEach = readPage(i).quotes.length;
  let seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `  read: ${PAGES} pages in ${seconds.toFixed(2)} s = ${(PAGES / seconds).toFixed(0)} pages/s (${quotesEach} named quotes each; quotes said by a group are left out)`
  );

  for (const db of DBS) {
    Object.assign(process.env, productionEnv({ ...(await benchDatabase(db, 'bench_import')), SEED_DEMO: 'false' }));
    const { createStrapi } = require('@strapi/strapi');
    const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
    try {
      const importer = app.service('api::article.importer');
      const marks = [];
      let peak = process.memoryUsage().rss;
      started = process.hrtime.bigint();
      for (let i = 0; i < PAGES; i += 1) {
        await importer.importPage(readPage(i), {
          key: `bench:${i}`,
          dir: null,
          locale: 'zh-Hans',
          publish: false,
          quotesOneByOne: ONE_BY_ONE,
        });
        if ((i + 1) % 100 === 0) peak = Math.max(peak, process.memoryUsage().rss);
        if ([1000, 5000, 10000, 20000].includes(i + 1)) marks.push(`${i + 1}: ${MB(process.memoryUsage().rss)}`);
      }
      seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const articles = await app.db.query('api::article.article').count();
      const quotes = await app.db.query('api::speaker-quote.speaker-quote').count();
      console.log(
        `  import (${db}, drafts): ${PAGES} pages in ${seconds.toFixed(1)} s = ${(PAGES / seconds).toFixed(1)} pages/s; ${articles} articles, ${quotes} quotes stored`
      );
      console.log(`  memory (${db}): RSS after pages ${marks.join(', ') || '(fewer than 1,000 pages)'}; peak ${MB(peak)}`);
    } finally {
      await app.destroy();
    }
  }
  console.log(`  peak RSS of the process: ${MB(process.resourceUsage().maxRSS * 1024)}`);
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
