// The read side of clicks: current totals (stored + pending), one article's daily
// series, and the most-read list (点击排行). Pure arithmetic over what the store returns.
import { lastDays } from '../../lib/click-guards';
import type { ClickStore } from './store';
import type { Flusher } from './flusher';

export type Period = 'day' | 'week' | 'month' | 'all';
export const PERIOD_DAYS: Record<Period, number | null> = { day: 1, week: 7, month: 30, all: null };

const POPULAR_TTL_MS = 5_000;

export type Ranked = { documentId: string; clickCount: number };

/** Ranks candidates by clicks (legacy counts only for `all`), most first, ties by documentId. */
export const rankByClicks = (
  candidates: Array<{ documentId: string; legacyClickCount: number | null }>,
  sums: Map<string, number>,
  withLegacy: boolean,
  limit: number
): Ranked[] =>
  candidates
    .map((row) => ({
      documentId: row.documentId,
      clickCount: (sums.get(row.documentId) ?? 0) + (withLegacy ? Number(row.legacyClickCount ?? 0) : 0),
    }))
    .filter((row) => row.clickCount > 0)
    .sort((a, b) => b.clickCount - a.clickCount || a.documentId.localeCompare(b.documentId))
    .slice(0, limit);

export const createReports = (store: ClickStore, flusher: Flusher, today: () => string) => {
  const popularCache = new Map<string, { at: number; value: Ranked[] }>();

  const reports = {
    forgetPopular() {
      popularCache.clear();
    },

    /**
     * Current totals (stored + pending) of published documents. A document with clicks
     * waiting for their write is answered from the total its last write read (cached and
     * settled in one step with the pending count, so nothing is counted twice); the
     * others are read from the database, other instances' clicks included.
     */
    async totals(documentIds: string[]): Promise<Map<string, number>> {
      const unique = [...new Set(documentIds)];
      const result = new Map<string, number>();
      const read: string[] = [];
      for (const id of unique) {
        const cached = flusher.stored.get(id);
        const pending = flusher.buffer.pending(id);
        if (pending > 0 && cached !== undefined) result.set(id, cached + pending);
        else read.push(id);
      }
      if (!read.length) return result;
      return flusher.consistent(
        () => store.totals(read),
        (totals) => {
          for (const id of read) result.set(id, (totals.get(id) ?? 0) + flusher.buffer.pending(id));
          return result;
        }
      );
    },

    /** Total, today and the last `days` days of one document (published: the caller checks). */
    async stats(documentId: string, days = 30) {
      const series = lastDays(today(), days);
      const perDay = await flusher.consistent(
        () => store.perDay(documentId, series[0]),
        (byDay) => {
          for (const [day, n] of flusher.buffer.pendingByDay(documentId)) byDay.set(day, (byDay.get(day) ?? 0) + n);
          return byDay;
        }
      );
      const total = (await reports.totals([documentId])).get(documentId) ?? 0;
      return {
        documentId,
        total,
        today: perDay.get(series[series.length - 1]) ?? 0,
        days: series.map((date) => ({ date, count: perDay.get(date) ?? 0 })),
      };
    },

    /**
     * Most-read published articles of a locale, optionally under a channel (its
     * descendants included). Clicks of every locale count toward an article.
     */
    async popular({ period, locale, channelIds, limit }: { period: Period; locale: string; channelIds: string[] | null; limit: number }) {
      const cacheKey = JSON.stringify([period, locale, channelIds, limit]);
      const cached = popularCache.get(cacheKey);
      if (cached && Date.now() - cached.at < POPULAR_TTL_MS) return cached.value;
      const candidates = await store.candidates(locale, channelIds);
      const days = PERIOD_DAYS[period];
      const sums = await store.perDocument(days ? lastDays(today(), days)[0] : null);
      const ranked = rankByClicks(candidates, sums, !days, limit);
      popularCache.set(cacheKey, { at: Date.now(), value: ranked });
      return ranked;
    },
  };
  return reports;
};
