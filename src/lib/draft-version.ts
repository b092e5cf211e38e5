// Optimistic concurrency for drafts: a save or a review move names the version of the draft
// it was based on (the draft's `updatedAt`), and is refused when the draft changed since.
// Pure: the document rule (src/features/editing/rules/refuse-stale-save.ts), the review move
// and the unit tests share these.

/**
 * What a client says it read:
 * - `exact`: the draft's updatedAt to the millisecond (`If-Match: "2025-03-01T08:00:00.123Z"`,
 *   the admin panel, the review move's `expectedUpdatedAt`);
 * - `since`: HTTP's `If-Unmodified-Since` (an HTTP-date, whole seconds): refused when the
 *   draft changed after that second.
 */
export type Precondition = { kind: 'exact'; at: number[] } | { kind: 'since'; at: number };

export type Parsed = { ok: true; precondition: Precondition | null } | { ok: false; message: string };

const BAD_IF_MATCH =
  'If-Match 须为所编辑稿件的 updatedAt，如 "2025-03-01T08:00:00.123Z"（If-Match must name the updatedAt of the draft you read）';
const BAD_SINCE = 'If-Unmodified-Since 须为 HTTP 日期（If-Unmodified-Since must be an HTTP-date）';

/** A timestamp as the API writes it (ISO 8601), a Date or milliseconds (SQLite); NaN when it is none. */
export const timeOf = (value: unknown): number => {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string' || value.trim() === '' || value.length > 64) return NaN;
  return Date.parse(value.trim());
};

/**
 * The precondition a request's headers state; null when it states none (older clients keep
 * working), an error message when a header is there but unreadable. `If-Match: *` asks only
 * that the draft exists, which the save itself checks.
 */
export const parsePreconditions = (headers: { ifMatch?: string; ifUnmodifiedSince?: string }): Parsed => {
  const ifMatch = headers.ifMatch?.trim();
  if (ifMatch) {
    if (ifMatch === '*') return { ok: true, precondition: null };
    const tags = ifMatch.split(',').map((tag) => tag.trim());
    const at: number[] = [];
    for (const tag of tags) {
      // Weak tags never match in If-Match (RFC 9110 §13.1.1); quotes are optional here.
      if (tag.startsWith('W/')) return { ok: false, message: BAD_IF_MATCH };
      const time = timeOf(tag.replace(/^"(.*)"$/, '$1'));
      if (Number.isNaN(time)) return { ok: false, message: BAD_IF_MATCH };
      at.push(time);
    }
    return { ok: true, precondition: { kind: 'exact', at } };
  }
  const since = headers.ifUnmodifiedSince?.trim();
  if (since) {
    const at = timeOf(since);
    if (Number.isNaN(at)) return { ok: false, message: BAD_SINCE };
    return { ok: true, precondition: { kind: 'since', at } };
  }
  return { ok: true, precondition: null };
};

/** Whether the draft, last changed at `current`, is newer than the version the client read. */
export const isStale = (precondition: Precondition, current: unknown): boolean => {
  const now = timeOf(current);
  // A draft without a timestamp cannot be compared: the save goes on (nothing newer is known).
  if (Number.isNaN(now)) return false;
  if (precondition.kind === 'exact') return !precondition.at.includes(now);
  // HTTP-dates have whole seconds: a change within the stated second is not later than it.
  return Math.floor(now / 1000) * 1000 > precondition.at;
};

export const STALE_SAVE_MESSAGE = '稿件已被修改，请刷新后再保存（The draft changed since you opened it: reload, then save）';
export const STALE_REVIEW_MESSAGE = '稿件已被修改，请刷新后再审（The draft changed since you read it: reload, then review）';
