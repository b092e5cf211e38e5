import { assertProductionSecrets, missingSecrets, REQUIRED_SECRETS } from '../../src/lib/required-secrets';

const all = Object.fromEntries(REQUIRED_SECRETS.map((name) => [name, 'value']));

test('production with every secret starts', () => {
  expect(() => assertProductionSecrets({ ...all, NODE_ENV: 'production' })).not.toThrow();
});

test('a blank secret counts as missing', () => {
  expect(missingSecrets({ ...all, JWT_SECRET: '  ' })).toEqual(['JWT_SECRET']);
});

test('development does not require secrets (they are generated into .env)', () => {
  expect(() => assertProductionSecrets({ NODE_ENV: 'development' })).not.toThrow();
});
