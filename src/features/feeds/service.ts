// Renders and caches the feeds each type declares in its src/api/<name>/newsroom.ts
// (`feed`, read from the registry: src/utils/type-settings.ts). A rendered feed stays in memory until content
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
import { typesWith, type FeedSettings } from '../../utils/type-settings';
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

/**
 * `feed`: the declared feed's name (/api/feeds/<name>.<format>), the 栏目 feeds' type when
 * left out; `channel`: a 栏目 slug, for the type whose feed serves the 栏目 feeds.
 */
export type FeedRequest = { format: FeedFormat; feed?: string; channel: string | null; locale: string; limit: number; origin: string };
export type RenderedFeed = { body: string; etag: string; lastModified: Date; contentType: string };

type Row = Record<string, unknown> & { documentId: string; publishedAt: string; locale: string };
type ChannelRow = { documentId: string; name: string; slug: string | null };
type CoverRow = { url: string; mime: string; size: number };

/** The declared feeds, by name. */
export const declaredFeeds = () =>
  new Map(typesWith('feed').map((settings) => [settings.feed.name, { uid: settings.uid, feed: settings.feed }]));

/** The feed that serves the 栏目 feeds (/api/channels/:slug/feed.<format>). */
export const channelFeed = () => typesWith('feed').find((settings) => settings.feed.channels);

export class FeedNotFoundError extends Error {}

const createFeedService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('feeds') as FeedConfig;
  const cache = new Map<string, RenderedFeed>();
  const rendering = new Map<string, Promise<RenderedFeed>>();
  let generation = 0;

  const channels = () => getService(strapi, 'channel');
  /** Whether content changes reach this instance (else nothing is kept). */
  const following = () => getService(strapi, 'responseCache').tracking();

  const pathOf = (feed: FeedSettings) =>
    typeof feed.path === 'string' ? feed.path : (((config as Record<string, unknown>)[feed.path.config] as string | undefined) ?? '/');

  const itemLink = (feed: FeedSettings, row: Row, defaultLocale: string) => {
    const pattern = pathOf(feed);
    const slug = feed.fields.slug ? (row[feed.fields.slug] as string | null) : null;
    const path = pattern
      .replace('{slug}', encodeURIComponent(slug ?? row.documentId))
      .replace('{documentId}', row.documentId)
      .replace('{locale}', row.locale);
    const url = new URL(path, config.publicSiteUrl);
    if (!pattern.includes('{locale}') && row.locale !== defaultLocale) url.searchParams.set('locale', row.locale);
    return url.href;
  };

  /** The declared feed a request names (the 栏目 feeds' type when it names none). */
  const feedOf = (request: FeedRequest) => {
    const declared = request.feed === undefined ? channelFeed() : declaredFeeds().get(request.feed);
    if (!declared) throw new FeedNotFoundError(`No feed "${request.feed ?? ''}"`);
    if (request.channel && !declared.feed.channels) throw new FeedNotFoundError(`The ${declared.feed.name} feed has no 栏目 feeds`);
    return declared;
  };

  const render = async (request: FeedRequest): Promise<RenderedFeed> => {
    const { format, channel, locale, limit, origin } = request;
    const { uid, feed: declared } = feedOf(request);
    const { fields } = declared;
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
    const select = [fields.title, fields.subtitle, fields.slug, fields.summary, fields.body, fields.author, fields.date];
    const populate = {
      ...(fields.channel ? { [fields.channel]: { select: ['documentId', 'name', 'slug'] } } : {}),
      ...(fields.image ? { [fields.image]: { select: ['url', 'mime', 'size'] } } : {}),
    };
    const rows = (await strapi.db.query(uid).findMany({
      select: ['documentId', ...select.filter((field): field is string => Boolean(field)), 'publishedAt', 'locale'],
      where: {
        publishedAt: { $notNull: true },
        // A 发布时间 still ahead is not shown before it comes (nor moves Last-Modified ahead).
        ...(fields.date ? { $or: [{ [fields.date]: null }, { [fields.date]: { $lte: new Date() } }] } : {}),
        locale,
        ...(channelIds && fields.channel ? { [fields.channel]: { documentId: { $in: channelIds } } } : {}),
      },
      orderBy: [...(fields.date ? [{ [fields.date]: 'desc' as const }] : [{ publishedAt: 'desc' as const }]), { id: 'desc' as const }],
      limit,
      populate,
    })) as Row[];

    const text = (row: Row, field: string | undefined) => (field ? ((row[field] as string | null | undefined) ?? null) : null);
    const items: FeedItem[] = rows.map((row) => {
      const published = new Date(text(row, fields.date) ?? row.publishedAt);
      const lastPublish = new Date(row.publishedAt);
      const title = text(row, fields.title) ?? '';
      const subtitle = text(row, fields.subtitle);
      const channelRow = fields.channel ? (row[fields.channel] as ChannelRow | null | undefined) : null;
      const cover = fields.image ? (row[fields.image] as CoverRow | null | undefined) : null;
      return {
        id: `urn:uuid:${uuidv5(`${declared.ids.item}:${row.documentId}:${row.locale}`, ID_NAMESPACE)}`,
        title: subtitle ? `${title}——${subtitle}` : title,
        link: itemLink(declared, row, defaultLocale),
        summary: text(row, fields.summary),
        html: fields.body ? blocksToHtml(row[fields.body], config.publicSiteUrl) : '',
        published,
        updated: lastPublish > published ? lastPublish : published,
        author: text(row, fields.author),
        category: channelRow ? { term: channelRow.slug ?? channelRow.documentId, label: channelRow.name } : null,
        image: cover ? { url: new URL(cover.url, origin).href, type: cover.mime, length: Math.round(Number(cover.size) * 1024) } : null,
      };
    });

    const siteName = config.siteName[locale] ?? config.siteName[defaultLocale] ?? 'News';
    const updated = items.reduce((latest, item) => (item.updated > latest ? item.updated : latest), new Date(0));
    const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
    const selfPath = channel
      ? `${prefix}/channels/${encodeURIComponent(channel)}/feed.${format}`
      : `${prefix}/feeds/${declared.name}.${format}`;
    const self = new URL(selfPath, origin);
    if (locale !== defaultLocale) self.searchParams.set('locale', locale);
    if (limit !== config.defaultLimit) self.searchParams.set('limit', String(limit));
    const feed: Feed = {
      id: `urn:uuid:${uuidv5(`feed:${channelNode?.documentId ?? declared.ids.feed}:${locale}`, ID_NAMESPACE)}`,
      title: channelNode
        ? `${siteName} - ${channelNode.name}`
        : declared.label
          ? `${siteName} - ${declared.label[locale] ?? declared.label[defaultLocale]}`
          : siteName,
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

  const keyOf = (request: FeedRequest) =>
    `${request.format}|${request.feed ?? ''}|${request.channel ?? ''}|${request.locale}|${request.limit}|${request.origin}`;

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
      const base = channelSlug
        ? `${prefix}/channels/${encodeURIComponent(channelSlug)}/feed`
        : `${prefix}/feeds/${channelFeed()?.feed.name}`;
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
