#!/usr/bin/env node
// `npm run search:reindex`: rebuilds the site search index from the published articles
// of the configured database (after a restore, or to pick up a tokenizer change). Safe
// while other instances serve: each batch is one transaction.
'use strict';

require('./cli-database');

const { withApp } = require('./lib/app');

withApp(
  async ({ app, report }) => {
    const search = (await app()).service('api::search.search');
    const started = Date.now();
    const indexed = await search.reindex();
    report(`[search] indexed ${indexed} published article versions in ${Date.now() - started} ms\n`);
  },
  {
    name: '[search]',
    fail: (error) => {
      console.error('[search] reindex failed:', error.message);
      return 1;
    },
  }
);
