#!/usr/bin/env node
// `npm run versions:purge -- [--keep-drafts N] [--dry-run]`: the retention rule of 版本记录,
// for every document at once: every published version stays, and the last N drafts of each
// document and locale (N: --keep-drafts, else VERSIONS_KEEP_DRAFTS, else 100); older drafts go
// in one DELETE. Each save prunes its own document the same way; this catches up after N is
// lowered. The count is printed.
//
// Exit code: 0 done (or nothing to remove), 2 bad usage, 3 the purge failed.
'use strict';

require('./cli-database');

const { withApp } = require('./lib/app');

const USAGE = 'usage: npm run versions:purge -- [--keep-drafts N] [--dry-run]';

class UsageError extends Error {}

const whole = (value, name) => {
  if (!/^\d+$/.test(value ?? '') || Number(value) < 1) throw new UsageError(`${name} needs a whole number, at least 1`);
  return Number(value);
};

const parseArgs = (argv) => {
  const options = { keep: undefined, dryRun: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--keep-drafts' || arg.startsWith('--keep-drafts=')) {
      options.keep = whole(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[(i += 1)], '--keep-drafts');
    } else throw new UsageError(`unknown argument ${arg}`);
  }
  if (options.keep === undefined) {
    const env = process.env.VERSIONS_KEEP_DRAFTS;
    options.keep = env === undefined || env === '' ? 100 : whole(env, 'VERSIONS_KEEP_DRAFTS');
  }
  return options;
};

withApp(
  async ({ app, report }) => {
    let options;
    try {
      options = parseArgs(process.argv.slice(2));
      if (options.help) {
        report(`${USAGE}\n`);
        return 0;
      }
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(`[versions:purge] ${error.message}\n${USAGE}`);
      return 2;
    }
    const strapi = await app();
    const service = strapi.service('api::version.versions');
    if (options.dryRun) {
      const total = await service.count({ published: false });
      report(`[versions:purge] dry run: ${total} draft versions in all; keeping the last ${options.keep} of each document and locale\n`);
    } else {
      const { deleted } = await service.purge(options.keep);
      report(
        `[versions:purge] removed ${deleted} draft versions beyond the last ${options.keep} of each document and locale; published versions kept\n`
      );
    }
    return 0;
  },
  {
    name: '[versions:purge]',
    reportOnly: true,
    fail: (error) => {
      console.error('[versions:purge] failed, nothing was removed:', error.message);
      return 3;
    },
  }
);
