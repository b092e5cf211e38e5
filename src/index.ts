import type { Core } from '@strapi/strapi';
import { registerDocumentMiddlewares } from './bootstrap/document-middlewares';
import { ensureLocales } from './bootstrap/locales';
import { enforcePublicPermissions } from './bootstrap/permissions';
import { isContentEmpty, seedDemo } from './bootstrap/seed';
import { patchAdminSlugGenerator } from './bootstrap/admin-slugs';
import { registerGraphqlExtensions } from './bootstrap/graphql';
import { ensureIndexes } from './bootstrap/indexes';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentMiddlewares(strapi);
    registerGraphqlExtensions(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureIndexes(strapi);
    await enforcePublicPermissions(strapi);
    patchAdminSlugGenerator(strapi);

    (strapi.service('api::article.clicks') as unknown as { start: () => void }).start();

    // Demo content only into an empty database, so a real site is never touched.
    if (process.env.SEED_DEMO !== 'false' && (await isContentEmpty(strapi))) {
      const { created } = await seedDemo(strapi);
      strapi.log.info(`[seed] loaded demo content: ${created} documents`);
    }
  },

  /** Runs on shutdown, SIGTERM and SIGINT included: buffered clicks are written first. */
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await (strapi.service('api::article.clicks') as unknown as { stop: () => Promise<void> }).stop();
  },
};
