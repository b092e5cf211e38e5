// One typed way to reach the project's services and the core ones it uses, as
// @strapi/i18n does with getService: call sites need no casts.
import type { Core } from '@strapi/strapi';
import type { ClicksService } from '../api/article/services/clicks';
import type { DisclosureService } from '../api/article/services/disclosure';
import type { ChannelService } from '../api/channel/services/channel';
import type { FeedService } from '../api/feed/services/feed';
import type { FreshnessService } from '../api/channel/services/freshness';
import type { PopularService } from '../api/article/services/popular';
import type { ImporterService } from '../api/article/services/importer';
import type { QuoteProposalsService } from '../api/article/services/quote-proposals';
import type { RebuildService } from '../api/rebuild/services/rebuild';
import type { SearchService } from '../api/search/services/search';
import type { ResponseCacheService } from '../api/response-cache/services/response-cache';
import type { PurgeService } from '../api/response-cache/services/purge';
import type { InspectionService } from '../api/inspection/services/inspection';
import type { AuditService } from '../api/audit/services/audit';
import type { SchedulerService } from '../api/article/services/scheduler';
import type { PreviewService } from '../api/article/services/preview';
import type { ReviewService } from '../api/review/services/review';

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

type LocalesService = {
  getDefaultLocale: () => Promise<string>;
  findByCode: (code: string) => Promise<unknown>;
  find: (params?: object) => Promise<Array<{ code: string; name: string; isDefault: boolean }>>;
  create: (locale: { code: string; name: string; isDefault?: boolean }) => Promise<unknown>;
  setDefaultLocale: (locale: { code: string }) => Promise<unknown>;
};

export const getLocales = (strapi: Core.Strapi) => strapi.plugin('i18n').service('locales') as unknown as LocalesService;
