// The pure decisions behind concurrent editing (#27, findings 8, 13, 16): which errors are a
// lost deadlock or serialization conflict and how retries wait; which writes lock their
// document; the version a save or a review move states and when it is stale.
import { isTransactionConflict, MAX_RETRIES, retryDelayMs } from '../../src/lib/transaction-conflict';
import { isStale, parsePreconditions, timeOf } from '../../src/lib/draft-version';
import { needsVersion } from '../../src/lib/review/stages';
import { documentToLock } from '../../src/features/editing/rules/lock-document';
import { checksVersion } from '../../src/features/editing/rules/refuse-stale-save';

describe('transaction conflicts', () => {
  test('a deadlock (40P01) or serialization failure (40001) is one, also wrapped; other errors are not', () => {
    expect(isTransactionConflict({ code: '40P01', message: 'deadlock detected' })).toBe(true);
    expect(isTransactionConflict({ code: '40001' })).toBe(true);
    expect(isTransactionConflict(new Error('wrapped', { cause: { code: '40P01' } }))).toBe(true);
    expect(isTransactionConflict({ originalError: { code: '40001' } })).toBe(true);
    expect(isTransactionConflict({ code: '23505' })).toBe(false); // unique violation: not retried
    expect(isTransactionConflict({ code: '57014' })).toBe(false); // statement timeout
    expect(isTransactionConflict(new Error('deadlock detected'))).toBe(false); // only the code counts
    expect(isTransactionConflict(null)).toBe(false);
    expect(isTransactionConflict('40P01')).toBe(false);
  });

  test('retries wait longer each time, with jitter, and are bounded', () => {
    expect(retryDelayMs(0, () => 0)).toBe(20);
    expect(retryDelayMs(0, () => 1)).toBe(50);
    expect(retryDelayMs(2, () => 0)).toBe(80);
    expect(retryDelayMs(1, () => 0.5)).toBeGreaterThan(retryDelayMs(0, () => 0.5));
    expect(MAX_RETRIES).toBeGreaterThanOrEqual(2);
    expect(MAX_RETRIES).toBeLessThanOrEqual(5);
  });
});

describe('document locks', () => {
  test('every write of an existing document locks it; creates and reads do not', () => {
    for (const action of ['update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone'])
      expect(documentToLock(action, { documentId: 'abc' })).toBe('abc');
    expect(documentToLock('create', { documentId: 'abc' })).toBeNull();
    expect(documentToLock('findOne', { documentId: 'abc' })).toBeNull();
    expect(documentToLock('update', {})).toBeNull();
    expect(documentToLock('update', { documentId: '' })).toBeNull();
  });
});

describe('the version a save is based on', () => {
  const at = '2025-03-01T08:00:00.123Z';
  const ms = Date.parse(at);

  test('If-Match names the draft’s updatedAt, quoted or not, one or several', () => {
    expect(parsePreconditions({ ifMatch: `"${at}"` })).toEqual({ ok: true, precondition: { kind: 'exact', at: [ms] } });
    expect(parsePreconditions({ ifMatch: at })).toEqual({ ok: true, precondition: { kind: 'exact', at: [ms] } });
    expect(parsePreconditions({ ifMatch: `"${at}", "2025-03-01T08:00:01.000Z"` })).toEqual({
      ok: true,
      precondition: { kind: 'exact', at: [ms, ms + 877] },
    });
    expect(parsePreconditions({ ifMatch: '*' })).toEqual({ ok: true, precondition: null });
  });

  test('an unreadable header is refused, a weak tag too; no header states nothing', () => {
    for (const ifMatch of ['"abc"', 'W/"2025-03-01T08:00:00.123Z"', '"x", "2025-03-01T08:00:00.123Z"']) {
      const parsed = parsePreconditions({ ifMatch });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/If-Match/);
    }
    expect(parsePreconditions({ ifUnmodifiedSince: 'yesterday' }).ok).toBe(false);
    expect(parsePreconditions({})).toEqual({ ok: true, precondition: null });
    expect(parsePreconditions({ ifMatch: '  ', ifUnmodifiedSince: '' })).toEqual({ ok: true, precondition: null });
  });

  test('If-Match wins over If-Unmodified-Since', () => {
    const parsed = parsePreconditions({ ifMatch: `"${at}"`, ifUnmodifiedSince: 'Sat, 01 Mar 2025 08:00:00 GMT' });
    expect(parsed).toEqual({ ok: true, precondition: { kind: 'exact', at: [ms] } });
  });

  test('exact: stale unless the stored version is one named, to the millisecond', () => {
    const exact = { kind: 'exact' as const, at: [ms] };
    expect(isStale(exact, at)).toBe(false);
    expect(isStale(exact, new Date(ms))).toBe(false);
    expect(isStale(exact, ms)).toBe(false); // SQLite hands timestamps back as numbers
    expect(isStale(exact, new Date(ms + 1))).toBe(true); // a fix one millisecond later
    expect(isStale(exact, new Date(ms - 1000))).toBe(true); // an older draft is not the one read either
    expect(isStale(exact, null)).toBe(false); // nothing to compare with: not refused
  });

  test('If-Unmodified-Since: whole seconds, a change later than the stated second is stale', () => {
    const parsed = parsePreconditions({ ifUnmodifiedSince: 'Sat, 01 Mar 2025 08:00:00 GMT' });
    expect(parsed.ok).toBe(true);
    const since = (parsed as { precondition: { kind: 'since'; at: number } }).precondition;
    expect(isStale(since, '2025-03-01T08:00:00.999Z')).toBe(false);
    expect(isStale(since, '2025-03-01T07:59:59.000Z')).toBe(false);
    expect(isStale(since, '2025-03-01T08:00:01.000Z')).toBe(true);
  });

  test('timestamps read as ISO text, Date or milliseconds; anything else is none', () => {
    expect(timeOf(at)).toBe(ms);
    expect(timeOf(new Date(ms))).toBe(ms);
    expect(timeOf(ms)).toBe(ms);
    for (const value of ['', 'soon', {}, undefined, Infinity, 'x'.repeat(100)]) expect(timeOf(value)).toBeNaN();
  });

  test('only the request’s own update is checked, not the writes rules make inside it', () => {
    const exact = { kind: 'exact' as const, at: [ms] };
    expect(checksVersion('update', false, exact, 'doc')).toBe(true);
    expect(checksVersion('update', true, exact, 'doc')).toBe(false);
    expect(checksVersion('publish', false, exact, 'doc')).toBe(false);
    expect(checksVersion('update', false, undefined, 'doc')).toBe(false);
    expect(checksVersion('update', false, exact, undefined)).toBe(false);
  });
});

describe('the version a review move names', () => {
  test('every 通过 must name it; 送初审 and 退回 need not', () => {
    expect(needsVersion('first', 'forward')).toBe(true);
    expect(needsVersion('second', 'forward')).toBe(true);
    expect(needsVersion('final', 'forward')).toBe(true);
    expect(needsVersion('draft', 'forward')).toBe(false);
    expect(needsVersion('first', 'back')).toBe(false);
    expect(needsVersion('approved', 'back')).toBe(false);
  });
});
