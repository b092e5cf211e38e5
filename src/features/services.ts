// One typed way to reach the project's services and the core ones it uses, as
// @strapi/i18n does with getService: call sites need no casts.
import type { Core, UID } from '@strapi/strapi';
import type { ClicksService } from './clicks';
import type { DisclosureService } from './disclosure';
import type { ChannelService } from '../api/channel/services/channel';
import type { FeedService } from './feeds';
import type { FreshnessService } from './freshness';
import type { PopularService } from './clicks';
import type { ImporterService } from './import';
import type { QuoteProposalsService } from './import';
import type { RebuildService } from './rebuild';
import type { SearchService } from './search';
import type { ResponseCacheService } from './response-cache';
import type { PurgeService } from './response-cache';
import type { InspectionService } from './inspection';
import type { AuditService } from './audit';
import type { SchedulerService } from './schedule';
import type { PreviewService } from './preview';
import type { ReviewService } from './review';
import type { VersionsService } from './versions';
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
  versions: VersionsService;
};

const UIDS: Record<keyof ServiceMap, UID.Service> = {
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
  versions: 'api::version.versions',
};

export const getService = <K extends keyof ServiceMap>(strapi: Core.Strapi, name: K): ServiceMap[K] =>
  // The registry is keyed by strings; this map is where the types are pinned, once.
  strapi.service(UIDS[name]) as unknown as ServiceMap[K];

/** i18n's locales service (src/strapi-internals/plugin-services.ts). */
export const getLocales = localesService;
