// Cross-cutting rules for every write and read that goes through the document service
// (REST, GraphQL, the admin panel, scripts alike).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isValidSlug, slugFromTitle } from '../lib/slug';
import { wouldCreateCycle } from '../lib/breadcrumb';
import { READABLE_TYPES } from './permissions';

const SLUGGED: Record<string, { field: string; from: string }> = {
  'api::article.article': { field: 'slug', from: 'title' },
  'api::channel.channel': { field: 'slug', from: 'name' },
  'api::commendation.commendation': { field: 'slug', from: 'title' },
};

const FEED_SOURCES = new Set(['api::article.article', 'api::channel.channel']);
const REBUILD_SOURCES = new Set(READABLE_TYPES as readonly string[]);
const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
// API tokens authenticate as 'content-api-token' in 5.x ('api-token' in older releases).
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

type Params = {
  documentId?: string;
  locale?: string;
  status?: string;
  data?: Record<string, unknown>;
  [key: string]: unknown;
};

/** The Koa context of the HTTP request this call serves, if any. */
type RequestState = { state?: { route?: { info?: { type?: string } }; auth?: { strategy?: { name?: string } } } };

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

export const registerDocumentMiddlewares = (strapi: Core.Strapi) => {
  // Locale codes, re-read when a locale changes here or at most a minute later
  // (another instance may have changed them).
  let locales: { codes: Set<string>; at: number } | null = null;
  const isKnownLocale = async (locale: unknown) => {
    if (typeof locale !== 'string') return false;
    if (locale === '*') return true;
    if (!locales || Date.now() - locales.at > 60_000) {
      const rows = (await strapi.db.query('plugin::i18n.locale').findMany({ select: ['code'] })) as Array<{ code: string }>;
      locales = { codes: new Set(rows.map((row) => row.code)), at: Date.now() };
    }
    return locales.codes.has(locale);
  };
  const forgetLocales = () => {
    locales = null;
  };
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    afterCreate: forgetLocales,
    afterUpdate: forgetLocales,
    afterDelete: forgetLocales,
  });

  /**
   * Drafts never reach the public. Anonymous and users-permissions callers of the
   * content API (REST and GraphQL) always read the published version; asking for
   * drafts is refused. Only API tokens (preview front ends, build tools) and the
   * admin panel may read drafts.
   */
  strapi.documents.use(async (context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    const ctx = strapi.requestContext.get() as RequestState | undefined;
    if (ctx?.state?.route?.info?.type !== 'content-api') return next();
    const params = context.params as Params;
    if (params.status !== undefined && params.status !== 'published' && params.status !== 'draft') {
      throw new errors.ValidationError('status must be "published" (drafts are not public).');
    }
    if (params.locale !== undefined && !(await isKnownLocale(params.locale))) {
      throw new errors.ValidationError(`Unknown locale: ${JSON.stringify(params.locale)}`);
    }
    if (TOKEN_STRATEGIES.has(ctx.state.auth?.strategy?.name ?? '')) return next();
    if (params.status === 'draft') {
      // A PolicyError keeps its message through Strapi's authorize step (a plain ForbiddenError is blanked).
      throw new errors.PolicyError('Drafts are only available to API tokens, not to the public API.');
    }
    params.status = 'published';
    return next();
  });

  /** Slugs: readable pinyin from the title when an editor leaves the field empty. */
  strapi.documents.use(async (context, next) => {
    const rule = SLUGGED[context.uid];
    const params = context.params as Params;
    if (!rule || !params.data) return next();
    const data = params.data;
    // On update, an absent slug means "unchanged" (and a new locale inherits it);
    // only an explicitly emptied one is regenerated.
    if (context.action === 'update' && !(rule.field in data) && params.documentId && params.locale) {
      // A new translation keeps the document's slug, so /articles/{slug}?locale=en works.
      const rows = (await strapi.db.query(context.uid as 'api::article.article').findMany({
        select: ['locale', rule.field],
        where: { documentId: params.documentId },
      })) as Array<Record<string, string | null>>;
      const donor = rows.find((row) => row[rule.field]);
      if (donor && !rows.some((row) => row.locale === params.locale)) data[rule.field] = donor[rule.field];
      return next();
    }
    const wants =
      context.action === 'create'
        ? isBlank(data[rule.field])
        : context.action === 'update' && rule.field in data && isBlank(data[rule.field]);
    if (wants && typeof data[rule.from] === 'string' && data[rule.from]) {
      data[rule.field] = await uniqueSlug(strapi, context.uid, rule.field, String(data[rule.from]), params);
    }
    // Slugs reach URLs and rebuild payloads: nothing but lowercase words and hyphens.
    if (!isBlank(data[rule.field]) && !isValidSlug(data[rule.field])) {
      throw new errors.ValidationError(
        `网址别名只能由小写字母、数字和单个连字符组成，如 gan-en-fen-jin（A slug is lowercase letters and digits joined by hyphens）: ${JSON.stringify(data[rule.field]).slice(0, 80)}`
      );
    }
    return next();
  });

  /**
   * publishDate is the date readers see (发布时间). It defaults to the first publish
   * and survives re-publishing, which in Strapi 5 re-creates the published row.
   */
  strapi.documents.use(async (context, next) => {
    if (context.uid !== 'api::article.article') return next();
    const params = context.params as Params;
    const publishing =
      context.action === 'publish' ||
      ((context.action === 'update' || context.action === 'create') && params.status === 'published');
    if (!publishing) return next();
    if (context.action === 'create') {
      if (params.data && isBlank(params.data.publishDate)) params.data.publishDate = new Date();
    } else if (params.documentId && !(params.data && !isBlank(params.data.publishDate))) {
      // Non-localized: every locale row, draft and published, shares the date.
      await strapi.db.query('api::article.article').updateMany({
        where: { documentId: params.documentId, publishDate: null },
        data: { publishDate: new Date() },
      });
    }
    return next();
  });

  /** Click caches (published state, legacy count, rankings) follow publishing. */
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid === 'api::article.article' && !READ_ACTIONS.has(context.action)) {
      const clicks = strapi.service('api::article.clicks') as unknown as { forget: (documentId?: string) => void } | undefined;
      clicks?.forget((context.params as Params).documentId);
    }
    return result;
  });

  /** Rendered feeds follow what readers can see: any publish, unpublish or delete. */
  strapi.documents.use(async (context, next) => {
    const result = await next();
    const params = context.params as Params;
    const visibleChange =
      ['publish', 'unpublish', 'delete'].includes(context.action) ||
      ((context.action === 'create' || context.action === 'update') && params.status === 'published');
    if (visibleChange && FEED_SOURCES.has(context.uid)) {
      (strapi.service('api::feed.feed') as unknown as { invalidate: () => void } | undefined)?.invalidate();
    }
    return result;
  });

  /**
   * Static sites rebuild when what readers see changes: publish, unpublish and delete
   * of a readable type, in any locale. Draft saves are not recorded.
   */
  strapi.documents.use(async (context, next) => {
    const params = context.params as Params;
    const visibleChange =
      ['publish', 'unpublish', 'delete'].includes(context.action) ||
      ((context.action === 'create' || context.action === 'update') && params.status === 'published');
    if (!visibleChange || !REBUILD_SOURCES.has(context.uid)) return next();
    const hasSlug = 'slug' in (strapi.contentTypes[context.uid as 'api::article.article']?.attributes ?? {});
    // Read before a delete removes it.
    const before =
      hasSlug && params.documentId
        ? ((await strapi.db.query(context.uid as 'api::article.article').findOne({
            select: ['slug'],
            where: { documentId: params.documentId },
          })) as { slug?: string | null } | null)
        : null;
    const result = await next();
    const view = result as unknown as { documentId?: string; slug?: string | null; entries?: Array<{ slug?: string | null }> } | null;
    const rebuild = strapi.service('api::rebuild.rebuild') as unknown as {
      record: (change: { uid: string; documentId: string; locale: string | null; action: string; slug: string | null }) => Promise<void>;
    };
    const documentId = params.documentId ?? view?.documentId;
    if (!documentId) return result;
    try {
      await rebuild.record({
        uid: context.uid,
        documentId,
        locale: params.locale ?? null,
        action: context.action === 'create' || context.action === 'update' ? 'publish' : context.action,
        slug: view?.slug ?? view?.entries?.[0]?.slug ?? before?.slug ?? null,
      });
    } catch (error) {
      // The editor's publish has happened; a failed record must not turn it into an error.
      strapi.log.error(`[rebuild] could not record ${context.action} of ${context.uid} ${documentId}: ${(error as Error).message}`);
    }
    return result;
  });

  /** A channel cannot become its own ancestor: the breadcrumb would loop. */
  strapi.documents.use(async (context, next) => {
    if (context.uid !== 'api::channel.channel' || context.action !== 'update') return next();
    const params = context.params as Params;
    const parentId = relationTarget(params.data?.parent);
    if (params.documentId && parentId) {
      const rows = (await strapi.db.query('api::channel.channel').findMany({
        select: ['documentId'],
        populate: { parent: { select: ['documentId'] } },
      })) as Array<{ documentId: string; parent?: { documentId: string } | null }>;
      const parentOf = new Map(rows.map((row) => [row.documentId, row.parent?.documentId ?? null]));
      if (wouldCreateCycle(parentOf, params.documentId, parentId)) {
        throw new errors.ValidationError('A channel cannot be placed under itself or one of its descendants.');
      }
    }
    return next();
  });
};

/** The documentId a relation input points at, for the simple shapes editors and the API send. */
const relationTarget = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as { documentId?: unknown; connect?: unknown; set?: unknown };
    if (typeof v.documentId === 'string') return v.documentId;
    const list = (Array.isArray(v.connect) ? v.connect : Array.isArray(v.set) ? v.set : []) as unknown[];
    const first = list[0];
    if (typeof first === 'string') return first;
    if (first && typeof first === 'object' && typeof (first as { documentId?: unknown }).documentId === 'string') {
      return (first as { documentId: string }).documentId;
    }
  }
  return null;
};

const uniqueSlug = async (strapi: Core.Strapi, uid: string, field: string, title: string, params: Params) => {
  const base = slugFromTitle(title) || 'untitled';
  const taken = (await strapi.db.query(uid as 'api::article.article').findMany({
    select: [field, 'documentId'],
    where: { [field]: { $startsWith: base } },
  })) as Array<Record<string, string>>;
  const used = new Set(taken.filter((row) => row.documentId !== params.documentId).map((row) => row[field]));
  if (!used.has(base)) return base;
  let i = 2;
  while (used.has(`${base}-${i}`)) i += 1;
  return `${base}-${i}`;
};
