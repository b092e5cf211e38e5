import { backoffMs, burstDueAt, coalesce, isRetryable, retryAfterMs, targetsFromEnv } from '../../src/lib/rebuild/policy';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('targets from the environment', () => {
  test('one target from REBUILD_HOOK_URL + REBUILD_HOOK_SECRET, more from REBUILD_HOOKS', () => {
    const targets = targetsFromEnv({
      url: 'https://api.netlify.com/build_hooks/abc',
      secret: SECRET,
      hooks: JSON.stringify([{ url: 'https://builder.example.gov.cn/hook', secret: SECRET, headers: { Authorization: 'Bearer t' } }]),
    });
    expect(targets.map((t) => [t.key, t.name, t.url])).toEqual([
      ['env:0', 'builder.example.gov.cn', 'https://builder.example.gov.cn/hook'],
      ['env:1', 'api.netlify.com', 'https://api.netlify.com/build_hooks/abc'],
    ]);
    expect(targets[0].headers).toEqual({ Authorization: 'Bearer t' });
  });

  test('none configured is fine', () => {
    expect(targetsFromEnv({})).toEqual([]);
  });

  test.each([
    [{ hooks: 'not json' }, /JSON array/],
    [{ hooks: '{"url":"x"}' }, /JSON array/],
    [{ url: 'ftp://x', secret: SECRET }, /http\(s\) URL/],
    [{ url: 'https://x.example', secret: 'plain' }, /whsec_/],
    [{ url: 'https://x.example' }, /whsec_/],
    [{ hooks: JSON.stringify([{ url: 'https://x.example', secret: SECRET, headers: { a: 1 } }]) }, /headers/],
  ])('a bad configuration fails with a clear message: %p', (env, message) => {
    expect(() => targetsFromEnv(env)).toThrow(message);
  });
});

test('a burst is due when quiet for the debounce, or at the latest max-wait after its first change', () => {
  const t = (s: number) => new Date(s * 1000);
  expect(burstDueAt(t(0), t(2), 5000, 60000)).toEqual(t(7));
  expect(burstDueAt(t(0), t(58), 5000, 60000)).toEqual(t(60));
});

test('with the defaults (8 attempts, 2 s base) the retries span more than a one-minute outage', () => {
  const minimum = Array.from({ length: 7 }, (_, i) => backoffMs(i + 1, 2000, 3_600_000, () => 0)).reduce((a, b) => a + b, 0);
  expect(minimum).toBeGreaterThan(60_000);
  expect(backoffMs(1, 2000, 3_600_000, () => 0.999)).toBeLessThanOrEqual(2000);
  expect(backoffMs(30, 2000, 10_000, () => 0.999)).toBeLessThanOrEqual(10_000);
});

test('Retry-After in seconds or as a date; what is retried', () => {
  expect(retryAfterMs('3')).toBe(3000);
  expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
  expect(retryAfterMs('soon')).toBeNull();
  expect(retryAfterMs(null)).toBeNull();
  expect([null, 429, 500, 503].every(isRetryable)).toBe(true);
  expect([400, 401, 404, 410, 422].some(isRetryable)).toBe(false);
});

test('changes of one document and locale in a burst collapse to the last action', () => {
  const at = (ms: number) => new Date(ms);
  const changes = coalesce([
    { uid: 'api::article.article', documentId: 'a', locale: 'zh-Hans', action: 'publish', slug: 's', at: at(1) },
    { uid: 'api::article.article', documentId: 'b', locale: 'zh-Hans', action: 'publish', slug: 't', at: at(2) },
    { uid: 'api::article.article', documentId: 'a', locale: 'zh-Hans', action: 'unpublish', slug: 's', at: at(3) },
    { uid: 'api::article.article', documentId: 'a', locale: 'en', action: 'publish', slug: 's', at: at(4) },
  ]);
  expect(changes.map((c) => `${c.documentId}/${c.locale}/${c.action}`)).toEqual([
    'b/zh-Hans/publish',
    'a/zh-Hans/unpublish',
    'a/en/publish',
  ]);
});
