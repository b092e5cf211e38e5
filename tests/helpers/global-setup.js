// Runs once per `jest` run: compile the TypeScript app to dist/ so that every test
// file can boot the real app quickly with createStrapi({ appDir, distDir }). When the
// browser tests will run, `strapi build` does it and builds the admin panel too.
const path = require('path');
const { spawnSync } = require('child_process');
const { e2eEnabled } = require('./e2e-env');

module.exports = async () => {
  process.env.NODE_ENV = 'test';
  const appDir = path.resolve(__dirname, '..', '..');
  // A file moved in src/ must not linger in dist/ (scripts/lib/clean-dist.js).
  require('../../scripts/lib/clean-dist').cleanDist(appDir);
  if (e2eEnabled()) {
    const started = Date.now();
    const result = spawnSync(process.execPath, [path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'build'], {
      cwd: appDir,
      env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`strapi build failed:\n${result.stdout}\n${result.stderr}`);
    process.stdout.write(`\n[e2e] admin panel built for the browser tests in ${Math.round((Date.now() - started) / 1000)} s\n`);
    process.env.TEST_APP_DIR = appDir;
    process.env.TEST_DIST_DIR = path.join(appDir, 'dist');
    return;
  }
  const { compileStrapi } = require('@strapi/strapi');
  const ctx = await compileStrapi({ appDir });
  process.env.TEST_APP_DIR = ctx.appDir;
  process.env.TEST_DIST_DIR = ctx.distDir;
};
