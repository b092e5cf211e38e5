// Conditional GET for rendered feeds: strong ETag, Last-Modified, 304s, Cache-Control.

export type Rendered = { body: string; etag: string; lastModified: Date; contentType: string };

type Ctx = {
  get: (header: string) => string;
  set: (header: string, value: string) => void;
  status: number;
  type: string;
  body: unknown;
};

const etagMatches = (header: string, etag: string) =>
  header.trim() === '*' || header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);

export const writeFeed = (ctx: Ctx, feed: Rendered, maxAgeS: number) => {
  ctx.set('ETag', feed.etag);
  ctx.set('Last-Modified', feed.lastModified.toUTCString());
  ctx.set('Cache-Control', `public, max-age=${maxAgeS}`);
  const ifNoneMatch = ctx.get('If-None-Match');
  const ifModifiedSince = Date.parse(ctx.get('If-Modified-Since'));
  // If-None-Match wins when both are sent (RFC 9110, 13.2.2).
  const notModified = ifNoneMatch
    ? etagMatches(ifNoneMatch, feed.etag)
    : !Number.isNaN(ifModifiedSince) && feed.lastModified.getTime() <= ifModifiedSince;
  if (notModified) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = 200;
  ctx.type = feed.contentType;
  ctx.body = feed.body;
};

export type FeedQuery = { locale?: string; limit: number };

/** Parses ?locale=&limit=; a string is an error message for a 400. */
export const parseFeedQuery = (
  query: Record<string, unknown>,
  defaults: { defaultLimit: number; maxLimit: number }
): FeedQuery | string => {
  const { locale, limit } = query;
  if (locale !== undefined && (typeof locale !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale))) {
    return 'locale must be a locale code such as zh-Hans or en';
  }
  let size = defaults.defaultLimit;
  if (limit !== undefined) {
    size = Number(limit);
    if (typeof limit !== 'string' || !/^\d+$/.test(limit) || size < 1 || size > defaults.maxLimit) {
      return `limit must be an integer from 1 to ${defaults.maxLimit}`;
    }
  }
  return { locale: locale as string | undefined, limit: size };
};
