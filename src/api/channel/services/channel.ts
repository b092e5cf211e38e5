import { factories } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { buildBreadcrumb, type BreadcrumbItem, type ChannelNode } from '../../../lib/breadcrumb';
import { contentMemo } from '../../../utils/content-memo';
import { localeCodes } from '../../../utils/locales';

type Entry = { documentId?: string; locale?: string | null; [key: string]: unknown };

/** Published channels of one locale, keyed by documentId. A site has tens of them: one query. */
const readTree = async (strapi: Core.Strapi, locale?: string): Promise<Map<string, ChannelNode>> => {
  const rows = (await strapi.db.query('api::channel.channel').findMany({
    select: ['documentId', 'name', 'slug'],
    where: { publishedAt: { $notNull: true }, ...(locale ? { locale } : {}) },
    populate: { parent: { select: ['documentId'] } },
  })) as Array<{ documentId: string; name: string; slug: string | null; parent?: { documentId: string } | null }>;
  return new Map(
    rows.map((row) => [
      row.documentId,
      { documentId: row.documentId, name: row.name, slug: row.slug, parentId: row.parent?.documentId ?? null },
    ])
  );
};

const channelService = factories.createCoreService('api::channel.channel', ({ strapi }) => {
  // Read by every article and channel answer; kept until content changes (src/utils/content-memo.ts).
  // Kept for the locales that exist only: a request's locale is client input.
  const trees = contentMemo(strapi, (locale) => readTree(strapi, locale || undefined));
  return {
    /** Published channels of one locale, keyed by documentId (shared: callers must not change it). */
    publishedTree: async (locale?: string): Promise<Map<string, ChannelNode>> =>
      !locale || (await localeCodes(strapi)).has(locale) ? trees(locale ?? '') : readTree(strapi, locale),

    /** documentIds of the published channel with this slug and all its descendants; null if none. */
    async subtreeIds(slug: string, locale: string): Promise<string[] | null> {
      const tree = await this.publishedTree(locale);
      const root = [...tree.values()].find((node) => node.slug === slug);
      if (!root) return null;
      const ids = [root.documentId];
      for (let i = 0; i < ids.length; i += 1) {
        for (const node of tree.values()) if (node.parentId === ids[i] && !ids.includes(node.documentId)) ids.push(node.documentId);
      }
      return ids;
    },

    /**
     * Adds `breadcrumb` (root first) to each entry, from the channel `channelOf`
     * picks out of it. One tree query per locale present in the entries; an entry
     * without `locale` (not selected by `fields`) takes `requestLocale`.
     */
    async addBreadcrumbs<T extends Entry>(entries: T[], channelOf: (entry: T) => string | null | undefined, requestLocale?: string) {
      const trees = new Map<string, Map<string, ChannelNode>>();
      for (const entry of entries) {
        // An entry read without its `locale` field is in the locale the request asked for.
        const locale = entry.locale ?? requestLocale ?? '';
        if (!trees.has(locale)) trees.set(locale, await this.publishedTree(locale || undefined));
        (entry as Entry).breadcrumb = buildBreadcrumb(trees.get(locale)!, channelOf(entry)) as BreadcrumbItem[];
      }
      return entries;
    },
  };
});

/** The tree methods callers use (the core CRUD methods are Strapi's). */
export type ChannelService = {
  publishedTree: (locale?: string) => Promise<Map<string, ChannelNode>>;
  subtreeIds: (slug: string, locale: string) => Promise<string[] | null>;
  addBreadcrumbs: <T extends Entry>(
    entries: T[],
    channelOf: (entry: T) => string | null | undefined,
    requestLocale?: string
  ) => Promise<Array<T & { breadcrumb: BreadcrumbItem[] }>>;
};

export default channelService;
