#!/usr/bin/env node
// `npm run import:terms -- <file.csv>`: adds an agency's own word list to the publish
// checks' 检查词表. Columns: term (词语), kind (类别: 禁用词/敏感词/易错词), replacement
// (正确写法), note (说明). All or nothing: one bad row and nothing is written. Terms
// already listed with the same kind are skipped, so importing twice adds nothing.
'use strict';

require('./cli-database');

const fs = require('fs');
const { withApp } = require('./lib/app');

withApp(
  async ({ app, compiled, report }) => {
    const file = process.argv[2];
    if (!file || process.argv.length > 3) {
      console.error('usage: npm run import:terms -- <file.csv>');
      return 2;
    }
    if (!fs.existsSync(file)) {
      console.error(`[import:terms] no such file: ${file}`);
      return 2;
    }
    const { parseTermsCsv } = await compiled('termsCsv');
    const { terms, errors } = parseTermsCsv(fs.readFileSync(file, 'utf8'));
    if (errors.length) {
      for (const error of errors.slice(0, 20)) console.error(`[import:terms] ${error}`);
      console.error(`[import:terms] ${errors.length} bad rows: nothing was imported`);
      return 1;
    }
    const added = await (await app()).service('api::inspection.inspection').addTerms(terms);
    report(`[import:terms] ${added} terms added, ${terms.length - added} already listed\n`);
  },
  {
    name: '[import:terms]',
    fail: (error) => {
      console.error('[import:terms] failed, nothing was written:', error.message);
      return 1;
    },
  }
);
