// One typed way to reach the project's services and the core ones it uses, as
// @strapi/i18n does with getService: call sites need no casts.
import type { Core } from '@strapi/strapi';
import type { ClicksService } from './clicks/service';
import type { DisclosureService } from './disclosure/service';
import type { ChannelService } from '../api/channel/services/channel';
import type { FeedService } from './feeds/service';
import type { FreshnessService } from './freshness/service';
import type { PopularService } from './clicks/popular';
import type { ImporterService } from './import/service';
import type { QuoteProposalsService } from './import/quote-proposals';
import type { RebuildService } from './rebuild/service';
import type { SearchService } from './search/service';
import type { ResponseCacheService } from './response-cache/service';
import type { PurgeService } from './response-cache/purge';
import type { InspectionService } from './inspection/service';
import type { AuditService } from './audit/service';
import type { SchedulerService } from './schedule/service';
import type { PreviewService } from './preview/service';
import type { ReviewService } from './review/service';
import { localesService } from '../strapi-internals/plugin-services';

type ServiceMap = {
  clicks: ClicksService;
  disclosure: DisclosureService;
  channel: ChannelService;
  feed: FeedService;
  freshness: FreshnessService;
  popular: PopularService;
  importer: ImporterService;
  quoteProposals: QuoteProposalsService;
  rebuild: RebuildService;
  search: SearchService;
  responseCache: ResponseCacheService;
  purge: PurgeService;
  inspection: InspectionService;
  audit: AuditService;
  scheduler: SchedulerService;
  preview: PreviewService;
  review: ReviewService;
};

const UIDS: Record<keyof ServiceMap, string> = {
  clicks: 'api::article.clicks',
  disclosure: 'api::article.disclosure',
  channel: 'api::channel.channel',
  feed: 'api::feed.feed',
  freshness: 'api::channel.freshness',
  popular: 'api::article.popular',
  importer: 'api::article.importer',
  quoteProposals: 'api::article.quote-proposals',
  rebuild: 'api::rebuild.rebuild',
  search: 'api::search.search',
  responseCache: 'api::response-cache.response-cache',
  purge: 'api::response-cache.purge',
  inspection: 'api::inspection.inspection',
  audit: 'api::audit.audit',
  scheduler: 'api::article.scheduler',
  preview: 'api::article.preview',
  review: 'api::review.review',
};

export const getService = <K extends keyof ServiceMap>(strapi: Core.Strapi, name: K): ServiceMap[K] =>
  // The registry is keyed by strings; this map is where the types are pinned, once.
  strapi.service(UIDS[name] as 'api::article.article') as unknown as ServiceMap[K];

/** i18n's locales service (src/strapi-internals/plugin-services.ts). */
export const getLocales = localesService;
