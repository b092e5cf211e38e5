import {
  assertProductionSecrets,
  MIN_SECRET_LENGTH,
  missingSecrets,
  publicUrlProblem,
  REQUIRED_SECRETS,
  weakSecrets,
} from '../../src/lib/required-secrets';

const strong = 'k'.repeat(MIN_SECRET_LENGTH);
const all = Object.fromEntries(REQUIRED_SECRETS.map((name) => [name, strong]));
const production = { ...all, NODE_ENV: 'production', PUBLIC_URL: 'https://cms.example.gov.cn' };
const START = ['node', 'strapi', 'start'];
const refusal = (source: Record<string, string | undefined>) => {
  try {
    assertProductionSecrets(source, REQUIRED_SECRETS, START);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

test('production with every secret at least 32 characters long and PUBLIC_URL starts', () => {
  expect(refusal(production)).toBeNull();
  expect(refusal({ ...production, APP_KEYS: `${strong},${strong}` })).toBeNull();
});

test('a blank secret counts as missing', () => {
  expect(missingSecrets({ ...all, JWT_SECRET: '  ' })).toEqual(['JWT_SECRET']);
});

test('a secret one character short of 32 is refused, naming the variable', () => {
  for (const name of ['ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY', 'CLICK_HASH_SALT']) {
    const message = refusal({ ...production, [name]: 'k'.repeat(MIN_SECRET_LENGTH - 1) });
    expect(message).toMatch(new RegExp(`shorter than 32 characters: ${name} \\(`));
    expect(message).not.toMatch(/kkkk/); // the value is never printed
  }
  // Surrounding spaces are not part of the secret.
  expect(weakSecrets({ JWT_SECRET: ` ${'k'.repeat(31)} ` })).toEqual(['JWT_SECRET']);
});

test('the guessable 5-character ADMIN_JWT_SECRET of the report is refused', () => {
  expect(refusal({ ...production, ADMIN_JWT_SECRET: 'admin' })).toMatch(
    /^Refusing to start in production: shorter than 32 characters: ADMIN_JWT_SECRET \(/
  );
});

test('each key of APP_KEYS counts alone', () => {
  expect(weakSecrets({ APP_KEYS: `${strong},short,${strong}` })).toEqual(['APP_KEYS (key 2 of 3)']);
  expect(weakSecrets({ APP_KEYS: `${strong},,` })).toEqual(['APP_KEYS (key 2 of 3)', 'APP_KEYS (key 3 of 3)']);
  expect(weakSecrets({ APP_KEYS: ` ${strong} , ${strong} ` })).toEqual([]);
  expect(refusal({ ...production, APP_KEYS: 'a,b' })).toMatch(/APP_KEYS \(key 1 of 2\), APP_KEYS \(key 2 of 2\)/);
});

test('PUBLIC_URL is required in production, as an absolute http(s) URL', () => {
  expect(refusal({ ...production, PUBLIC_URL: undefined })).toMatch(/PUBLIC_URL is not set \(absolute links/);
  expect(refusal({ ...production, PUBLIC_URL: ' ' })).toMatch(/PUBLIC_URL is not set/);
  for (const bad of ['cms.example.gov.cn', '/cms', 'ftp://cms.example.gov.cn', 'javascript:alert(1)']) {
    expect(publicUrlProblem(bad)).toMatch(/PUBLIC_URL must be an absolute http\(s\) URL/);
  }
  expect(publicUrlProblem('http://127.0.0.1:1337')).toBeNull();
});

test('every problem is named in one message', () => {
  const message = refusal({ NODE_ENV: 'production', ...all, JWT_SECRET: undefined, ADMIN_JWT_SECRET: 'x' });
  expect(message).toMatch(/missing required environment variable\(s\): JWT_SECRET;/);
  expect(message).toMatch(/shorter than 32 characters: ADMIN_JWT_SECRET \(/);
  expect(message).toMatch(/PUBLIC_URL is not set/);
});

test('development and test do not require secrets (they are generated into .env) nor PUBLIC_URL', () => {
  expect(() => assertProductionSecrets({ NODE_ENV: 'development' }, REQUIRED_SECRETS, START)).not.toThrow();
  expect(() => assertProductionSecrets({ NODE_ENV: 'test', ADMIN_JWT_SECRET: 'x' }, REQUIRED_SECRETS, START)).not.toThrow();
});

test('building the admin panel (strapi build) does not need the runtime secrets; starting does', () => {
  const build = ['node', '/app/node_modules/.bin/strapi', 'build'];
  const start = ['node', '/app/node_modules/.bin/strapi', 'start'];
  expect(() => assertProductionSecrets({ NODE_ENV: 'production' }, REQUIRED_SECRETS, build)).not.toThrow();
  expect(() => assertProductionSecrets({ NODE_ENV: 'production' }, REQUIRED_SECRETS, start)).toThrow(/APP_KEYS/);
});
