/**
 * Clicks (点击率): a reader's view is counted once per reader and day, durably, at the
 * speed of a page view; counts and the most-read list are public.
 */
import type { Feature } from '../../utils/feature';
import { getService } from '../services';
import createClicksService from './service';
import createPopularService from './popular';
import clickFastPath from './fast-path';

export { forgetClickCaches } from './rules/forget-click-caches';
export { clickActions } from './actions';

export type { ClicksService } from './service';
export type { PopularService } from './popular';

export const clicksFeature: Feature = {
  name: 'clicks',
  promise: 'every view is counted once, and no acknowledged click is lost',
  services: { 'api::article.clicks': createClicksService, 'api::article.popular': createPopularService },
  middlewares: { 'click-fast-path': clickFastPath },
  // Clicks waiting for their write are written before the database closes.
  destroy: (strapi) => getService(strapi, 'clicks').stop(),
};
