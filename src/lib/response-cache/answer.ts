// What the response cache keeps of one answer, and how it is made back into bytes.
// Pure: no Strapi, no I/O (unit-tested in tests/unit/response-cache.test.ts).
import { createHash, randomBytes } from 'crypto';
import { LiveCount } from './live-count';

export type CachedAnswer = {
  contentType: string;
  /** Response headers replayed on a hit (security headers and the like). */
  headers: Record<string, string>;
  /** The JSON text in pieces; between pieces[i] and pieces[i + 1] goes the live click total of counts[i]. */
  pieces: string[];
  counts: string[];
  /** Hash of the text with the totals left open; a hit's ETag adds the totals to it. */
  hash: string;
  /** Surrogate keys of the documents and collections the answer holds. */
  keys: string[];
  bytes: number;
  /** Epoch ms after which the answer is not served (Infinity: until content changes). */
  expiresAt: number;
  /** The bytes last sent and their ETag, reused while the totals stay the same. */
  sent: SentAnswer;
};

export type SentAnswer = { totals: string; body: Buffer; etag: string };

/**
 * Bytes of `text` in a memory of their own. `Buffer.from` puts short texts in slices of a
 * shared 8 KB slab, and a kept slice keeps its whole slab alive: small cached answers held
 * up to 8 KB each while they were counted at their length.
 */
export const ownBytes = (text: string) => {
  const length = Buffer.byteLength(text);
  if (length >= Buffer.poolSize >>> 1) return Buffer.from(text); // never pooled
  const body = Buffer.allocUnsafeSlow(length);
  body.write(text);
  return body;
};

/**
 * What one entry costs the process beyond its strings and bytes: the answer's objects, the
 * Buffer's, the LRU's slot. Measured with --expose-gc (heap and external after a full GC,
 * 20,000 entries): about 700 bytes; rounded up.
 */
export const ENTRY_OVERHEAD = 1024;
/** A string in V8: its characters (two bytes each at most) and its header. */
const stringBytes = (text: string) => text.length * 2 + 32;

/**
 * The memory an entry keeps alive, counted for the cache's bound (RESPONSE_CACHE_MAX_MB):
 * the key, the text pieces, the bytes kept for sending, every header replayed on a hit, the
 * surrogate keys, and the per-entry overhead. Counting the text only left the headers (a
 * dozen security and cache headers, 1–3 KB) and the slab out: the process held several
 * times the bound (issue #27, finding 15).
 */
export const entryBytes = (answer: Omit<CachedAnswer, 'bytes'>, key: string) => {
  let bytes = ENTRY_OVERHEAD + stringBytes(key) + stringBytes(answer.contentType) + stringBytes(answer.hash);
  bytes += answer.sent.body.length + stringBytes(answer.sent.etag) + stringBytes(answer.sent.totals);
  for (const piece of answer.pieces) bytes += stringBytes(piece);
  for (const count of answer.counts) bytes += stringBytes(count);
  for (const surrogate of answer.keys) bytes += stringBytes(surrogate);
  for (const [name, value] of Object.entries(answer.headers)) bytes += stringBytes(name) + stringBytes(value) + 32;
  return bytes;
};

/** The bytes and ETag of an answer with these totals (kept on the answer for the next hit). */
export const bytesFor = (answer: Pick<CachedAnswer, 'pieces' | 'hash' | 'sent'>, totals: number[]): SentAnswer => {
  const signature = totals.join(',');
  if (answer.sent.totals === signature) return answer.sent;
  answer.sent = { totals: signature, body: ownBytes(fill(answer.pieces, totals)), etag: etagOf(answer.hash, totals) };
  return answer.sent;
};

/** Unguessable per process, so no stored text can pass for a placeholder. */
const MARK = `gnr-live-${randomBytes(8).toString('hex')}:`;
const PLACEHOLDER = new RegExp(`"${MARK}([^"]+)"`);

const sha1 = (text: string) => createHash('sha1').update(text).digest('base64url');

/**
 * JSON text of `body` with every LiveCount left open: `pieces` and the documentIds whose
 * totals go between them. `values` are the totals the body was built with.
 */
export const template = (body: unknown) => {
  const values: number[] = [];
  const text = JSON.stringify(body, function (this: Record<string, unknown>, key, value) {
    const own = this[key];
    if (own instanceof LiveCount) {
      values.push(own.value);
      return `${MARK}${own.documentId}`;
    }
    return value;
  });
  const split = text.split(PLACEHOLDER);
  const pieces: string[] = [];
  const counts: string[] = [];
  split.forEach((part, i) => (i % 2 === 0 ? pieces : counts).push(part));
  return { pieces, counts, values, hash: sha1(text) };
};

/** The answer's text with these totals (one per `counts` entry). */
export const fill = (pieces: string[], totals: number[]) => {
  if (pieces.length === 1) return pieces[0];
  let text = pieces[0];
  for (let i = 1; i < pieces.length; i += 1) text += String(totals[i - 1]) + pieces[i];
  return text;
};

/** A weak validator: the same text and the same totals give the same ETag. */
export const etagOf = (hash: string, totals: number[]) => (totals.length ? `W/"${sha1(`${hash}|${totals.join(',')}`)}"` : `W/"${hash}"`);

const DOCUMENT_ID = /^[a-z0-9]{24}$/;
/** Beyond this many documents an answer is keyed `many` (purged on every publish) instead. */
export const MAX_DOCUMENT_KEYS = 100;

/** The Surrogate-Key of one document. */
export const documentKey = (documentId: string) => `d-${documentId}`;

/**
 * Surrogate keys of an answer: `all`, its collection (`articles`, `search`, `graphql`…)
 * and every document it holds (`d-<documentId>`), or `many` when they are too many to name.
 */
export const surrogateKeys = (body: unknown, collection: string) => {
  const ids = new Set<string>();
  const walk = (value: unknown, depth: number) => {
    if (depth > 32 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.documentId === 'string' && DOCUMENT_ID.test(record.documentId)) ids.add(record.documentId);
    for (const child of Object.values(record)) walk(child, depth + 1);
  };
  walk(body, 0);
  const keys = ['all', collection];
  if (ids.size > MAX_DOCUMENT_KEYS) keys.push('many');
  else for (const id of ids) keys.push(documentKey(id));
  return keys;
};

/**
 * The keys a CDN purges when a document of `collection` changes visibly: the document,
 * lists of its collection, and what cannot name its documents (search, GraphQL, `many`).
 * A channel's change also reaches article lists (`?channel=` takes its sub-channels).
 */
export const purgeKeys = (collection: string, documentId: string | undefined) => {
  const keys = new Set([collection, 'search', 'graphql', 'many']);
  if (documentId) keys.add(documentKey(documentId));
  if (collection === 'channels') keys.add('articles');
  return [...keys];
};
