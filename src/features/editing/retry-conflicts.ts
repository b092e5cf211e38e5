// The content manager's publish, unpublish and bulk actions run in a transaction of their
// own, begun before the document service's: when it loses a deadlock or serialization
// conflict (PostgreSQL rolled all of it back), the action is run again here, as
// lock-document runs again the writes it begins itself. Through the controllers registry's
// `extend`, Strapi's documented way to wrap a controller.
import type { Core } from '@strapi/strapi';
import { isTransactionConflict, MAX_RETRIES, retryDelayMs } from '../../lib/transaction-conflict';
import { extendController } from '../../strapi-internals/content-manager';

type Action = (this: unknown, ctx: unknown) => Promise<unknown>;

/** Content-manager actions that begin their own transaction around the document service's writes. */
export const ACTIONS_WITH_TRANSACTION = ['publish', 'unpublish', 'bulkPublish', 'bulkUnpublish', 'bulkDelete'] as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const retryContentManagerConflicts = (strapi: Core.Strapi) => {
  extendController(strapi, 'plugin::content-manager.collection-types', (controller) => {
    for (const name of ACTIONS_WITH_TRANSACTION) {
      const action = controller[name] as Action | undefined;
      if (typeof action !== 'function') continue;
      controller[name] = async function retrying(this: unknown, ctx: unknown) {
        for (let attempt = 0; ; attempt += 1) {
          try {
            return await action.call(this, ctx);
          } catch (error) {
            if (attempt >= MAX_RETRIES || !isTransactionConflict(error) || strapi.db.inTransaction()) throw error;
            strapi.log.warn(`[retry-conflicts] content-manager ${name} lost a conflict (try ${attempt + 1}): running it again`);
            await sleep(retryDelayMs(attempt));
          }
        }
      };
    }
    return controller;
  });
};
