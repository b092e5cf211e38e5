// Demo content on an empty database only, idempotent seeding, and production secrets.
import { spawnSync } from 'child_process';
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
    const { seedDemo } = require(path.join(distDir, 'src', 'bootstrap', 'seed.js'));
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
    const { seedDemo } = require(path.join(distDir, 'src', 'bootstrap', 'seed.js'));
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

  test('refuses to start and names each missing secret', () => {
    const result = start({ APP_KEYS: 'a,b', ADMIN_JWT_SECRET: 'x', API_TOKEN_SALT: 'y', TRANSFER_TOKEN_SALT: 'z' });
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(
      /Refusing to start in production: missing required environment variable\(s\): JWT_SECRET, ENCRYPTION_KEY, CLICK_HASH_SALT\./
    );
    expect(output).not.toMatch(/missing[^\n]*APP_KEYS/);
  });

  test('refuses to start with no secrets at all, naming all of them', () => {
    const result = start({});
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(
      /APP_KEYS, ADMIN_JWT_SECRET, API_TOKEN_SALT, TRANSFER_TOKEN_SALT, JWT_SECRET, ENCRYPTION_KEY, CLICK_HASH_SALT/
    );
  });
});
