// Renders and caches the article feeds. A rendered feed stays in memory until content
// readers can see changes, as the response cache learns of it (src/api/response-cache):
// here at once, on another instance sharing the database when its NOTIFY arrives or at
// its next version poll. While changes cannot be followed, feeds are rendered afresh.
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { v5 as uuidv5 } from 'uuid';
import { blocksToHtml } from '../../lib/feeds/blocks-html';
import type { Feed, FeedItem } from '../../lib/feeds/model';
import { renderAtom } from '../../lib/feeds/atom';
import { renderJsonFeed } from '../../lib/feeds/json-feed';
import { renderRss } from '../../lib/feeds/rss';
import { getService } from '../services';
import { localesService } from '../../strapi-internals/plugin-services';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const RENDERERS: Record<FeedFormat, (feed: Feed) => string> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

/** Namespace of the feeds' permanent ids (urn:uuid v5), fixed forever. */
const ID_NAMESPACE = 'a5d3c8e0-5f7b-4c1e-9a51-3a9f2b1c7d42';

export type FeedConfig = {
  publicSiteUrl: string;
  articlePath: string;
  maxAgeS: number;
  defaultLimit: number;
  maxLimit: number;
  cacheEntries: number;
  siteName: Record<string, string>;
  siteDescription: Record<string, string>;
};

export type FeedRequest = { format: FeedFormat; channel: string | null; locale: string; limit: number; origin: string };
export type RenderedFeed = { body: string; etag: string; lastModified: Date; contentType: string };

type ArticleRow = {
  documentId: string;
  title: string;
  subtitle: string | null;
  slug: string | null;
  summary: string | null;
  body: unknown;
  source: string | null;
  publishDate: string | null;
  publishedAt: string;
  locale: string;
  channel?: { documentId: string; name: string; slug: string | null } | null;
  cover?: { url: string; mime: string; size: number } | null;
};

export class FeedNotFoundError extends Error {}

