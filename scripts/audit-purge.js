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

const fs = require('fs');
const path = require('path');

const appDir = path.resolve(__dirname, '..');
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

const main = async () => {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    if (options.help) {
      console.log(USAGE);
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

  // Only the report goes to stdout: the compiler's and Strapi's output go to stderr.
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => process.stderr.write(chunk, ...rest);
  require('./ensure-env').ensureEnv();
  process.env.SEED_DEMO = 'false';
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  // In production (and in the tests: AUDIT_SKIP_COMPILE=1) the build in dist/ is what runs.
  const distDir = path.join(appDir, 'dist');
  const useBuilt =
    process.env.AUDIT_SKIP_COMPILE === '1' || (process.env.NODE_ENV === 'production' && fs.existsSync(path.join(distDir, 'src')));
  const ctx = useBuilt ? { appDir, distDir } : await compileStrapi({ appDir });

  let app;
  try {
    app = await createStrapi({ ...ctx, autoReload: false, serveAdminPanel: false }).load();
    const audit = app.service('api::audit.audit');
    let line;
    if (options.dryRun) {
      const before = new Date(Date.now() - options.days * 86_400_000);
      const found = await app.db.query('api::audit.audit-entry').count({ where: { at: { $lt: before } } });
      line = `[audit:purge] dry run: ${found} entries older than ${options.days} days (before ${before.toISOString()}) would be removed`;
    } else {
      const { before, deleted, oldest } = await audit.purge(options.days);
      line =
        `[audit:purge] removed ${deleted} entries older than ${options.days} days (before ${before.toISOString()})` +
        (oldest ? `, the oldest from ${oldest.toISOString()}` : '');
    }
    stdoutWrite(`${line}\n`);
  } finally {
    if (app) await app.destroy().catch((error) => console.error('[audit:purge] during shutdown:', error.message));
    process.stdout.write = stdoutWrite;
  }
  return 0;
};

main().then(
  // Exit once stdout is flushed: to a pipe it is written asynchronously.
  (code) => process.stdout.write('', () => process.exit(code)),
  (error) => {
    console.error('[audit:purge] failed, nothing was removed:', error.message);
    process.exit(3);
  }
);
