// The admin-side rules of rebuild targets and the delivery log, as plain functions.
import { checkTargetInput, isMaskedSecret, maskSecret, SECRET_HELP, URL_HELP } from '../../src/features/rebuild/rules/guard-rebuild-secret';
import { isRebuildLogWrite } from '../../src/features/rebuild/rules/protect-rebuild-log';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

test('a secret is masked to its last four characters and the mask is recognised', () => {
  expect(maskSecret(SECRET)).toBe('whsec_••••••••LaSw');
  expect(isMaskedSecret(maskSecret(SECRET))).toBe(true);
  expect(isMaskedSecret(SECRET)).toBe(false);
  expect(maskSecret('whsec_abc')).toBe('whsec_••••••••');
  expect(maskSecret(null)).toBeNull();
});

test('saving the mask back keeps the stored secret; a new secret is validated', () => {
  const data: Record<string, unknown> = { name: 'x', secret: maskSecret(SECRET) };
  expect(checkTargetInput(data, 'update')).toBeNull();
  expect('secret' in data).toBe(false);
  expect(checkTargetInput({ secret: maskSecret(SECRET) }, 'create')).toBe(SECRET_HELP);
  expect(checkTargetInput({ secret: SECRET }, 'create')).toBeNull();
  expect(checkTargetInput({ secret: 'hunter2' }, 'update')).toBe(SECRET_HELP);
  expect(checkTargetInput({ secret: 'whsec_not base64!' }, 'update')).toBe(SECRET_HELP);
});

test('the URL must be http(s)', () => {
  expect(checkTargetInput({ url: 'https://api.netlify.com/build_hooks/abc' }, 'create')).toBeNull();
  for (const url of ['javascript:alert(1)', 'ftp://x', 'https://', 'http://a b', 42]) {
    expect([url, checkTargetInput({ url }, 'create')]).toEqual([url, URL_HELP]);
  }
});

test('every write to the delivery log is refused, reads are not', () => {
  for (const action of ['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']) {
    expect(isRebuildLogWrite('api::rebuild.rebuild-delivery', action)).toBe(true);
  }
  expect(isRebuildLogWrite('api::rebuild.rebuild-delivery', 'findMany')).toBe(false);
  expect(isRebuildLogWrite('api::article.article', 'update')).toBe(false);
});
