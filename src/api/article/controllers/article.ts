// The article API: Strapi's core reads with this API's defaults, one article by its slug,
// and the click actions. Each action checks its request and hands it to one service: the
// reads to src/features/reader/article-reads.ts (which runs the core path given to it where
// the plain reader cannot answer), the clicks to src/features/clicks/actions.ts.
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isValidSlug } from '../../../lib/slug';
import { clickActions } from '../../../features/clicks';
import { createArticleReads, type ReadRequest } from '../../../features/reader';

type Ctx = {
  query: Record<string, unknown>;
  headers?: Record<string, unknown>;
  state: { auth?: { credentials?: unknown }; articleQuery?: Record<string, unknown> };
};

const requestOf = (ctx: Ctx): ReadRequest => ({ query: ctx.query, auth: ctx.state.auth, headers: ctx.headers ?? {} });

/**
 * The query a read runs: the request's own with this API's defaults. It is kept beside
 * ctx.query, not assigned to it: Koa would write it back into the URL (the whole default
 * populate, serialised and parsed again on every read, and logged).
 */
const queryOf = (ctx: Ctx) => ctx.state.articleQuery ?? ctx.query;
const withQuery = <T extends Ctx>(ctx: T, query: Record<string, unknown>) => ({ ...ctx, query, state: ctx.state }) as T;
const runWith = <T extends Ctx, R>(ctx: T, query: Record<string, unknown>, core: () => Promise<R>) => {
  ctx.state.articleQuery = query;
  return core();
};

export default factories.createCoreController('api::article.article', ({ strapi }) => {
  const reads = createArticleReads(strapi);

  return {
    ...clickActions(strapi),

    // An anonymous query with the default populate: the public role's checked populate is
    // memoised (article-reads.ts), the rest of the query is checked as usual.
    async validateQuery(ctx) {
      const split = reads.publicPopulate(queryOf(ctx), ctx.state.auth);
      await split?.populate();
      return super.validateQuery!(withQuery(ctx, split?.rest ?? queryOf(ctx)));
    },

    async sanitizeQuery(ctx) {
      const split = reads.publicPopulate(queryOf(ctx), ctx.state.auth);
      const sanitized = await super.sanitizeQuery!(withQuery(ctx, split?.rest ?? queryOf(ctx)));
      // A copy: the document service must not change the shared one.
      return split ? { ...sanitized, populate: structuredClone(await split.populate()) } : sanitized;
    },

    async find(ctx) {
      return reads.list(requestOf(ctx), (query) => runWith(ctx, query, () => super.find(ctx)));
    },

    async findOne(ctx) {
      return reads.byDocumentId(requestOf(ctx), ctx.params.id, (query) => runWith(ctx, query, () => super.findOne(ctx)));
    },

    /** GET /articles/by-slug/:slug?locale=: one published article by its slug, with what findOne gives. */
    async bySlug(ctx) {
      const { slug } = ctx.params;
      if (!isValidSlug(slug)) throw new errors.ValidationError('slug must be lowercase letters and digits joined by hyphens');
      const article = await reads.bySlug(requestOf(ctx), slug, (query) => runWith(ctx, query, () => super.find(ctx)));
      return article ?? ctx.notFound('No published article with this slug in this locale');
    },
  };
});
