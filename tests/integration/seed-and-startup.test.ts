// Demo content on an empty database only, idempotent seeding, and production secrets.
import { spawnSync } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api } from '../helpers/http';

const appDir = path.resolve(__dirname, '..', '..');
const distDir = process.env.TEST_DIST_DIR ?? path.join(appDir, 'dist');

const TYPES = [
  'api::channel.channel',
  'api::article.article',
  'api::speaker-quote.speaker-quote',
  'api::commendation.commendation',
  'api::commended-unit.commended-unit',
  'api::commended-individual.commended-individual',
] as const;

const rowCounts = async (app: App) =>
  Object.fromEntries(await Promise.all(TYPES.map(async (uid) => [uid, await app.db.query(uid).count()])));

describe('with SEED_DEMO=false', () => {
  let app: App;
  beforeAll(async () => {
    // With the publish checks on, as in production: the demo content passes them.
    app = await startApp({ SEED_DEMO: 'false', PUBLISH_CHECKS: 'true' });
  });
  afterAll(async () => {
    await stopApp(app);
    delete process.env.SEED_DEMO;
    process.env.PUBLISH_CHECKS = 'false';
  });

  test('startup leaves the database empty, yet creates both locales with Chinese as default', async () => {
    expect(Object.values(await rowCounts(app)).every((n) => n === 0)).toBe(true);
    const locales = await app.plugin('i18n').service('locales').find();
    expect(locales.map((l: { code: string }) => l.code).sort()).toEqual(['en', 'zh-Hans']);
    expect(locales.find((l: { code: string }) => l.code === 'zh-Hans').name).toBe('简体中文');
    expect(await app.plugin('i18n').service('locales').getDefaultLocale()).toBe('zh-Hans');
  });

  test('the seed loads the demo content, and running it twice changes nothing', async () => {
    const { seedDemo } = require(path.join(distDir, 'src', 'features', 'demo', 'seed.js'));
    const first = await seedDemo(app);
    expect(first).toEqual({ created: 30, existing: 0 });
    const afterFirst = await rowCounts(app);
    expect(afterFirst['api::speaker-quote.speaker-quote']).toBe(20 * 2 * 2); // 20 quotes x 2 locales x draft+published
    const second = await seedDemo(app);
    expect(second).toEqual({ created: 0, existing: 30 });
    expect(await rowCounts(app)).toEqual(afterFirst);
    const res = await api(app).get('/api/articles?filters[slug][$eq]=gan-en-fen-jin-shi-gan-zheng-xian');
    expect(res.body.data).toHaveLength(1);
  });

  test('a failing seed writes nothing', async () => {
    const fs = require('fs');
    const os = require('os');
    const broken = path.join(os.tmpdir(), `broken-seed-${process.pid}.json`);
    fs.writeFileSync(
      broken,
      JSON.stringify({
        channels: [{ key: 'ok', data: { slug: 'brand-new-channel' }, locales: { 'zh-Hans': { name: '新栏目' } } }],
        articles: [{ key: 'bad', data: { slug: 'x' }, relations: { channel: 'channel:missing' }, locales: { 'zh-Hans': { title: 'x' } } }],
      })
    );
    const { seedDemo } = require(path.join(distDir, 'src', 'features', 'demo', 'seed.js'));
    const before = await rowCounts(app);
    await expect(seedDemo(app, broken)).rejects.toThrow(/channel:missing/);
    expect(await rowCounts(app)).toEqual(before);
  });
});

describe('production start', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, [path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
      cwd: appDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ENV_PATH: '/nonexistent/.env', NODE_ENV: 'production', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
  const strong = () => crypto.randomBytes(32).toString('base64');
  const SECRETS = () => ({
    APP_KEYS: `${strong()},${strong()}`,
    ADMIN_JWT_SECRET: strong(),
    API_TOKEN_SALT: strong(),
    TRANSFER_TOKEN_SALT: strong(),
    JWT_SECRET: strong(),
    ENCRYPTION_KEY: strong(),
    CLICK_HASH_SALT: strong(),
  });
  const PUBLIC_URL = 'https://cms.example.gov.cn';
  /** Refused before anything opens: no database file, nothing served, a non-zero exit. */
  const expectRefused = (env: Record<string, string>, message: RegExp) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'refused-'));
    const database = path.join(dir, 'data.db');
    try {
      const result = start({ ...env, DATABASE_FILENAME: database, HOST: '127.0.0.1', PORT: '0' });
      const output = result.stdout + result.stderr;
      expect(result.status).not.toBe(0);
      expect(result.status).not.toBeNull(); // exited, not killed by the timeout
      expect(output).toMatch(message);
      expect(fs.existsSync(database)).toBe(false);
      return output;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  test('refuses to start and names each missing secret', () => {
    const { JWT_SECRET: _j, ENCRYPTION_KEY: _e, CLICK_HASH_SALT: _c, ...some } = SECRETS();
    const output = expectRefused(
      { ...some, PUBLIC_URL },
      /Refusing to start in production: missing required environment variable\(s\): JWT_SECRET, ENCRYPTION_KEY, CLICK_HASH_SALT\. Set them/
    );
    expect(output).not.toMatch(/missing[^\n]*APP_KEYS/);
    expect(output).not.toMatch(/shorter than/);
  });

  test('refuses to start with no secrets at all, naming all of them and PUBLIC_URL', () => {
    const output = expectRefused(
      {},
      /APP_KEYS, ADMIN_JWT_SECRET, API_TOKEN_SALT, TRANSFER_TOKEN_SALT, JWT_SECRET, ENCRYPTION_KEY, CLICK_HASH_SALT/
    );
    expect(output).toMatch(/PUBLIC_URL is not set/);
  });

  test('refuses a guessable secret (5 characters) and a short key of APP_KEYS, naming each, and prints no secret', () => {
    const secrets = { ...SECRETS(), ADMIN_JWT_SECRET: 'abcde', APP_KEYS: `${strong()},short-key-0123456789` };
    const output = expectRefused(
      { ...secrets, PUBLIC_URL },
      /Refusing to start in production: shorter than 32 characters: APP_KEYS \(key 2 of 2\), ADMIN_JWT_SECRET \(generate each/
    );
    expect(output).not.toContain('abcde');
    expect(output).not.toContain('short-key-0123456789');
    // 31 characters is one short.
    expectRefused({ ...SECRETS(), TRANSFER_TOKEN_SALT: 'x'.repeat(31), PUBLIC_URL }, /shorter than 32 characters: TRANSFER_TOKEN_SALT \(/);
  });

  test('refuses to start without PUBLIC_URL, or with one that is not an absolute http(s) URL', () => {
    expectRefused(SECRETS(), /Refusing to start in production: PUBLIC_URL is not set \(absolute links/);
    expectRefused({ ...SECRETS(), PUBLIC_URL: 'cms.example.gov.cn' }, /PUBLIC_URL must be an absolute http\(s\) URL/);
  });
});
