// Drafts never reach the public. Anonymous and users-permissions callers of the
// content API (REST and GraphQL) always read the published version; asking for drafts
// is refused. Only API tokens (preview front ends, build tools) and the admin panel
// may read drafts. An unknown locale or status is a 400.
import { errors } from '@strapi/utils';
import { paramsOf, type DocumentRule, type Params } from '../../../utils/document-rules';
import { localeCodes } from '../../../utils/locales';
import { ARTICLE_UID } from '../../../api/article/newsroom';
import { forbiddenWithMessage } from '../../../strapi-internals/errors';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
// API tokens authenticate as 'content-api-token' in 5.x ('api-token' in older releases).
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

/** The Koa context of the HTTP request this call serves, if any. */
type RequestState = { state?: { route?: { info?: { type?: string } }; auth?: { strategy?: { name?: string } } } };

export type PublicReadDecision = 'not-public' | 'token' | 'published' | 'bad-status' | 'drafts-forbidden';

/**
 * What to do with a read: leave it (not a content-API read; an API token's read),
 * force the published version, or refuse it.
 */
export const decidePublicRead = (
  action: string,
  routeType: string | undefined,
  strategy: string | undefined,
  params: Params
): PublicReadDecision => {
  if (!READ_ACTIONS.has(action) || routeType !== 'content-api') return 'not-public';
  if (params.status !== undefined && params.status !== 'published' && params.status !== 'draft') return 'bad-status';
  if (TOKEN_STRATEGIES.has(strategy ?? '')) return 'token';
  return params.status === 'draft' ? 'drafts-forbidden' : 'published';
};

/** Types whose 发布时间 readers see: a published version dated ahead is not public before that time. */
const DATED: ReadonlySet<string> = new Set([ARTICLE_UID]);

/**
 * A public read's filters, narrowed to what is dated no later than `now`. The publish
 * guard refuses such a publish and the scheduler publishes at the date; this keeps the
 * promise when the checks are off (PUBLISH_CHECKS=false) or an old row carries one.
 */
export const notDatedAhead = (filters: unknown, now: Date) => {
  const arrived = { $or: [{ publishDate: { $null: true } }, { publishDate: { $lte: now.toISOString() } }] };
  return filters && typeof filters === 'object' && Object.keys(filters).length ? { $and: [filters, arrived] } : arrived;
};

export const guardPublicReads: DocumentRule = (strapi) => {
  const isKnownLocale = async (locale: unknown) =>
    typeof locale === 'string' && (locale === '*' || (await localeCodes(strapi)).has(locale));

  return async (context, next) => {
    const ctx = strapi.requestContext.get() as RequestState | undefined;
    const params = paramsOf(context);
    const decision = decidePublicRead(context.action, ctx?.state?.route?.info?.type, ctx?.state?.auth?.strategy?.name, params);
    if (decision === 'not-public') return next();
    if (decision === 'bad-status') throw new errors.ValidationError('status must be "published" (drafts are not public).');
    if (params.locale !== undefined && !(await isKnownLocale(params.locale))) {
      throw new errors.ValidationError(`Unknown locale: ${JSON.stringify(params.locale)}`);
    }
    // A PolicyError keeps its message through Strapi's authorize step (a plain ForbiddenError is blanked).
    if (decision === 'drafts-forbidden') throw forbiddenWithMessage('Drafts are only available to API tokens, not to the public API.');
    if (decision === 'published') {
      params.status = 'published';
      if (DATED.has(context.uid)) params.filters = notDatedAhead(params.filters, new Date());
    }
    return next();
  };
};