const createFeedService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('feeds') as FeedConfig;
  const cache = new Map<string, RenderedFeed>();
  const rendering = new Map<string, Promise<RenderedFeed>>();
  let generation = 0;

  const channels = () => getService(strapi, 'channel');
  /** Whether content changes reach this instance (else nothing is kept). */
  const following = () => getService(strapi, 'responseCache').tracking();

  const articleLink = (row: ArticleRow, defaultLocale: string) => {
    const path = config.articlePath
      .replace('{slug}', encodeURIComponent(row.slug ?? row.documentId))
      .replace('{documentId}', row.documentId)
      .replace('{locale}', row.locale);
    const url = new URL(path, config.publicSiteUrl);
    if (!config.articlePath.includes('{locale}') && row.locale !== defaultLocale) url.searchParams.set('locale', row.locale);
    return url.href;
  };

  const render = async (request: FeedRequest): Promise<RenderedFeed> => {
    const { format, channel, locale, limit, origin } = request;
    const locales = localesService(strapi);
    const defaultLocale = (await locales.getDefaultLocale()) as string;
    const tree = await channels().publishedTree(locale);
    let channelNode: { documentId: string; name: string; slug: string | null } | null = null;
    let channelIds: string[] | null = null;
    if (channel) {
      channelIds = await channels().subtreeIds(channel, locale);
      if (!channelIds) throw new FeedNotFoundError(`No published channel "${channel}" in this locale`);
      channelNode = tree.get(channelIds[0]) ?? null;
    }

    // Newest first by the date readers see; the cost follows `limit`, not the archive.
    const rows = (await strapi.db.query('api::article.article').findMany({
      select: ['documentId', 'title', 'subtitle', 'slug', 'summary', 'body', 'source', 'publishDate', 'publishedAt', 'locale'],
      where: {
        publishedAt: { $notNull: true },
        // A 发布时间 still ahead is not shown before it comes (nor moves Last-Modified ahead).
        $or: [{ publishDate: null }, { publishDate: { $lte: new Date() } }],
        locale,
        ...(channelIds ? { channel: { documentId: { $in: channelIds } } } : {}),
      },
      orderBy: [{ publishDate: 'desc' }, { id: 'desc' }],
      limit,
      populate: { channel: { select: ['documentId', 'name', 'slug'] }, cover: { select: ['url', 'mime', 'size'] } },
    })) as ArticleRow[];

    const items: FeedItem[] = rows.map((row) => {
      const published = new Date(row.publishDate ?? row.publishedAt);
      const lastPublish = new Date(row.publishedAt);
      return {
        id: `urn:uuid:${uuidv5(`article:${row.documentId}:${row.locale}`, ID_NAMESPACE)}`,
        title: row.subtitle ? `${row.title}——${row.subtitle}` : row.title,
        link: articleLink(row, defaultLocale),
        summary: row.summary,
        html: blocksToHtml(row.body, config.publicSiteUrl),
        published,
        updated: lastPublish > published ? lastPublish : published,
        author: row.source,
        category: row.channel ? { term: row.channel.slug ?? row.channel.documentId, label: row.channel.name } : null,
        image: row.cover
          ? { url: new URL(row.cover.url, origin).href, type: row.cover.mime, length: Math.round(Number(row.cover.size) * 1024) }
          : null,
      };
    });

    const siteName = config.siteName[locale] ?? config.siteName[defaultLocale] ?? 'News';
    const updated = items.reduce((latest, item) => (item.updated > latest ? item.updated : latest), new Date(0));
    const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
    const selfPath = channel ? `${prefix}/channels/${encodeURIComponent(channel)}/feed.${format}` : `${prefix}/feeds/articles.${format}`;
    const self = new URL(selfPath, origin);
    if (locale !== defaultLocale) self.searchParams.set('locale', locale);
    if (limit !== config.defaultLimit) self.searchParams.set('limit', String(limit));
    const feed: Feed = {
      id: `urn:uuid:${uuidv5(`feed:${channelNode?.documentId ?? 'site'}:${locale}`, ID_NAMESPACE)}`,
      title: channelNode ? `${siteName} - ${channelNode.name}` : siteName,
      description: config.siteDescription[locale] ?? siteName,
      language: locale,
      siteUrl: new URL('/', config.publicSiteUrl).href,
      selfUrl: self.href,
      updated,
      author: siteName,
      generator: 'gov-newsroom',
      items,
    };
    const body = RENDERERS[format](feed);
    return {
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      // Never ahead of the clock, whatever the rows say.
      lastModified: new Date(Math.floor(Math.min(updated.getTime(), Date.now()) / 1000) * 1000),
      contentType: CONTENT_TYPES[format],
    };
  };

  const keyOf = (request: FeedRequest) => `${request.format}|${request.channel ?? ''}|${request.locale}|${request.limit}|${request.origin}`;

  const service = {
    config,

    /** Drops every rendered feed (content changed). */
    invalidate() {
      generation += 1;
      cache.clear();
      rendering.clear();
    },

    /** A rendered feed if one is cached (for the fast path); never renders. */
    cached(request: FeedRequest): RenderedFeed | null {
      return following() ? (cache.get(keyOf(request)) ?? null) : null;
    },

    /** Renders uncached, for the benchmark's render-time measurement. */
    renderUncached: render,

    async get(request: FeedRequest): Promise<RenderedFeed> {
      if (!following()) return render(request);
      const key = keyOf(request);
      const hit = cache.get(key);
      if (hit) return hit;
      let pending = rendering.get(key);
      if (!pending) {
        const startedIn = generation;
        pending = render(request).then((rendered) => {
          // Content may have changed while rendering: then the result is not kept.
          if (startedIn === generation) {
            if (cache.size >= config.cacheEntries) cache.delete(cache.keys().next().value as string);
            cache.set(key, rendered);
          }
          return rendered;
        });
        pending.finally(() => rendering.delete(key)).catch(() => undefined);
        rendering.set(key, pending);
      }
      return pending;
    },

    /** Feed URLs of the site or of a channel, for REST responses and <link rel="alternate">. */
    urls(origin: string, channelSlug: string | null, locale: string, defaultLocale: string) {
      const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
      const base = channelSlug ? `${prefix}/channels/${encodeURIComponent(channelSlug)}/feed` : `${prefix}/feeds/articles`;
      const query = locale !== defaultLocale ? `?locale=${encodeURIComponent(locale)}` : '';
      return {
        rss: new URL(`${base}.rss${query}`, origin).href,
        atom: new URL(`${base}.atom${query}`, origin).href,
        json: new URL(`${base}.json${query}`, origin).href,
      };
    },
  };
  getService(strapi, 'responseCache').onChange(() => service.invalidate());
  return service;
};

export type FeedService = ReturnType<typeof createFeedService>;

export default createFeedService;
