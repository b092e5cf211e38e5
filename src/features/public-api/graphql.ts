// GraphQL additions: what REST responses carry beyond the core fields (breadcrumb,
// click counts), the most-read list, the site search and the click mutation.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../services';
import { ARTICLE_UID } from '../../api/article/newsroom';

// The nexus builder is untyped here (the plugin hands it over at runtime).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Nexus = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Definition = any;
type Parent = { id: number; documentId: string; locale?: string | null };
type GraphqlContext = { koaContext: { request: { ip: string }; get: (header: string) => string } };

/** GraphQL code STRAPI_SERVICE_UNAVAILABLE_ERROR, with the service's own message. */
class ServiceUnavailableError extends errors.ApplicationError {
  constructor(message: string) {
    super(message, { retryAfter: 1 });
    // The base class types `name` as its own literal; the GraphQL code is built from it.
    (this as { name: string }).name = 'ServiceUnavailableError';
  }
}

export const registerGraphqlExtensions = (strapi: Core.Strapi) => {
  const channels = () => getService(strapi, 'channel');

  const breadcrumbOfArticle = async (parent: Parent) => {
    // The parent row is the version being served (published for the public).
    const row = (await strapi.db.query(ARTICLE_UID).findOne({
      where: { id: parent.id },
      populate: { channel: { select: ['documentId'] } },
    })) as { channel?: { documentId: string } | null } | null;
    const [entry] = await channels().addBreadcrumbs([{ locale: parent.locale }], () => row?.channel?.documentId);
    return entry.breadcrumb;
  };

  const clicks = () => getService(strapi, 'clicks');

  // Article.clickCount resolves once per item of a list: the items asked for in one
  // turn of the event loop share one query, as a DataLoader would batch them.
  type Waiter = { resolve: (total: number) => void; reject: (error: unknown) => void };
  let batch: Map<string, Waiter[]> | null = null;
  const clickCountOf = (documentId: string) =>
    new Promise<number>((resolve, reject) => {
      if (!batch) {
        const current = new Map<string, Waiter[]>();
        batch = current;
        setImmediate(() => {
          batch = null;
          clicks()
            .totals([...current.keys()])
            .then(
              (totals) => current.forEach((waiters, id) => waiters.forEach((w) => w.resolve(totals.get(id) ?? 0))),
              (error) => current.forEach((waiters) => waiters.forEach((w) => w.reject(error)))
            );
        });
      }
      const waiters = batch.get(documentId) ?? [];
      waiters.push({ resolve, reject });
      batch.set(documentId, waiters);
    });

  const registerClick = async (_root: unknown, args: { documentId: string; locale?: string }, context: GraphqlContext) => {
    const outcome = await clicks().register({
      documentId: args.documentId,
      locale: args.locale ?? undefined,
      ip: context.koaContext.request.ip,
      userAgent: context.koaContext.get('user-agent'),
    });
    if (outcome.status === 202) return outcome;
    const { NotFoundError, ValidationError, RateLimitError } = errors;
    if (outcome.status === 404) throw new NotFoundError((outcome as { message: string }).message);
    if (outcome.status === 429)
      throw new RateLimitError((outcome as { message: string }).message, { retryAfter: (outcome as { retryAfter?: number }).retryAfter });
    if (outcome.status === 400) throw new ValidationError((outcome as { message: string }).message);
    // 503: the instance is shutting down; the client should retry (on another instance).
    throw new ServiceUnavailableError((outcome as { message?: string }).message ?? 'Click not registered, try again');
  };

  const popularArticles = async (_root: unknown, args: { period?: string; channel?: string; locale?: string; limit?: number }) =>
    (await getService(strapi, 'popular').ranked(args)).articles;

  const search = (_root: unknown, args: Record<string, unknown>) => getService(strapi, 'search').find(args);

  const breadcrumbOfChannel = async (parent: Parent) => {
    const [entry] = await channels().addBreadcrumbs([{ locale: parent.locale }], () => parent.documentId);
    return entry.breadcrumb;
  };

  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }: { nexus: Nexus }) => ({
      types: [
        nexus.objectType({
          name: 'BreadcrumbItem',
          definition(t: Definition) {
            t.nonNull.string('documentId');
            t.nonNull.string('name');
            t.string('slug');
          },
        }),
        nexus.extendType({
          type: 'Article',
          definition(t: Definition) {
            t.nonNull.list.nonNull.field('breadcrumb', { type: 'BreadcrumbItem', resolve: breadcrumbOfArticle });
          },
        }),
        nexus.extendType({
          type: 'Article',
          definition(t: Definition) {
            // In popularArticles, the count of the period asked for (as REST's popular gives it).
            t.nonNull.int('clickCount', {
              resolve: (parent: Parent & { clickCount?: unknown }) =>
                typeof parent.clickCount === 'number' ? parent.clickCount : clickCountOf(parent.documentId),
            });
          },
        }),
        nexus.enumType({ name: 'PopularPeriod', members: ['day', 'week', 'month', 'all'] }),
        nexus.objectType({
          name: 'ArticleClickResult',
          definition(t: Definition) {
            t.nonNull.id('documentId');
            t.nonNull.int('total');
            t.nonNull.boolean('counted');
          },
        }),
        nexus.extendType({
          type: 'Query',
          definition(t: Definition) {
            t.nonNull.list.nonNull.field('popularArticles', {
              type: 'Article',
              args: {
                period: nexus.arg({ type: 'PopularPeriod' }),
                channel: nexus.stringArg(),
                locale: nexus.arg({ type: 'I18NLocaleCode' }),
                limit: nexus.intArg(),
              },
              resolve: popularArticles,
            });
          },
        }),
        nexus.enumType({ name: 'SearchSort', members: ['relevance', 'date'] }),
        nexus.objectType({
          name: 'SearchChannel',
          definition(t: Definition) {
            t.nonNull.id('documentId');
            t.nonNull.string('name');
            t.string('slug');
          },
        }),
        nexus.objectType({
          name: 'SearchHit',
          definition(t: Definition) {
            t.nonNull.id('documentId');
            t.string('title');
            t.string('subtitle');
            t.string('slug');
            t.string('publishDate');
            t.field('channel', { type: 'SearchChannel' });
            t.nonNull.string('snippet', { description: 'An excerpt, HTML-escaped, with the matched words in <mark>' });
          },
        }),
        nexus.objectType({
          name: 'SearchPagination',
          definition(t: Definition) {
            t.nonNull.int('page');
            t.nonNull.int('pageSize');
            t.nonNull.int('total');
            t.nonNull.int('pageCount');
          },
        }),
        nexus.objectType({
          name: 'SearchMeta',
          definition(t: Definition) {
            t.nonNull.field('pagination', { type: 'SearchPagination' });
          },
        }),
        nexus.objectType({
          name: 'SearchResponse',
          definition(t: Definition) {
            t.nonNull.list.nonNull.field('data', { type: 'SearchHit' });
            t.nonNull.field('meta', { type: 'SearchMeta' });
          },
        }),
        nexus.extendType({
          type: 'Query',
          definition(t: Definition) {
            t.nonNull.field('search', {
              type: 'SearchResponse',
              args: {
                q: nexus.nonNull(nexus.stringArg()),
                locale: nexus.arg({ type: 'I18NLocaleCode' }),
                channel: nexus.stringArg(),
                from: nexus.stringArg(),
                to: nexus.stringArg(),
                sort: nexus.arg({ type: 'SearchSort' }),
                page: nexus.intArg(),
                pageSize: nexus.intArg(),
              },
              resolve: search,
            });
          },
        }),
        nexus.extendType({
          type: 'Mutation',
          definition(t: Definition) {
            t.nonNull.field('registerArticleClick', {
              type: 'ArticleClickResult',
              args: { documentId: nexus.nonNull(nexus.idArg()), locale: nexus.arg({ type: 'I18NLocaleCode' }) },
              resolve: registerClick,
            });
          },
        }),
        nexus.extendType({
          type: 'Channel',
          definition(t: Definition) {
            t.nonNull.list.nonNull.field('breadcrumb', { type: 'BreadcrumbItem', resolve: breadcrumbOfChannel });
          },
        }),
      ],
      resolversConfig: {
        // Only published channel names, on a type the caller was already allowed to read.
        'Article.breadcrumb': { auth: false },
        'Channel.breadcrumb': { auth: false },
        'Article.clickCount': { auth: false },
        // The same permissions as the REST routes, so an administrator can revoke them in one place.
        'Query.popularArticles': { auth: { scope: [`${ARTICLE_UID}.popular`] } },
        'Query.search': { auth: { scope: ['api::search.search.find'] } },
        'Mutation.registerArticleClick': { auth: { scope: [`${ARTICLE_UID}.registerClick`] } },
      },
    }));
};
