#!/usr/bin/env node
// `npm run audit:purge -- --older-than-days N [--force] [--dry-run]`: the retention purge
// of the audit log (操作日志), the only way entries are ever removed (no admin route or
// API may change the log). Entries older than N days go in one DELETE (all or none); the count,
// the cut-off and the oldest entry removed are printed. N below the retention floor
// (AUDIT_RETENTION_FLOOR_DAYS, 180 by default: 《网络安全法》 asks for at least six months
// of logs) is refused unless --force is given.
//
// Exit code: 0 done (or nothing to remove), 2 bad usage or refused, 3 the purge failed.
'use strict';

require('./cli-database');

const { withApp } = require('./lib/app');

const USAGE = 'usage: npm run audit:purge -- --older-than-days N [--force] [--dry-run]';
const DEFAULT_FLOOR = 180;

class UsageError extends Error {}

const parseArgs = (argv) => {
  const options = { days: undefined, force: false, dryRun: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--force') options.force = true;
    else if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--older-than-days' || arg.startsWith('--older-than-days=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[(i += 1)];
      if (!/^\d+$/.test(value ?? '') || Number(value) < 1)
        throw new UsageError('--older-than-days needs a whole number of days, at least 1');
      options.days = Number(value);
    } else throw new UsageError(`unknown argument ${arg}`);
  }
  if (!options.help && options.days === undefined) throw new UsageError('--older-than-days is required');
  return options;
};

const floorDays = () => {
  const raw = process.env.AUDIT_RETENTION_FLOOR_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_FLOOR;
  if (!/^\d+$/.test(raw)) throw new UsageError(`AUDIT_RETENTION_FLOOR_DAYS must be a whole number of days, got "${raw}"`);
  return Number(raw);
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
      const floor = floorDays();
      if (options.days < floor && !options.force) {
        throw new UsageError(
          `refusing to remove entries younger than the retention floor of ${floor} days (AUDIT_RETENTION_FLOOR_DAYS); ` +
            'add --force if the law and your records schedule allow it'
        );
      }
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(`[audit:purge] ${error.message}\n${USAGE}`);
      return 2;
    }

    const strapi = await app();
    if (options.dryRun) {
      const before = new Date(Date.now() - options.days * 86_400_000);
      const found = await strapi.db.query('api::audit.audit-entry').count({ where: { at: { $lt: before } } });
      report(`[audit:purge] dry run: ${found} entries older than ${options.days} days (before ${before.toISOString()}) would be removed\n`);
    } else {
      const { before, deleted, oldest } = await strapi.service('api::audit.audit').purge(options.days);
      report(
        `[audit:purge] removed ${deleted} entries older than ${options.days} days (before ${before.toISOString()})` +
          `${oldest ? `, the oldest from ${oldest.toISOString()}` : ''}\n`
      );
    }
    return 0;
  },
  {
    name: '[audit:purge]',
    // Only the report goes to stdout: the compiler's and Strapi's output go to stderr.
    reportOnly: true,
    fail: (error) => {
      console.error('[audit:purge] failed, nothing was removed:', error.message);
      return 3;
    },
  }
);
