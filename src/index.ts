// The app: the features of src/features, composed. What each feature does and promises
// is in its folder's index; the order they start in is in src/features/index.ts.
import type { Core } from '@strapi/strapi';
import { bootstrapFeatures, destroyFeatures, registerFeatures, startFeatures } from './features/compose';
import { endSerialStartup, serializeStartup } from './strapi-internals/serial-startup';
import { beginImmediateOnSqlite } from './strapi-internals/sqlite-immediate';
import { settlePool } from './strapi-internals/settle-pool';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    // Before the bootstrap's schema sync, which they wrap.
    beginImmediateOnSqlite(strapi);
    serializeStartup(strapi);
    await registerFeatures(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    try {
      // What every start checks and prepares, before the instance takes work: one instance at a time.
      await bootstrapFeatures(strapi);
    } finally {
      // Several instances on one PostgreSQL database start one at a time (src/strapi-internals/serial-startup.ts).
      await endSerialStartup(strapi);
    }
    await startFeatures(strapi);
  },

  /** Runs on shutdown, SIGTERM and SIGINT included: clicks waiting for their write are written first. */
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await destroyFeatures(strapi);
    // A start that failed before its end still holds the start-up lock.
    await endSerialStartup(strapi);
    // Last: reads Strapi started after a commit (its entry events) end before the pool closes.
    await settlePool(strapi);
  },
};
