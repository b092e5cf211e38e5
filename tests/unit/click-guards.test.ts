// The in-memory parts of click counting, with an injected clock: the buffer of deltas,
// the per-address rate limit and the dedupe window.
import { ClickBuffer } from '../../src/lib/click-buffer';
import { DedupeWindow, RateLimiter, clientKey, dayKeyFormatter, lastDays } from '../../src/lib/click-guards';

describe('ClickBuffer', () => {
  test('adds deltas per (document, locale, day) and counts them as pending until settled', () => {
    const buffer = new ClickBuffer();
    buffer.add('a', 'zh-Hans', '2026-11-30');
    buffer.add('a', 'zh-Hans', '2026-11-30');
    buffer.add('a', 'en', '2026-11-30');
    buffer.add('b', 'zh-Hans', '2026-11-29', 5);
    expect(buffer.size).toBe(3);
    expect(buffer.pending('a')).toBe(3);
    const batch = buffer.take();
    expect(buffer.size).toBe(0);
    expect(buffer.pending('a')).toBe(3); // being written: still pending
    buffer.add('a', 'zh-Hans', '2026-11-30');
    expect(buffer.pending('a')).toBe(4);
    expect([...buffer.pendingByDay('b')]).toEqual([['2026-11-29', 5]]);
    buffer.settle(batch);
    expect(buffer.pending('a')).toBe(1);
    expect(buffer.pending('b')).toBe(0);
  });

  test('a failed write is discarded: its clicks stop counting as pending, later ones stay', () => {
    const buffer = new ClickBuffer();
    buffer.add('a', 'zh-Hans', '2026-11-30', 2);
    const batch = buffer.take();
    buffer.add('a', 'zh-Hans', '2026-11-30');
    buffer.discard(batch);
    expect(buffer.pending('a')).toBe(1);
    expect([...buffer.pendingByDay('a')]).toEqual([['2026-11-30', 1]]);
    const again = buffer.take();
    expect([...again.values()]).toEqual([{ documentId: 'a', locale: 'zh-Hans', day: '2026-11-30', delta: 1 }]);
  });
});

describe('RateLimiter', () => {
  test('allows perWindow hits per key per window, then answers the seconds left', () => {
    const limiter = new RateLimiter(3, 60_000);
    const t0 = 1_000_000;
    expect([limiter.hit('ip', t0), limiter.hit('ip', t0 + 1), limiter.hit('ip', t0 + 2)]).toEqual([0, 0, 0]);
    expect(limiter.hit('ip', t0 + 10_000)).toBe(50);
    expect(limiter.hit('other', t0 + 10_000)).toBe(0);
    expect(limiter.hit('ip', t0 + 60_000)).toBe(0); // a new window
  });

  test('0 turns it off; a flood of distinct keys stays bounded in memory', () => {
    expect(new RateLimiter(0).hit('ip')).toBe(0);
    const limiter = new RateLimiter(1, 60_000, 100);
    for (let i = 0; i < 1000; i += 1) expect(limiter.hit(`ip${i}`, 5_000)).toBe(0);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100);
  });
});

describe('DedupeWindow', () => {
  test('a key is seen again only within the window', () => {
    const window = new DedupeWindow(1_800_000);
    expect(window.seen('v', 0)).toBe(false);
    expect(window.seen('v', 1_000)).toBe(true);
    expect(window.seen('v', 1_800_001)).toBe(false);
    expect(new DedupeWindow(0).seen('v')).toBe(false);
  });

  test('keeps at most maxKeys, dropping the oldest', () => {
    const window = new DedupeWindow(1_000_000, 100);
    for (let i = 0; i < 500; i += 1) window.seen(`k${i}`, i);
    expect(window.size).toBeLessThanOrEqual(100);
    expect(window.seen('k499', 600)).toBe(true);
  });
});

test('days follow the newsroom’s time zone', () => {
  const day = dayKeyFormatter('Asia/Shanghai');
  expect(day(new Date('2026-11-29T16:30:00Z'))).toBe('2026-11-30'); // 00:30 in Beijing
  expect(day(new Date('2026-11-29T15:30:00Z'))).toBe('2026-11-29');
  expect(lastDays('2026-03-02', 3)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
});

test('a click is counted against one spelling of an address, and IPv6 by its /64', () => {
  expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
  expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  const one = clientKey('2001:db8::1');
  expect(clientKey('2001:DB8::1')).toBe(one);
  expect(clientKey('2001:0db8:0000:0000:0000:0000:0000:0001')).toBe(one);
  expect(clientKey('2001:db8::ffff:1')).toBe(one); // same /64
  expect(clientKey('2001:db8:0:1::1')).not.toBe(one); // another /64
  expect(one).toBe('2001:db8:0:0::/64');
  expect(clientKey('::1')).toBe('0:0:0:0::/64');
});
