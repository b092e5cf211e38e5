#!/usr/bin/env node
// `npm run search:reindex`: rebuilds the site search index from the published articles
// of the configured database (after a restore, or to pick up a tokenizer change). Safe
// while other instances serve: each batch is one transaction.
'use strict';

require('./cli-database');

const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  process.env.SEED_DEMO = 'false';
  const ctx = await compileStrapi({ appDir: path.resolve(__dirname, '..') });
  const app = await createStrapi({ ...ctx, autoReload: false, serveAdminPanel: false }).load();
  try {
    const started = Date.now();
    const indexed = await app.service('api::search.search').reindex();
    console.log(`[search] indexed ${indexed} published article versions in ${Date.now() - started} ms`);
  } finally {
    await app.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error('[search] reindex failed:', error.message);
    process.exit(1);
  }
);
