// The one way a script of scripts/ boots the app (npm run seed, search:reindex, import,
// import:terms, audit:purge, report:inspection; backup and restore need no app).
//
// The app is compiled to dist/ first, except
//   - with NODE_ENV=production when dist/ holds a build: the build `npm run build` left
//     there is what the server runs, and a script never recompiles under it;
//   - with SCRIPT_SKIP_COMPILE=true (or 1): dist/ is known to be fresh (the tests compile
//     once, before any file runs, and other processes run that build meanwhile).
'use strict';

const fs = require('fs');
const path = require('path');

const appDir = path.resolve(__dirname, '..', '..');

/**
 * The compiled modules a script needs that no service of the app gives, by name, as
 * paths under dist/: the only places the scripts know where a file of src/ lives.
 */
const COMPILED = {
  // The demo seed, as its feature exports it (the feature runs it into an empty database at start).
  seed: 'src/features/demo/index.js',
  // The old site's page reader: `npm run import -- --dry-run` reads pages without the app.
  legacyPage: 'src/lib/legacy-page.js',
  // Quotes said by a group, which the import leaves out.
  collectiveQuotes: 'src/lib/collective-quotes.js',
  // The word-list CSV reader: a bad file is refused before the app starts.
  termsCsv: 'src/lib/inspection/terms-csv.js',
};

const skipCompile = () =>
  /^(true|1)$/i.test(process.env.SCRIPT_SKIP_COMPILE || '') ||
  (process.env.NODE_ENV === 'production' && fs.existsSync(path.join(appDir, 'dist', 'src')));

let compiling = null;
/** { appDir, distDir } of the compiled app, compiled first unless said above; once per process. */
const compiledApp = () => {
  if (!compiling) {
    compiling = skipCompile()
      ? Promise.resolve({ appDir, distDir: path.join(appDir, 'dist') })
      : (require('./clean-dist').cleanDist(appDir), require('@strapi/strapi').compileStrapi({ appDir }));
  }
  return compiling;
};

/** A compiled module of COMPILED (compiling the app first if need be). */
const compiled = async (name) => {
  if (!COMPILED[name]) throw new Error(`no compiled module "${name}" is known to scripts/lib/app.js`);
  return require(path.join((await compiledApp()).distDir, COMPILED[name]));
};

/**
 * Runs `main(script)`, shuts the app down if it was started, and exits with the code main
 * returns (0 when none) or, when it throws, the code `fail(error)` returns after saying why.
 *   script.app()          the app loaded on the configured database (secrets a fresh
 *                         clone lacks are generated into .env first, as `npm run develop`
 *                         does; no demo content is seeded); started once, on first call
 *   script.compiled(name) a compiled module of COMPILED
 *   script.report(text)   writes to stdout
 * Options:
 *   name        the script's tag in messages, e.g. '[import]'
 *   reportOnly  only script.report writes to stdout: the compiler's and Strapi's output
 *               go to stderr (for scripts whose stdout is read: JSON, cron mail)
 *   fail        (error) => exit code, after saying why on stderr; by default
 *               `<name> failed: <message>` and 1
 * Whatever the shutdown says (a background task's pending query aborted, say) goes to
 * stderr and changes neither the exit code nor what was written.
 */
const withApp = (main, { name, reportOnly = false, fail } = {}) => {
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  if (reportOnly) process.stdout.write = (chunk, ...rest) => process.stderr.write(chunk, ...rest);
  const onFail =
    fail ??
    ((error) => {
      console.error(`${name} failed:`, error.message);
      return 1;
    });

  let starting = null;
  const app = () => {
    if (!starting) {
      starting = (async () => {
        const added = require('../ensure-env').ensureEnv();
        if (added.length) console.error(`[ensure-env] generated ${added.join(', ')} into .env`);
        process.env.SEED_DEMO = 'false';
        const ctx = await compiledApp();
        const { createStrapi } = require('@strapi/strapi');
        return createStrapi({ ...ctx, autoReload: false, serveAdminPanel: false }).load();
      })();
    }
    return starting;
  };
  const shutdown = async () => {
    if (!starting) return;
    const started = await starting.catch(() => null);
    if (!started) return;
    process.on('unhandledRejection', (error) => console.error(`${name} during shutdown:`, error?.message ?? error));
    await started.destroy().catch((error) => console.error(`${name} during shutdown:`, error.message));
  };
  const report = (text) => stdoutWrite(text);

  const run = async () => {
    let code;
    try {
      code = (await main({ app, compiled, report })) ?? 0;
    } catch (error) {
      await shutdown();
      process.stdout.write = stdoutWrite;
      return onFail(error);
    }
    await shutdown();
    process.stdout.write = stdoutWrite;
    return code;
  };

  return run().then(
    // Exit once stdout is flushed: to a pipe it is written asynchronously, and an early
    // exit cut a JSON report short.
    (code) => stdoutWrite('', () => process.exit(code)),
    (error) => {
      console.error(`${name} failed:`, error);
      process.exit(1);
    }
  );
};

module.exports = { appDir, withApp, compiled, compiledApp };
