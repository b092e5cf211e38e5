import type { Core } from '@strapi/strapi';

// RSS, Atom and JSON feeds of published articles.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** The public news site that item links point to. */
  publicSiteUrl: env('PUBLIC_SITE_URL', 'http://localhost:1337'),
  /** Path of an article page on that site: {slug}, {documentId}, {locale}. */
  articlePath: env('FEED_ARTICLE_PATH', '/articles/{slug}'),
  /** Cache-Control max-age of feed responses, in seconds. */
  maxAgeS: env.int('FEED_MAX_AGE_S', 300),
  defaultLimit: 20,
  maxLimit: 100,
  /** Rendered feeds kept in memory (format x channel x locale x limit). */
  cacheEntries: env.int('FEED_CACHE_ENTRIES', 200),
  siteName: {
    'zh-Hans': env('SITE_NAME', '浙江省机关事务管理局'),
    en: env('SITE_NAME_EN', 'Zhejiang Provincial Government Offices Administration'),
  } as Record<string, string>,
  siteDescription: {
    'zh-Hans': env('SITE_DESCRIPTION', '浙江省机关事务管理局新闻'),
    en: env('SITE_DESCRIPTION_EN', 'News of the Zhejiang Provincial Government Offices Administration'),
  } as Record<string, string>,
});
