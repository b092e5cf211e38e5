import { isDeepStrictEqual } from 'util';
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { writeClickOutcome } from '../../../lib/click-response';
import { isValidSlug } from '../../../lib/slug';
import { LiveCount } from '../../../lib/response-cache/live-count';
import { publicOrigin } from '../../../utils/fast-path';
import { getService } from '../../../features/services';
import { defaultLocale, localeCodes, requestLocale } from '../../../utils/locales';
import { contentMemo } from '../../../utils/content-memo';
import { createReader } from '../../../features/reader/service';
import { usersPermissionsOutputSanitizer } from '../../../strapi-internals/users-permissions';

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

/**
 * The output sanitizer users-permissions registers: it only removes users from its roles,
 * which the default populate never reaches. Any other one sends reads the core way.
 */
const USERS_PERMISSIONS_OUTPUT = usersPermissionsOutputSanitizer();

export const DEFAULT_SORT = ['publishDate:desc', 'id:desc'];

/**
 * A page of whole articles (the default populate: quotes, commendations, media) holds at
 * most this many; a longer list asks for its fields (`fields`, `populate`). A page of 100
 * whole articles was 350 KB and held SQLite for over 100 ms.
 */
export const DEFAULT_POPULATE_MAX_PAGE = 25;

const pageSizeOf = (query: Record<string, unknown>) => {
  const pagination = (query.pagination ?? {}) as { pageSize?: unknown; limit?: unknown };
  const asked = Number(pagination.pageSize ?? pagination.limit ?? 0);
  return Number.isFinite(asked) ? asked : 0;
};

type Entry = { documentId: string; locale?: string | null; channel?: { documentId?: string } | null; [key: string]: unknown };

