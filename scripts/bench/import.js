#!/usr/bin/env node
// npm run bench:import [-- --pages N] [-- --db sqlite|postgres]
//
// The importer's speed: pages per second for reading a page (decode, parse, find the
// quotes and commendation facts) and for a real import (channels, the article, its 20
// quotes and commended units, through the document service, one transaction per page),
// on generated variants of the sample page (default 1,000), on a fresh database of each
// kind (PostgreSQL on TEST_POSTGRES_URL, or a throwaway loopback cluster).
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

const main = async () => {
  console.log(`bench:import, ${PAGES} generated pages (the sample: 9 KB, 20 quotes), databases: ${DBS.join(', ')}`);
  await compile();
  const { parseLegacyPage } = require(path.join(appDir, 'dist', 'src', 'lib', 'legacy-page.js'));
  const pages = Array.from({ length: PAGES }, (_, i) => Buffer.from(pageText(i)));

  let started = process.hrtime.bigint();
  const read = pages.map((bytes) => parseLegacyPage(bytes, { html: false }));
  let seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `  read: ${PAGES} pages in ${seconds.toFixed(2)} s = ${(PAGES / seconds).toFixed(0)} pages/s (${read[0].quotes.length} quotes each)`
  );

  for (const db of DBS) {
    Object.assign(process.env, productionEnv({ ...(await benchDatabase(db, 'bench_import')), SEED_DEMO: 'false' }));
    const { createStrapi } = require('@strapi/strapi');
    const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
    try {
      const importer = app.service('api::article.importer');
      started = process.hrtime.bigint();
      for (const [i, page] of read.entries())
        await importer.importPage(page, { key: `bench:${i}`, dir: null, locale: 'zh-Hans', publish: false });
      seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const articles = await app.db.query('api::article.article').count();
      const quotes = await app.db.query('api::speaker-quote.speaker-quote').count();
      console.log(
        `  import (${db}, drafts): ${PAGES} pages in ${seconds.toFixed(1)} s = ${(PAGES / seconds).toFixed(1)} pages/s; ${articles} articles, ${quotes} quotes stored`
      );
    } finally {
      await app.destroy();
    }
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
