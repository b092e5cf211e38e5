/**
 * Demo content: an empty database gets the sample site, so `npm run develop` shows a
 * newsroom at once; a database with content is never touched.
 */
import type { Feature } from '../../utils/feature';
import { getService } from '../services';
import { isContentEmpty, seedDemo } from './seed';

export { isContentEmpty, seedDemo } from './seed';

export const demoFeature: Feature = {
  name: 'demo',
  promise: 'a fresh install shows a newsroom; a real site is never seeded',
  async bootstrap(strapi) {
    if (process.env.SEED_DEMO === 'false' || !(await isContentEmpty(strapi))) return;
    const seed = () => seedDemo(strapi);
    const { created } = strapi.config.get('rebuild.onSeed') ? await seed() : await getService(strapi, 'rebuild').withoutRebuild(seed);
    strapi.log.info(`[seed] loaded demo content: ${created} documents`);
  },
};
