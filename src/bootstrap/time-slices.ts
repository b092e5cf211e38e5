// Where reads give the event loop a turn (src/utils/time-slice.ts): before each query of
// the query layer (find, count) and before each relation a GraphQL field loads. Only on
// SQLite, whose queries run on the main thread; PostgreSQL's already wait for the network.
import type { Core } from '@strapi/strapi';
import { yieldToIo } from '../utils/time-slice';

const READS: ReadonlySet<string> = new Set(['beforeFindOne', 'beforeFindMany', 'beforeCount']);

type Resolver = (parent: unknown, args: unknown, context: unknown, info: unknown) => unknown;
type Naming = { getTypeName: (contentType: unknown) => string };

const sliceMs = (strapi: Core.Strapi) => Number(strapi.config.get('heavy-requests.sliceMs', 10));

export const registerTimeSlices = (strapi: Core.Strapi) => {
  if (!/sqlite/.test(String(strapi.config.get('database.connection.client')))) return;
  if (sliceMs(strapi) <= 0) return;
  strapi.db.lifecycles.subscribe(async (event: { action: string }) => {
    if (READS.has(event.action)) await yieldToIo(sliceMs(strapi));
  });
  const yieldFirst = async (next: Resolver, parent: unknown, args: unknown, context: unknown, info: unknown) => {
    await yieldToIo(sliceMs(strapi));
    return next(parent, args, context, info);
  };
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => {
      const naming = strapi.plugin('graphql').service('utils').naming as Naming;
      const resolversConfig: Record<string, { middlewares: unknown[] }> = {};
      for (const contentType of Object.values(strapi.contentTypes)) {
        if (!String(contentType.uid).startsWith('api::')) continue;
        const typeName = naming.getTypeName(contentType);
        for (const [name, attribute] of Object.entries(contentType.attributes as Record<string, { type: string }>)) {
          if (attribute.type !== 'relation' && attribute.type !== 'media') continue;
          resolversConfig[`${typeName}.${name}`] = { middlewares: [yieldFirst] };
          resolversConfig[`${typeName}.${name}_connection`] = { middlewares: [yieldFirst] };
        }
      }
      return { resolversConfig };
    });
};
