// The article's 讲话摘录 in the admin panel's content manager:
// - its picker offers the article's own quotes and quotes of no article, never another
//   article's: picking one of those moved it away from its article without a word. The
//   "available relations" route honours `filters` (checked against the editor's
//   permissions); this adds one.
// - publishing no longer warns that its draft quotes "will not be included": they are
//   published with it (src/features/linked-entries/rules/quotes-follow-article.ts), so the count
//   of draft relations the publish dialog shows leaves them out.
import type { Core } from '@strapi/strapi';
import { defaultLocale } from '../../utils/locales';
import { articleQuoteVersions } from '../linked-entries';
import { ARTICLE_UID } from '../../api/article/newsroom';
import { contentManagerAdminRoutes } from '../../strapi-internals/content-manager';

type Ctx = {
  params: { model?: string; targetField?: string; id?: string };
  request: { query: Record<string, unknown> };
  query: Record<string, unknown>;
  body: unknown;
};
/** How many of the article draft's quotes have no published version (they go public with it). */
const neverPublishedQuotes = async (strapi: Core.Strapi, documentId: string, locale: string) => {
  const { drafts, published } = await articleQuoteVersions(strapi, documentId, locale);
  return drafts.length - published.length;
};

/** The filter on available quotes for the article `documentId` (none yet: a new article). */
export const ownQuotesFilter = (documentId: unknown) => ({
  $or: [
    ...(typeof documentId === 'string' && documentId ? [{ article: { documentId: { $eq: documentId } } }] : []),
    { article: { id: { $null: true } } },
  ],
});

const addMiddleware = (strapi: Core.Strapi, path: string, middleware: (ctx: Ctx, next: () => Promise<unknown>) => Promise<unknown>) => {
  const routes = contentManagerAdminRoutes(strapi);
  const route = routes.find((candidate) => candidate.method === 'GET' && candidate.path === path);
  if (!route) throw new Error(`content-manager: the route ${path} moved; src/features/import/article-quotes-admin.ts needs updating`);
  route.config = route.config ?? {};
  route.config.middlewares = [...(route.config.middlewares ?? []), middleware];
};

export const registerArticleQuotesAdmin = (strapi: Core.Strapi) => {
  addMiddleware(strapi, '/relations/:model/:targetField', async (ctx: Ctx, next: () => Promise<unknown>) => {
    if (ctx.params.model === ARTICLE_UID && ctx.params.targetField === 'quotes') {
      const query = ctx.request.query;
      const own = ownQuotesFilter(query.id);
      ctx.request.query = { ...query, filters: query.filters ? { $and: [query.filters, own] } : own };
    }
    return next();
  });

  addMiddleware(strapi, '/collection-types/:model/:id/actions/countDraftRelations', async (ctx, next) => {
    await next();
    const counts = (ctx.body as { data?: { unpublishedRelations?: number } } | undefined)?.data;
    if (ctx.params.model !== ARTICLE_UID || !ctx.params.id || typeof counts?.unpublishedRelations !== 'number') return;
    const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : await defaultLocale(strapi);
    counts.unpublishedRelations = Math.max(0, counts.unpublishedRelations - (await neverPublishedQuotes(strapi, ctx.params.id, locale)));
  });
};
