// The query part of a cached REST answer's key: only the parameters some handler reads.
// Pure: no Strapi, no I/O (unit-tested in tests/unit/response-cache-key.test.ts).
//
// Strapi ignores query parameters it does not know (`api.rest.strictParams` is off), so
// `/api/articles?x=1`, `?x=2`, … are the same answer: keyed by their whole URL, each one
// was a new entry, and a loop of junk query strings filled the cache with copies.

/**
 * Top-level parameters read by the content API (Strapi's ALLOWED_QUERY_PARAM_KEYS of
 * @strapi/utils content-api-constants) and by this project's public routes: `channel` on
 * article lists and the most-read list, `period` and `limit` on the most-read list, and
 * `q`, `from`, `to`, `page`, `pageSize` on the site search (src/api/search).
 */
export const READ_PARAMS: ReadonlySet<string> = new Set([
  // Strapi's content API
  'filters',
  'sort',
  'fields',
  'populate',
  'status',
  'locale',
  'page',
  'pageSize',
  'start',
  'limit',
  '_q',
  'publicationFilter',
  'hasPublishedVersion',
  'pagination',
  'count',
  'ordering',
  // this project's routes
  'channel',
  'period',
  'q',
  'from',
  'to',
]);

/**
 * The parameter name a pair sets at the top level, as `qs` reads it (`filters[title][$eq]`
 * sets `filters`); null when unsure (a malformed escape, a key opening with `[`), and then
 * the pair is kept: a key with more in it is never wrong, only less often shared.
 */
const topLevelName = (pair: string): string | null => {
  const rawKey = pair.split('=', 1)[0].replace(/\+/g, ' ');
  let key: string;
  try {
    key = decodeURIComponent(rawKey);
  } catch {
    return null;
  }
  const name = key.split('[', 1)[0];
  return name === '' ? null : name;
};

/**
 * Beyond this many pairs the query is kept whole: `qs` reads only its first 1,000 pairs, so
 * leaving junk out could bring a pair Strapi never read into the key of one it does read.
 */
export const MAX_PAIRS = 200;

/**
 * The query string (without `?`) with the pairs no handler reads left out, in their order;
 * '' when none is left; null when it is to be kept whole. The pairs kept are kept as sent
 * (another spelling is another key).
 */
export const readQuery = (querystring: string, read: ReadonlySet<string> = READ_PARAMS): string | null => {
  // A NUL anywhere is refused by src/features/public-api/middlewares/reject-nul-bytes.ts: such a request must
  // reach it, not a cached answer.
  if (/%00/.test(querystring)) return null;
  const pairs = querystring.split('&');
  if (pairs.length > MAX_PAIRS) return null;
  return pairs
    .filter((pair) => {
      if (pair === '') return false;
      const name = topLevelName(pair);
      return name === null || read.has(name);
    })
    .join('&');
};
