// GraphQL additions: the breadcrumb that REST responses carry, on Article and Channel.
import type { Core } from '@strapi/strapi';

type Nexus = {
  objectType: (config: unknown) => unknown;
  extendType: (config: unknown) => unknown;
};
// The nexus definition builder is untyped here; `any` keeps these few lines readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Definition = any;
type Parent = { id: number; documentId: string; locale?: string | null };

export const registerGraphqlExtensions = (strapi: Core.Strapi) => {
  const channels = () => strapi.service('api::channel.channel') as unknown as {
    addBreadcrumbs: <T>(entries: T[], channelOf: (entry: T) => string | null | undefined) => Promise<Array<T & { breadcrumb: unknown }>>;
  };

  const breadcrumbOfArticle = async (parent: Parent) => {
    // The parent row is the version being served (published for the public).
    const row = (await strapi.db.query('api::article.article').findOne({
      where: { id: parent.id },
      populate: { channel: { select: ['documentId'] } },
    })) as { channel?: { documentId: string } | null } | null;
    const [entry] = await channels().addBreadcrumbs([{ locale: parent.locale }], () => row?.channel?.documentId);
    return entry.breadcrumb;
  };

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
      },
    }));
};
