/**
 * Feeds: RSS, Atom and JSON Feed of published articles, site-wide and per 栏目, served
 * from memory until a visible change.
 */
import type { Feature } from '../../utils/feature';
import createFeedService from './service';
import feedController from './controller';
import feedFastPath from './fast-path';

export type { FeedService } from './service';

export const feedsFeature: Feature = {
  name: 'feeds',
  promise: 'subscribers get valid feeds of what is published',
  services: { 'api::feed.feed': createFeedService },
  controllers: { 'api::feed.feed': feedController },
  middlewares: { 'feed-fast-path': feedFastPath },
};
