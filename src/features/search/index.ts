/**
 * Search: published articles are indexed in the database as they are published, and
 * searched with Chinese word segmentation; the index is rebuilt when found empty.
 */
import type { Feature } from '../../utils/feature';
import { getService } from '../services';
import createSearchService from './service';
import searchController from './controller';

export { indexForSearch } from './rules/index-for-search';

export type { SearchService } from './service';

export const searchFeature: Feature = {
  name: 'search',
  promise: 'what is published is found; nothing else is',
  services: { 'api::search.search': createSearchService },
  controllers: { 'api::search.search': searchController },
  async bootstrap(strapi) {
    // The index lives in the database; fill it when it is empty but articles are
    // published (the first start after an upgrade, a restored backup).
    const search = getService(strapi, 'search');
    const { indexed, published } = await search.counts();
    if (indexed === 0 && published > 0) strapi.log.info(`[search] indexed ${await search.reindex()} published articles`);
  },
};
