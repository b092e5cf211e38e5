#!/usr/bin/env node
// `npm run seed`: loads the demo content into the configured database, even when it
// is not empty. Idempotent: what is already there is left as it is.
'use strict';

require('./cli-database');

const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  process.env.SEED_DEMO = 'false'; // the explicit call below does it, with a report
  const ctx = await compileStrapi({ appDir: path.resolve(__dirname, '..') });
  const app = await createStrapi({ ...ctx, autoReload: false, serveAdminPanel: false }).load();
  try {
    const { seedDemo } = require(path.join(ctx.distDir, 'src', 'features', 'demo', 'seed.js'));
    const { created, existing } = await seedDemo(app);
    console.log(`[seed] demo content: ${created} documents created, ${existing} already present`);
  } finally {
    await app.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error('[seed] failed, nothing was written:', error.message);
    process.exit(1);
  }
);
