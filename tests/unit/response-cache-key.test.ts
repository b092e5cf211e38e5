// What a cached REST answer is keyed by, and what an entry is counted at.
import { MAX_PAIRS, readQuery } from '../../src/lib/response-cache/key';
import { ENTRY_OVERHEAD, entryBytes, ownBytes, type CachedAnswer } from '../../src/lib/response-cache/answer';

test('parameters no route reads are left out of the key; the ones read are kept as sent, in order', () => {
  expect(readQuery('utm_source=abc&x[1]=2')).toBe('');
  expect(readQuery('locale=en&junk=1&filters[title][$eq]=%E5%8F%B0&sort=publishDate:desc')).toBe(
    'locale=en&filters[title][$eq]=%E5%8F%B0&sort=publishDate:desc'
  );
  expect(readQuery('pagination[page]=2&&fields[0]=title&z=')).toBe('pagination[page]=2&fields[0]=title');
  // The names the project's own routes read: channel, period, limit, search's q/from/to/page/pageSize.
  expect(readQuery('channel=a&period=week&limit=5&q=x&from=2024-01-01&to=2024-02-01&page=2&pageSize=10')).toBe(
    'channel=a&period=week&limit=5&q=x&from=2024-01-01&to=2024-02-01&page=2&pageSize=10'
  );
});

test('a parameter name spelled with escapes is read as qs reads it', () => {
  expect(readQuery('%66ilters[title][$eq]=a&%78=1')).toBe('%66ilters[title][$eq]=a');
  expect(readQuery('loc%61le=en')).toBe('loc%61le=en');
});

test('when unsure, a pair is kept: a malformed escape, a name opening with a bracket', () => {
  expect(readQuery('%E5%8F=1&junk=2')).toBe('%E5%8F=1');
  expect(readQuery('[filters][title]=a&junk=2')).toBe('[filters][title]=a');
});

test('a query with a NUL or with more pairs than qs reads is kept whole', () => {
  expect(readQuery('junk=%00')).toBeNull();
  expect(readQuery('x=%00&locale=en')).toBeNull();
  const many = Array.from({ length: MAX_PAIRS + 1 }, (_, i) => `x${i}=1`).join('&');
  expect(readQuery(many)).toBeNull();
  expect(readQuery(`${Array.from({ length: MAX_PAIRS - 1 }, (_, i) => `x${i}=1`).join('&')}&locale=en`)).toBe('locale=en');
});

const answerOf = (text: string, headers: Record<string, string>): Omit<CachedAnswer, 'bytes'> => ({
  contentType: 'application/json; charset=utf-8',
  headers,
  pieces: [text],
  counts: [],
  hash: 'h'.repeat(27),
  keys: ['all', 'articles'],
  expiresAt: Infinity,
  sent: { totals: '', body: ownBytes(text), etag: `W/"${'h'.repeat(27)}"` },
});

test('an entry is counted with its headers, key, surrogate keys and overhead, not only its text', () => {
  const text = '{"data":[],"meta":{}}';
  const bare = entryBytes(answerOf(text, {}), 'k');
  expect(bare).toBeGreaterThan(ENTRY_OVERHEAD + text.length * 3);
  const csp = "connect-src 'self' https:;default-src 'self';img-src 'self' data: blob:;script-src 'self'";
  const withHeaders = entryBytes(answerOf(text, { 'content-security-policy': csp, 'x-frame-options': 'SAMEORIGIN' }), 'k');
  expect(withHeaders - bare).toBeGreaterThanOrEqual(('content-security-policy' + csp + 'x-frame-options' + 'SAMEORIGIN').length * 2);
  const longKey = entryBytes(answerOf(text, {}), 'k'.repeat(1001));
  expect(longKey - bare).toBe(2000);
  // Chinese text: two bytes a character in the string, three in the bytes sent.
  const chinese = '稿'.repeat(1000);
  expect(entryBytes(answerOf(chinese, {}), 'k') - entryBytes(answerOf('', {}), 'k')).toBe(5000);
});

test('the bytes kept for a short answer are their own, not a slice of a shared 8 KB slab', () => {
  const small = ownBytes('{"data":[]}');
  expect(small.toString()).toBe('{"data":[]}');
  expect(small.buffer.byteLength).toBe(small.length);
  const large = ownBytes('x'.repeat(10_000));
  expect(large.buffer.byteLength).toBeGreaterThanOrEqual(10_000);
  expect(large.buffer.byteLength).toBeLessThan(20_000);
});
