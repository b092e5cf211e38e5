import fs from 'fs';
import os from 'os';
import path from 'path';
import { MIN_SECRET_LENGTH, REQUIRED_SECRETS, weakSecrets } from '../../src/lib/required-secrets';

// Plain CommonJS script (it runs before Strapi, with no build step).

const { ensureEnv } = require('../../scripts/ensure-env.js');

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'env-')), '.env');
const parse = (file: string) =>
  Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  );

const saved = { ...process.env };
beforeEach(() => {
  for (const name of [
    'APP_KEYS',
    'ADMIN_JWT_SECRET',
    'API_TOKEN_SALT',
    'TRANSFER_TOKEN_SALT',
    'JWT_SECRET',
    'ENCRYPTION_KEY',
    'CLICK_HASH_SALT',
  ]) {
    delete process.env[name];
  }
  process.env.NODE_ENV = 'development';
});
afterAll(() => {
  process.env = saved;
});

test('a fresh clone gets random secrets in an untracked .env, readable only by its owner', () => {
  const file = tmp();
  ensureEnv(file);
  const env = parse(file);
  expect(Object.keys(env)).toEqual(expect.arrayContaining(['APP_KEYS', 'ADMIN_JWT_SECRET', 'JWT_SECRET', 'ENCRYPTION_KEY']));
  expect(env.APP_KEYS.split(',')).toHaveLength(4);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const other = tmp();
  ensureEnv(other);
  expect(parse(other).JWT_SECRET).not.toBe(env.JWT_SECRET);
});

test('every generated secret, and each key of APP_KEYS, is as long as production requires', () => {
  const file = tmp();
  ensureEnv(file);
  const env = parse(file);
  expect(Object.keys(env).sort()).toEqual([...REQUIRED_SECRETS].sort());
  expect(weakSecrets(env)).toEqual([]);
  for (const key of env.APP_KEYS.split(',')) expect(key.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
});

test('existing values are kept and only missing ones are added', () => {
  const file = tmp();
  fs.writeFileSync(file, 'JWT_SECRET=mine\nPORT=4000');
  expect(ensureEnv(file)).not.toContain('JWT_SECRET');
  const env = parse(file);
  expect(env.JWT_SECRET).toBe('mine');
  expect(env.PORT).toBe('4000');
  expect(ensureEnv(file)).toEqual([]);
});

test('production never gets generated secrets', () => {
  process.env.NODE_ENV = 'production';
  const file = tmp();
  expect(ensureEnv(file)).toEqual([]);
  expect(fs.existsSync(file)).toBe(false);
});
