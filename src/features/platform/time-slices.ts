// Heavy reads share the server with ordinary ones (src/utils/time-slice.ts):
// - on SQLite, whose queries run on the main thread, a heavy request gives the event loop
//   a turn before each query of the query layer (find, count) and each relation a GraphQL
//   field loads, once its time slice is used up;
// - on any database, a heavy GraphQL operation loads at most `loadConcurrency` relations at
//   once: graphql-js starts a list's relation loads all together (one query per item), and
//   on PostgreSQL they filled the pool, so every ordinary query queued behind them.
import type { Core } from '@strapi/strapi';
import { Sema } from 'async-sema';
import { isHeavy, yieldToIo } from '../../utils/time-slice';
import { graphqlExtension, graphqlTypeName } from '../../strapi-internals/graphql';

const READS: ReadonlySet<string> = new Set(['beforeFindOne', 'beforeFindMany', 'beforeCount']);

type Resolver = (parent: unknown, args: unknown, context: unknown, info: unknown) => unknown;
type Config = { sliceMs: number; loadConcurrency: number };

export const registerTimeSlices = (strapi: Core.Strapi) => {
  const config = () => strapi.config.get('heavy-requests') as Config;
  const sqlite = strapi.db.dialect.client === 'sqlite';
  const sliceMs = () => (sqlite ? config().sliceMs : 0);
  if (sliceMs() > 0) {
    strapi.db.lifecycles.subscribe(async (event: { action: string }) => {
      if (READS.has(event.action)) await yieldToIo(sliceMs());
    });
  }
  const loads = new Sema(Math.max(1, config().loadConcurrency));
  const shareTheServer = async (next: Resolver, parent: unknown, args: unknown, context: unknown, info: unknown) => {
    if (!isHeavy()) return next(parent, args, context, info);
    await yieldToIo(sliceMs());
    await loads.acquire();
    try {
      return await next(parent, args, context, info);
    } finally {
      loads.release();
    }
  };
  graphqlExtension(strapi)!.use(() => {
    const resolversConfig: Record<string, { middlewares: unknown[] }> = {};
    for (const contentType of Object.values(strapi.contentTypes)) {
      if (!String(contentType.uid).startsWith('api::')) continue;
      const typeName = graphqlTypeName(strapi, contentType);
      for (const [name, attribute] of Object.entries(contentType.attributes as Record<string, { type: string }>)) {
        if (attribute.type !== 'relation' && attribute.type !== 'media') continue;
        resolversConfig[`${typeName}.${name}`] = { middlewares: [shareTheServer] };
        resolversConfig[`${typeName}.${name}_connection`] = { middlewares: [shareTheServer] };
      }
    }
    return { resolversConfig };
  });
};
