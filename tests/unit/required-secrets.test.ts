import { assertProductionSecrets, missingSecrets, REQUIRED_SECRETS } from '../../src/lib/required-secrets';

const all = Object.fromEntries(REQUIRED_SECRETS.map((name) => [name, 'value']));

test('production with every secret starts', () => {
  expect(() => assertProductionSecrets({ ...all, NODE_ENV: 'production' }, REQUIRED_SECRETS, ['node', 'strapi', 'start'])).not.toThrow();
});

test('a blank secret counts as missing', () => {
  expect(missingSecrets({ ...all, JWT_SECRET: '  ' })).toEqual(['JWT_SECRET']);
});

test('development does not require secrets (they are generated into .env)', () => {
  expect(() => assertProductionSecrets({ NODE_ENV: 'development' })).not.toThrow();
});

test('building the admin panel (strapi build) does not need the runtime secrets; starting does', () => {
  const build = ['node', '/app/node_modules/.bin/strapi', 'build'];
  const start = ['node', '/app/node_modules/.bin/strapi', 'start'];
  expect(() => assertProductionSecrets({ NODE_ENV: 'production' }, REQUIRED_SECRETS, build)).not.toThrow();
  expect(() => assertProductionSecrets({ NODE_ENV: 'production' }, REQUIRED_SECRETS, start)).toThrow(/APP_KEYS/);
});