export default factories.createCoreController('api::article.article', ({ strapi }) => {
  const clicks = () => getService(strapi, 'clicks');
  const channels = () => getService(strapi, 'channel');

  /** Breadcrumb, click count and feed URLs: what every article response carries. */
  const decorate = async (entries: Entry[], origin: string, query: Record<string, unknown>) => {
    const locale = await requestLocale(strapi, query);
    await channels().addBreadcrumbs(entries, (entry) => entry.channel?.documentId, locale);
    const totals = await clicks().totals(entries.map((entry) => entry.documentId));
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
  const narrowToChannel = async (query: Record<string, unknown>) => {
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
    const schema = strapi.contentType('api::article.article');
    await strapi.contentAPI.validate.query({ populate: DEFAULT_POPULATE }, schema, { auth } as never);
    return ((await strapi.contentAPI.sanitize.query({ populate: DEFAULT_POPULATE }, schema, { auth } as never)) as { populate: unknown })
      .populate;
  });

  /**
   * Whether the plain reader (services/reader.ts) gives the answer the core path would:
   * the public role keeps the whole default populate, and no output sanitizer is
   * registered. Rechecked when content or permissions change.
   */
  const readerFits = contentMemo(strapi, async () => {
    const schema = strapi.contentType('api::article.article');
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
  const readWhole = async (ctx: Ctx, field: 'documentId' | 'slug', value: string) => {
    if (ctx.state.auth?.credentials) return null;
    // Strapi's response-format headers change the answer's shape: the core path applies them.
    const headers = (ctx as unknown as { headers: Record<string, unknown> }).headers ?? {};
    if (headers['strapi-response-format'] !== undefined || headers['strapi-encode-source-maps'] !== undefined) return null;
    const { locale: asked, ...rest } = ctx.query;
    if (Object.keys(rest).length > 0 || (asked !== undefined && typeof asked !== 'string')) return null;
    const locale = asked ?? (await defaultLocale(strapi));
    if (!(await localeCodes(strapi)).has(locale)) return null;
    latestAuth = ctx.state.auth;
    if (!(await readerFits())) return null;
    readArticle ??= createReader(strapi).entryReader('api::article.article', DEFAULT_POPULATE);
    const article = (await readArticle(field, value, locale)) as Entry | null;
    if (!article) return null;
    await decorate([article], publicOrigin(strapi), { locale });
    return { data: article, meta: {} };
  };

  type Ctx = { query: Record<string, unknown>; state: { auth?: { credentials?: unknown }; articleQuery?: Record<string, unknown> } };

  /**
   * The query a read runs: the request's own with this API's defaults. It is kept beside
   * ctx.query, not assigned to it: Koa would write it back into the URL (the whole default
   * populate, serialised and parsed again on every read, and logged).
   */
  const queryOf = (ctx: Ctx) => ctx.state.articleQuery ?? ctx.query;
  const withQuery = <T extends Ctx>(ctx: T, query: Record<string, unknown>) => ({ ...ctx, query, state: ctx.state }) as T;

  /** An anonymous request with the default populate: the rest of its query is checked as usual. */
  const withPublicDefaultPopulate = (ctx: Ctx) => {
    const query = queryOf(ctx);
    if (query.populate !== DEFAULT_POPULATE || ctx.state.auth?.credentials) return null;
    latestAuth = ctx.state.auth;
    const { populate: _populate, ...rest } = query;
    return { rest, populate: () => publicDefaultPopulate() };
  };

  return {
    async validateQuery(ctx) {
      const split = withPublicDefaultPopulate(ctx);
      if (!split) return super.validateQuery!(withQuery(ctx, queryOf(ctx)));
      await split.populate();
      return super.validateQuery!(withQuery(ctx, split.rest));
    },

    async sanitizeQuery(ctx) {
      const split = withPublicDefaultPopulate(ctx);
      if (!split) return super.sanitizeQuery!(withQuery(ctx, queryOf(ctx)));
      const sanitized = (await super.sanitizeQuery!(withQuery(ctx, split.rest))) as object;
      // A copy: the document service must not change the shared one.
      return { ...sanitized, populate: structuredClone(await split.populate()) };
    },

    /** GET /articles/by-slug/:slug?locale=: one published article by its slug, with what findOne gives. */
    async bySlug(ctx) {
      const { slug } = ctx.params;
      if (!isValidSlug(slug)) throw new errors.ValidationError('slug must be lowercase letters and digits joined by hyphens');
      const whole = await readWhole(ctx, 'slug', slug);
      if (whole) return whole;
      const query = {
        populate: DEFAULT_POPULATE,
        locale: await defaultLocale(strapi),
        ...ctx.query,
        filters: { slug: { $eq: slug } },
        pagination: { page: 1, pageSize: 1, withCount: false },
      };
      ctx.state.articleQuery = query;
      const response = await super.find(ctx);
      const [article] = (response?.data ?? []) as Entry[];
      if (!article) return ctx.notFound('No published article with this slug in this locale');
      await decorate([article], publicOrigin(strapi), query);
      return { data: article, meta: {} };
    },

    async find(ctx) {
      if (ctx.query.populate === undefined && pageSizeOf(ctx.query) > DEFAULT_POPULATE_MAX_PAGE) {
        throw new errors.ValidationError(
          `A page of whole articles holds at most ${DEFAULT_POPULATE_MAX_PAGE}; for longer lists choose what to populate (e.g. populate[channel][fields][0]=name) and the fields`
        );
      }
      // Newest first, as a news site lists them (and the (locale, publish_date) index
      // answers it without sorting the archive). The default locale named here spares the
      // document service its own look-up.
      const query: Record<string, unknown> = {
        populate: DEFAULT_POPULATE,
        sort: DEFAULT_SORT,
        locale: await defaultLocale(strapi),
        ...ctx.query,
      };
      await narrowToChannel(query);
      ctx.state.articleQuery = query;
      const response = await super.find(ctx);
      await decorate(response.data as Entry[], publicOrigin(strapi), query);
      return response;
    },

    async findOne(ctx) {
      const whole = await readWhole(ctx, 'documentId', ctx.params.id);
      if (whole) return whole;
      const query = { populate: DEFAULT_POPULATE, locale: await defaultLocale(strapi), ...ctx.query };
      ctx.state.articleQuery = query;
      const response = await super.findOne(ctx);
      if (response?.data) await decorate([response.data as Entry], publicOrigin(strapi), query);
      return response;
    },

    /**
     * GET /articles/preview with `Authorization: Preview <token>`: the version of an article
     * a preview link names (services/preview.ts), for the reader's /preview page. Never
     * cached, never indexed; a missing, altered or expired token is a 401.
     */
    async preview(ctx) {
      // First, so refusals carry them too: the URL is the same for every token, and no
      // browser, proxy or CDN may keep an answer (a draft, or a 401) for anyone else.
      ctx.set('Cache-Control', 'private, no-store');
      ctx.set('CDN-Cache-Control', 'no-store');
      ctx.set('Surrogate-Control', 'no-store');
      ctx.vary('Authorization');
      ctx.set('X-Robots-Tag', 'noindex, nofollow');
      const preview = getService(strapi, 'preview');
      const claims = preview.verify(ctx.get('authorization'));
      const article = await preview.read(claims);
      // Dated ahead (a draft to be published later): the page says readers will not see it before then.
      const date = typeof article.publishDate === 'string' ? Date.parse(article.publishDate) : NaN;
      const visibleFrom = date > Date.now() ? { visibleFrom: article.publishDate } : {};
      ctx.body = { data: article, meta: { preview: { status: claims.status, ...visibleFrom } } };
    },

    /** POST /articles/:documentId/clicks through the full stack (see routes/01-clicks.ts). */
    async registerClick(ctx) {
      const outcome = await clicks().register({
        documentId: ctx.params.documentId,
        locale: ctx.query.locale,
        ip: ctx.request.ip,
        userAgent: ctx.get('user-agent'),
      });
      writeClickOutcome(ctx, outcome);
    },

    /** GET /articles/:documentId/clicks: total, today and the last 30 days. */
    async clickStats(ctx) {
      const { documentId } = ctx.params;
      if (!/^[a-z0-9]{24}$/.test(documentId)) throw new errors.ValidationError('documentId must be 24 characters a-z or 0-9');
      const stats = await clicks().stats(documentId);
      if (!stats) return ctx.notFound('No published article with this documentId');
      ctx.body = { data: stats };
    },

    /** GET /articles/popular?period=day|week|month|all&channel=<slug>&locale=&limit= (点击排行). */
    async popular(ctx) {
      // `fields` as on the list (the public-query guard has checked the names); without
      // it every field comes back, bodies included.
      const asked = ctx.query.fields;
      const fields =
        asked === undefined ? undefined : (typeof asked === 'string' ? asked.split(',') : Object.values(asked as object)).map(String);
      const { request, articles } = await getService(strapi, 'popular').ranked(
        ctx.query,
        { channel: { fields: ['name', 'slug'] }, cover: true },
        fields
      );
      // sanitizeOutput is always set on core controllers; its type marks it optional.
      const sanitized = (await this.sanitizeOutput!(articles, ctx)) as Entry[];
      sanitized.forEach((entry, i) => (entry.clickCount = articles[i].clickCount));
      await channels().addBreadcrumbs(sanitized, (entry) => entry.channel?.documentId, request.locale);
      ctx.body = { data: sanitized, meta: request };
    },
  };
});
