// The public reads of articles (the list, one by documentId, one by slug): this API's
// defaults, the plain reader (./service.ts) where it gives the core path's answer, and
// what every article response carries. The controller (src/api/article/controllers/
// article.ts) checks the request, hands it here with its core path, and answers.
import { isDeepStrictEqual } from 'util';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isValidSlug } from '../../lib/slug';
import { LiveCount } from '../../lib/response-cache/live-count';
import { publicOrigin } from '../../utils/fast-path';
import { getService } from '../services';
import { defaultLocale, localeCodes, requestLocale } from '../../utils/locales';
import { contentMemo } from '../../utils/content-memo';
import { usersPermissionsOutputSanitizer } from '../../strapi-internals/users-permissions';
import { createReader } from './service';
import { ARTICLE_UID } from '../../api/article/newsroom';

/** What a front end needs to render an article page, unless it asks for something else. */
export const DEFAULT_POPULATE = {
  channel: { fields: ['name', 'slug'] },
  cover: true,
  attachments: true,
  quotes: {
    sort: ['order:asc', 'id:asc'],
    populate: { commendedIndividual: { fields: ['name'] } },
  },
  commendedUnits: { fields: ['name', 'city', 'district'] },
  commendedIndividuals: { fields: ['name', 'organization', 'position', 'city'] },
  // 信息公开 metadata (索引号, 发布机构, 文号…): null for articles outside the catalogue.
  disclosure: true,
};

export const DEFAULT_SORT = ['publishDate:desc', 'id:desc'];

/**
 * A page of whole articles (the default populate: quotes, commendations, media) holds at
 * most this many; a longer list asks for its fields (`fields`, `populate`). A page of 100
 * whole articles was 350 KB and held SQLite for over 100 ms.
 */
export const DEFAULT_POPULATE_MAX_PAGE = 25;

/**
 * The output sanitizer users-permissions registers: it only removes users from its roles,
 * which the default populate never reaches. Any other one sends reads the core way.
 */
const USERS_PERMISSIONS_OUTPUT = usersPermissionsOutputSanitizer();

type Query = Record<string, unknown>;
type Auth = { credentials?: unknown } | undefined;
type Entry = { documentId: string; locale?: string | null; channel?: { documentId?: string } | null; [key: string]: unknown };
type Response = { data?: unknown; meta?: unknown } | null | undefined;

/** What a read needs of its request. */
export type ReadRequest = { query: Query; auth: Auth; headers: Record<string, unknown> };
/** The core path of a read (Strapi's controller action), run with the query given. */
export type CorePath = (query: Query) => Promise<Response>;

const pageSizeOf = (query: Query) => {
  const pagination = (query.pagination ?? {}) as { pageSize?: unknown; limit?: unknown };
  const asked = Number(pagination.pageSize ?? pagination.limit ?? 0);
  return Number.isFinite(asked) ? asked : 0;
};

