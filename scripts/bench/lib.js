// Shared pieces of the benchmark scripts: child processes, autocannon, production env.
'use strict';

const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const autocannon = require('autocannon');

const appDir = path.resolve(__dirname, '..', '..');
const tmp = path.join(appDir, '.tmp');

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

const secret = () => crypto.randomBytes(24).toString('base64');

/** What a production start needs: every secret set, no .env read. */
const productionEnv = (extra = {}) => ({
  NODE_ENV: 'production',
  ENV_PATH: path.join(tmp, 'no-such-env-file'),
  HOST: '127.0.0.1',
  PORT: '0',
  APP_KEYS: `${secret()},${secret()}`,
  ADMIN_JWT_SECRET: secret(),
  API_TOKEN_SALT: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  CLICK_HASH_SALT: secret(),
  // Production requires it (src/lib/required-secrets.ts); the benchmarks follow no link.
  PUBLIC_URL: 'http://localhost',
  STRAPI_TELEMETRY_DISABLED: 'true',
  // The benchmarks and the soak publish generated articles that never pass 三审: the review
  // gate is a lookup of one row per publish, and not what they measure.
  REVIEW_REQUIRED: 'false',
  ...extra,
});

/** Starts `node script` and resolves once it prints "LISTENING <url>". */
const startProcess = (script, scriptArgs, env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...scriptArgs], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise((done) => child.once('exit', done));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /LISTENING (\S+)/.exec(output);
      if (match) resolve({ child, url: match[1], exited });
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`${path.basename(script)} exited with ${code}\n${output.slice(-3000)}`)));
  });

const stop = async (proc) => {
  proc.child.kill('SIGTERM');
  await proc.exited;
};

const run = (opts) =>
  new Promise((resolve, reject) => {
    autocannon({ pipelining: 1, timeout: 30, ...opts }, (error, result) => (error ? reject(error) : resolve(result)));
  });

/**
 * Runs about `seconds` worth of requests, sized from a one-second probe, and waits for
 * every answer (an amount, not a duration, so nothing is in flight at the end).
 */
const measure = async (name, opts, connections, seconds, probeOpts = opts) => {
  const probe = await run({ ...probeOpts(), connections, duration: 1 });
  const rate = Math.max(20, (probe['2xx'] + probe.non2xx) / (probe.duration || 1));
  const amount = Math.max(connections * 2, Math.round(rate * seconds));
  const result = await run({ ...opts(), connections, amount });
  return {
    name,
    connections,
    rps: (result['2xx'] + result.non2xx) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
};

const printRow = (row) =>
  console.log(
    `  ${row.name.padEnd(38)} c=${String(row.connections).padEnd(4)} ${row.rps.toFixed(0).padStart(7)} req/s  p50 ${String(row.p50).padStart(4)} ms  p99 ${String(row.p99).padStart(5)} ms  2xx ${row.ok}  non-2xx ${row.non2xx}  errors ${row.errors}`
  );

/**
 * The environment of a benchmark app on a fresh database named `name`: a new SQLite file
 * under .tmp/, or with `db` 'postgres' a new database on TEST_POSTGRES_URL's server (a
 * throwaway loopback cluster when it is not set).
 */
const benchDatabase = async (db, name) => {
  if (db === 'postgres') {
    const { execFileSync } = require('child_process');
    const serverUrl =
      process.env.TEST_POSTGRES_URL ||
      execFileSync('bash', [path.join(__dirname, '..', 'test-postgres-server.sh')])
        .toString()
        .trim();
    const { Client } = require('pg');
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.href };
  }
  fs.mkdirSync(tmp, { recursive: true });
  const file = path.join(tmp, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  return { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file };
};

/** Whether wrk is installed (apt-get install wrk). */
const hasWrk = () => {
  const { execFileSync } = require('child_process');
  try {
    return execFileSync('sh', ['-c', 'command -v wrk']).toString().trim() || null;
  } catch {
    return null;
  }
};

/**
 * Like `measure`, with wrk (one thread, as the issues' figures were taken) when it is
 * installed: autocannon runs in Node on the same cores and caps what fast answers can
 * show. `body` makes it a JSON POST, `lua` is a whole wrk script. Falls back to
 * autocannon (not for `lua`: the caller checks hasWrk first).
 */
const measureWrk = async (name, url, connections, seconds, body, lua) => {
  const { execFileSync } = require('child_process');
  const wrk = hasWrk();
  if (!wrk) {
    const opts = () => (body ? { url, method: 'POST', headers: { 'content-type': 'application/json' }, body } : { url });
    return measure(name, opts, connections, seconds);
  }
  const wrkArgs = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency'];
  let script = null;
  if (body || lua) {
    // `lua` is a whole wrk script (e.g. a request() that varies each request).
    script = path.join(tmp, `wrk-${process.pid}.lua`);
    fs.writeFileSync(
      script,
      lua ?? `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ${JSON.stringify(body)}\n`
    );
    wrkArgs.push('-s', script);
  }
  const out = execFileSync(wrk, [...wrkArgs, url]).toString();
  if (script) fs.rmSync(script, { force: true });
  const ms = (label) => {
    const match = new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!match) return NaN;
    const value = Number(match[1]);
    return Math.round(match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value);
  };
  const total = Number(/(\d+) requests in/.exec(out)[1]);
  const non2xx = Number((/Non-2xx or 3xx responses: (\d+)/.exec(out) ?? [0, 0])[1]);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    name,
    connections,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]),
    p50: ms('50%'),
    p99: ms('99%'),
    ok: total - non2xx,
    non2xx,
    errors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
};

const compile = async () => {
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir });
};

module.exports = {
  appDir,
  tmp,
  flag,
  productionEnv,
  startProcess,
  stop,
  run,
  measure,
  measureWrk,
  hasWrk,
  printRow,
  compile,
  benchDatabase,
};
