// The click tables as the click service sees them: every database read and write of
// click counts, and nothing else. Counts live in article_clicks by (documentId, locale,
// day), never on the article row (publishing re-creates that row).
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ClickRow } from '../../lib/click-buffer';
import { isSqlite, withSqliteStatements } from '../../utils/sqlite-statements';
import { ARTICLE_UID } from '../../api/article/newsroom';

export const TABLE = 'article_clicks';
const ARTICLE = ARTICLE_UID;
const ARTICLES_TABLE = 'articles';
const ROWS_PER_INSERT = 200;

type Sum = { n: number | string };
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const createClickStore = (strapi: Core.Strapi) => {
  const knex = () => strapi.db.connection;

  const store = {
    /**
     * Adds each row's delta in one transaction (n = n + delta: instances sharing the
     * database stay exact) and answers the documents' stored totals as they are then.
     */
    async writeBatch(batch: Map<string, ClickRow>): Promise<Map<string, number>> {
      const ids = [...new Set([...batch.values()].map((row) => row.documentId))];
      // Rows in one order on every instance: two groups locking the same rows in opposite
      // orders would deadlock on PostgreSQL.
      const rows = [...batch.values()].sort((a, b) => cmp(a.documentId, b.documentId) || cmp(a.locale, b.locale) || cmp(a.day, b.day));
      if (isSqlite(strapi)) {
        // On the one connection, synchronously, totals read inside the transaction: it
        // commits only if everything succeeded, so a refused click is never stored.
        return withSqliteStatements(strapi, (statement, connection) =>
          connection.transaction(() => {
            const upsert = statement(
              `INSERT INTO ${TABLE} (document_id, locale, day, count) VALUES (?, ?, ?, ?) ` +
                `ON CONFLICT (document_id, locale, day) DO UPDATE SET count = ${TABLE}.count + excluded.count`
            );
            for (const row of rows) upsert.run(row.documentId, row.locale, row.day, row.delta);
            const sum = statement(`SELECT COALESCE(SUM(count), 0) AS n FROM ${TABLE} WHERE document_id = ?`);
            const legacy = statement(
              `SELECT legacy_click_count AS n FROM ${ARTICLES_TABLE} WHERE document_id = ? AND published_at IS NOT NULL LIMIT 1`
            );
            return new Map(ids.map((id) => [id, Number(sum.get(id)?.n ?? 0) + Number(legacy.get(id)?.n ?? 0)]));
          })()
        );
      }
      const values = rows.map((row) => ({ document_id: row.documentId, locale: row.locale, day: row.day, count: row.delta }));
      // The totals are read in the transaction: a failure after the commit cannot turn a
      // stored click into a refused one. A deadlock or serialization failure (another
      // instance's group) is retried: nothing of the failed attempt was committed.
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await knex().transaction(async (trx) => {
            for (let i = 0; i < values.length; i += ROWS_PER_INSERT) {
              await trx(TABLE)
                .insert(values.slice(i, i + ROWS_PER_INSERT))
                .onConflict(['document_id', 'locale', 'day'])
                .merge({ count: trx.raw('?? + excluded.??', [`${TABLE}.count`, 'count']) });
            }
            return store.totals(ids, trx);
          });
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw error;
        }
      }
    },

    /** The published locales of a document and its legacy count (点击率 of the old site). */
    async publishedRows(documentId: string) {
      return (await strapi.db.query(ARTICLE).findMany({
        select: ['locale', 'legacyClickCount'],
        where: { documentId, publishedAt: { $notNull: true } },
      })) as Array<{ locale: string; legacyClickCount: number | null }>;
    },

    /** Stored totals (legacy count included, once per document) of published documents. */
    async totals(documentIds: string[], db: Knex = knex()): Promise<Map<string, number>> {
      const result = new Map<string, number>();
      if (!documentIds.length) return result;
      const sums = (await db(TABLE)
        .select('document_id')
        .sum({ n: 'count' })
        .whereIn('document_id', documentIds)
        .groupBy('document_id')) as Array<{ document_id: string } & Sum>;
      // Read on every article answer: plain SQL, without the query layer's per-query work.
      const legacy = (
        (await db(ARTICLES_TABLE)
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
  return store;
};

export type ClickStore = ReturnType<typeof createClickStore>;
