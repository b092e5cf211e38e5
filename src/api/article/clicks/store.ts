// The click tables as the click service sees them: every database read and write of
// click counts, and nothing else. Counts live in article_clicks by (documentId, locale,
// day), never on the article row (publishing re-creates that row).
import type { Core } from '@strapi/strapi';
import type { ClickRow } from '../../../lib/click-buffer';

export const TABLE = 'article_clicks';
const ARTICLE = 'api::article.article';
const ARTICLES_TABLE = 'articles';
const SQLITE_ROWS_PER_INSERT = 200; // 4 variables a row, well under SQLite's limit

type Sum = { n: number | string };

export const createClickStore = (strapi: Core.Strapi) => {
  const knex = () => strapi.db.connection;

  return {
    /** Adds each row's delta in one transaction (n = n + delta: instances sharing the database stay exact). */
    async writeBatch(batch: Map<string, ClickRow>) {
      const rows = [...batch.values()].map((row) => ({ document_id: row.documentId, locale: row.locale, day: row.day, count: row.delta }));
      await knex().transaction(async (trx) => {
        for (let i = 0; i < rows.length; i += SQLITE_ROWS_PER_INSERT) {
          await trx(TABLE)
            .insert(rows.slice(i, i + SQLITE_ROWS_PER_INSERT))
            .onConflict(['document_id', 'locale', 'day'])
            .merge({ count: trx.raw('?? + excluded.??', [`${TABLE}.count`, 'count']) });
        }
      });
    },

    /** The published locales of a document and its legacy count (点击率 of the old site). */
    async publishedRows(documentId: string) {
      return (await strapi.db.query(ARTICLE).findMany({
        select: ['locale', 'legacyClickCount'],
        where: { documentId, publishedAt: { $notNull: true } },
      })) as Array<{ locale: string; legacyClickCount: number | null }>;
    },

    /** Stored totals (legacy count included, once per document) of published documents. */
    async totals(documentIds: string[]): Promise<Map<string, number>> {
      const result = new Map<string, number>();
      if (!documentIds.length) return result;
      const sums = (await knex()(TABLE)
        .select('document_id')
        .sum({ n: 'count' })
        .whereIn('document_id', documentIds)
        .groupBy('document_id')) as Array<{ document_id: string } & Sum>;
      // Read on every article answer: plain SQL, without the query layer's per-query work.
      const legacy = (
        (await knex()(ARTICLES_TABLE)
          .select('document_id', 'legacy_click_count')
          .whereIn('document_id', documentIds)
          .whereNotNull('published_at')) as Array<{ document_id: string; legacy_click_count: number | string | null }>
      ).map((row) => ({
        documentId: row.document_id,
        legacyClickCount: row.legacy_click_count === null ? null : Number(row.legacy_click_count),
      }));
      for (const id of documentIds) result.set(id, 0);
      const seenLegacy = new Set<string>();
      for (const row of legacy) {
        if (seenLegacy.has(row.documentId)) continue; // one legacy count per document, not per locale
        seenLegacy.add(row.documentId);
        result.set(row.documentId, (result.get(row.documentId) ?? 0) + Number(row.legacyClickCount ?? 0));
      }
      for (const row of sums) result.set(row.document_id, (result.get(row.document_id) ?? 0) + Number(row.n));
      return result;
    },

    /** Clicks per day of one document since `firstDay` (YYYY-MM-DD). */
    async perDay(documentId: string, firstDay: string): Promise<Map<string, number>> {
      const rows = (await knex()(TABLE)
        .select('day')
        .sum({ n: 'count' })
        .where('document_id', documentId)
        .where('day', '>=', firstDay)
        .groupBy('day')) as Array<{ day: string } & Sum>;
      return new Map(rows.map((row) => [row.day, Number(row.n)]));
    },

    /** Clicks per document since `firstDay`, or ever (null). */
    async perDocument(firstDay: string | null): Promise<Map<string, number>> {
      const query = knex()(TABLE).select('document_id').sum({ n: 'count' }).groupBy('document_id');
      if (firstDay) query.where('day', '>=', firstDay);
      return new Map(((await query) as Array<{ document_id: string } & Sum>).map((row) => [row.document_id, Number(row.n)]));
    },

    /** Published articles of a locale, optionally under these channels: the most-read list's candidates. */
    async candidates(locale: string, channelIds: string[] | null) {
      return (await strapi.db.query(ARTICLE).findMany({
        select: ['documentId', 'legacyClickCount'],
        where: {
          publishedAt: { $notNull: true },
          locale,
          ...(channelIds ? { channel: { documentId: { $in: channelIds } } } : {}),
        },
      })) as Array<{ documentId: string; legacyClickCount: number | null }>;
    },
  };
};

export type ClickStore = ReturnType<typeof createClickStore>;