export const createArticleReads = (strapi: Core.Strapi) => {
  const channels = () => getService(strapi, 'channel');

  /** Breadcrumb, click count and feed URLs: what every article response carries. */
  const decorate = async (entries: Entry[], query: Query) => {
    const origin = publicOrigin(strapi);
    const locale = await requestLocale(strapi, query);
    await channels().addBreadcrumbs(entries, (entry) => entry.channel?.documentId, locale);
    const totals = await getService(strapi, 'clicks').totals(entries.map((entry) => entry.documentId));
    const fallback = await defaultLocale(strapi);
    const feeds = getService(strapi, 'feed');
    for (const entry of entries) {
      // Filled anew on every hit of the response cache (src/lib/response-cache/live-count.ts).
      entry.clickCount = new LiveCount(entry.documentId, totals.get(entry.documentId) ?? 0);
      const channelSlug = (entry.channel as { slug?: string | null } | null | undefined)?.slug ?? null;
      entry.feeds = feeds.urls(origin, channelSlug, entry.locale ?? locale ?? fallback, fallback);
    }
    return entries;
  };

  /**
   * `?channel=<slug>`: the articles of that channel and of its sub-channels, as the feeds
   * and `popular` take it (the list used to ignore it). An unknown channel is a 404.
   */
  const narrowToChannel = async (query: Query) => {
    if (query.channel === undefined) return;
    const { channel } = query;
    delete query.channel;
    if (!isValidSlug(channel)) throw new errors.ValidationError('channel must be a channel slug');
    const locale = (await requestLocale(strapi, query)) ?? (await defaultLocale(strapi));
    const ids = await channels().subtreeIds(channel, locale);
    if (!ids) throw new errors.NotFoundError(`No published channel "${channel}" in this locale`);
    const byChannel = { channel: { documentId: { $in: ids } } };
    query.filters = query.filters ? { $and: [query.filters, byChannel] } : byChannel;
  };

  /**
   * The public role's checked and sanitized default populate: the same for every anonymous
   * request until content or permissions change, and the largest part of checking a query
   * (validate and sanitize walk it against the schema and the role's permissions).
   */
  let latestAuth: unknown = null;
  const publicDefaultPopulate = contentMemo(strapi, async () => {
    // Computed with the ability of the request that finds it missing: after a permission
    // change (which empties the memo) that is an ability built from the new permissions.
    const auth = latestAuth;
    const schema = strapi.contentType(ARTICLE_UID);
    await strapi.contentAPI.validate.query({ populate: DEFAULT_POPULATE }, schema, { auth } as never);
    return ((await strapi.contentAPI.sanitize.query({ populate: DEFAULT_POPULATE }, schema, { auth } as never)) as { populate: unknown })
      .populate;
  });

  /**
   * Whether the plain reader gives the answer the core path would: the public role keeps
   * the whole default populate, and no output sanitizer is registered. Rechecked when
   * content or permissions change.
   */
  const readerFits = contentMemo(strapi, async () => {
    const schema = strapi.contentType(ARTICLE_UID);
    const whole = ((await strapi.contentAPI.sanitize.query({ populate: DEFAULT_POPULATE }, schema)) as { populate: unknown }).populate;
    const sanitizers = (strapi.sanitizers.get('content-api.output') as unknown[] | undefined) ?? [];
    // A private upload provider signs media URLs in a document-service middleware the reader does not run.
    const uploads = strapi.plugin('upload')?.provider as { isPrivate?: () => boolean } | undefined;
    if (uploads?.isPrivate?.()) return false;
    return (
      sanitizers.every((sanitizer) => sanitizer === USERS_PERMISSIONS_OUTPUT) && isDeepStrictEqual(whole, await publicDefaultPopulate())
    );
  });
  let readArticle: ReturnType<ReturnType<typeof createReader>['entryReader']> | null = null;

  /**
   * An anonymous read of one whole article (no query but `locale`), by the plain reader:
   * the answer, or null where the core path must answer (another query, a caller with
   * credentials, an unknown locale, no such article: its 404 stays the core path's).
   */
  const readWhole = async ({ query, auth, headers }: ReadRequest, field: 'documentId' | 'slug', value: string) => {
    if (auth?.credentials) return null;
    // Strapi's response-format headers change the answer's shape: the core path applies them.
    if (headers['strapi-response-format'] !== undefined || headers['strapi-encode-source-maps'] !== undefined) return null;
    const { locale: asked, ...rest } = query;
    if (Object.keys(rest).length > 0 || (asked !== undefined && typeof asked !== 'string')) return null;
    const locale = asked ?? (await defaultLocale(strapi));
    if (!(await localeCodes(strapi)).has(locale)) return null;
    latestAuth = auth;
    if (!(await readerFits())) return null;
    readArticle ??= createReader(strapi).entryReader(ARTICLE_UID, DEFAULT_POPULATE);
    const article = (await readArticle(field, value, locale)) as Entry | null;
    if (!article) return null;
    await decorate([article], { locale });
    return { data: article, meta: {} };
  };

  return {
    /** A page of articles, newest first (the (locale, publish_date) index answers it without sorting the archive). */
    async list(request: ReadRequest, core: CorePath) {
      if (request.query.populate === undefined && pageSizeOf(request.query) > DEFAULT_POPULATE_MAX_PAGE) {
        throw new errors.ValidationError(
          `A page of whole articles holds at most ${DEFAULT_POPULATE_MAX_PAGE}; for longer lists choose what to populate (e.g. populate[channel][fields][0]=name) and the fields`
        );
      }
      // The default locale named here spares the document service its own look-up.
      const query: Query = { populate: DEFAULT_POPULATE, sort: DEFAULT_SORT, locale: await defaultLocale(strapi), ...request.query };
      await narrowToChannel(query);
      const response = await core(query);
      await decorate((response?.data ?? []) as Entry[], query);
      return response;
    },

    /** One article by its documentId: the plain reader's answer, or the core path's. */
    async byDocumentId(request: ReadRequest, documentId: string, core: CorePath) {
      const whole = await readWhole(request, 'documentId', documentId);
      if (whole) return whole;
      const query = { populate: DEFAULT_POPULATE, locale: await defaultLocale(strapi), ...request.query };
      const response = await core(query);
      if (response?.data) await decorate([response.data as Entry], query);
      return response;
    },

    /** One published article by its slug, as byDocumentId gives it; null when there is none. `core` is a list read. */
    async bySlug(request: ReadRequest, slug: string, core: CorePath) {
      const whole = await readWhole(request, 'slug', slug);
      if (whole) return whole;
      const query = {
        populate: DEFAULT_POPULATE,
        locale: await defaultLocale(strapi),
        ...request.query,
        filters: { slug: { $eq: slug } },
        pagination: { page: 1, pageSize: 1, withCount: false },
      };
      const [article] = ((await core(query))?.data ?? []) as Entry[];
      if (!article) return null;
      await decorate([article], query);
      return { data: article, meta: {} };
    },

    /**
     * An anonymous query with the default populate, split: the rest is checked as usual,
     * the populate is the public role's memoised one. Null for any other query.
     */
    publicPopulate(query: Query, auth: Auth) {
      if (query.populate !== DEFAULT_POPULATE || auth?.credentials) return null;
      latestAuth = auth;
      const { populate: _populate, ...rest } = query;
      return { rest, populate: () => publicDefaultPopulate() };
    },
  };
};
