#!/usr/bin/env node
// `npm run import:terms -- <file.csv>`: adds an agency's own word list to the publish
// checks' 检查词表. Columns: term (词语), kind (类别: 禁用词/敏感词/易错词), replacement
// (正确写法), note (说明). All or nothing: one bad row and nothing is written. Terms
// already listed with the same kind are skipped, so importing twice adds nothing.
'use strict';

require('./cli-database');

const fs = require('fs');
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
const { appContext } = require('./app-context');

const usage = () => {
  console.error('usage: npm run import:terms -- <file.csv>');
  process.exit(2);
};

const main = async () => {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) usage();
  if (!fs.existsSync(file)) {
    console.error(`[import:terms] no such file: ${file}`);
    process.exit(2);
  }
  process.env.SEED_DEMO = 'false';
  const ctx = await appContext(path.resolve(__dirname, '..'));
  const { parseTermsCsv } = require(path.join(ctx.distDir, 'src', 'lib', 'inspection', 'terms-csv.js'));
  const { terms, errors } = parseTermsCsv(fs.readFileSync(file, 'utf8'));
  if (errors.length) {
    for (const error of errors.slice(0, 20)) console.error(`[import:terms] ${error}`);
    console.error(`[import:terms] ${errors.length} bad rows: nothing was imported`);
    process.exit(1);
  }
  const app = await createStrapi({ ...ctx, autoReload: false, serveAdminPanel: false }).load();
  try {
    const added = await app.service('api::inspection.inspection').addTerms(terms);
    console.log(`[import:terms] ${added} terms added, ${terms.length - added} already listed`);
  } finally {
    await app.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error('[import:terms] failed, nothing was written:', error.message);
    process.exit(1);
  }
);
