/**
 * Response cache and CDN purge: a public read is answered from memory until a change
 * readers could see moves the content version (on any instance); a CDN in front is
 * purged by Surrogate-Key after each such change.
 */
import type { Feature } from '../../utils/feature';
import { getService } from '../services';
import { provideContentChanges } from '../../utils/content-changes';
import createResponseCacheService from './service';
import createPurgeService, { checkPurgeConfig } from './purge';
import responseCacheController from './controller';
import responseCache from './middlewares/response-cache';
import publicCacheHeaders from './middlewares/public-cache-headers';

export { purgeCdn } from './rules/purge-cdn';

export type { ResponseCacheService } from './service';
export type { PurgeService } from './purge';

export const responseCacheFeature: Feature = {
  name: 'response-cache',
  promise: 'readers get cached answers that never outlive a visible change; CDNs are told what to purge',
  services: { 'api::response-cache.response-cache': createResponseCacheService, 'api::response-cache.purge': createPurgeService },
  controllers: { 'api::response-cache.response-cache': responseCacheController },
  middlewares: { 'response-cache': responseCache, 'public-cache-headers': publicCacheHeaders },
  register(strapi) {
    // The memos of src/utils/content-memo.ts forget their values when the content version moves.
    provideContentChanges(strapi, () => getService(strapi, 'responseCache'));
  },
  async bootstrap(strapi) {
    checkPurgeConfig(strapi.config.get('response-cache'));
    // Before anything writes: every write from here on moves the content version.
    await getService(strapi, 'responseCache').start();
  },
  async destroy(strapi) {
    await getService(strapi, 'responseCache').stop();
    await getService(strapi, 'purge').drain();
  },
};
