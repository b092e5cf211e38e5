#!/usr/bin/env node
// `npm run seed`: loads the demo content into the configured database, even when it
// is not empty. Idempotent: what is already there is left as it is.
'use strict';

require('./cli-database');

const { withApp } = require('./lib/app');

withApp(
  async ({ app, compiled, report }) => {
    const strapi = await app();
    const { seedDemo } = await compiled('seed');
    const { created, existing } = await seedDemo(strapi);
    report(`[seed] demo content: ${created} documents created, ${existing} already present\n`);
  },
  {
    name: '[seed]',
    fail: (error) => {
      console.error('[seed] failed, nothing was written:', error.message);
      return 1;
    },
  }
);
