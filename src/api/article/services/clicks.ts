// Click counts (点击率): registering views, buffering them, and reading totals,
// daily series and the most-read list. Counts are kept by documentId in the
// article_clicks table (see database/migrations), never on the article row.
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { isbot } from 'isbot';
import { ClickBuffer, type ClickRow } from '../../../lib/click-buffer';
import { DOCUMENT_ID, DedupeWindow, RateLimiter, dayKeyFormatter, lastDays, clientKey } from '../../../lib/click-guards';
import type { ClickOutcome } from '../../../lib/click-response';

const TABLE = 'article_clicks';
const ARTICLE = 'api::article.article';
const SQLITE_ROWS_PER_INSERT = 200; // 4 variables a row, well under SQLite's limit
const PUBLISHED_TTL_MS = 5_000;
const PUBLISHED_CACHE_MAX = 50_000;
const POPULAR_TTL_MS = 5_000;

export type ClickConfig = {
  dedupeWindowS: number;
  rateLimitPerMin: number;
  maxPerAddress: number;
  flushMs: number;
  hashSalt: string;
  timeZone: string;
  fastPath: boolean;
};

export type ClickInput = { documentId: unknown; locale?: unknown; ip: string; userAgent: string };

export type { ClickOutcome };

export type Period = 'day' | 'week' | 'month' | 'all';
export const PERIOD_DAYS: Record<Period, number | null> = { day: 1, week: 7, month: 30, all: null };

type Published = { locales: Set<string>; legacy: number; at: number } | { locales: null; at: number };

const createClicksService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('clicks') as ClickConfig;
  const today = dayKeyFormatter(config.timeZone);
  const buffer = new ClickBuffer();
  const dedupe = new DedupeWindow(config.dedupeWindowS * 1000);
  const limiter = new RateLimiter(config.rateLimitPerMin);
  // Counted views per (address, article) per dedupe window, whatever the user agent;
  // part of the dedupe, so off with it (CLICK_DEDUPE_WINDOW_S=0).
  const perAddress = new RateLimiter(config.dedupeWindowS > 0 ? config.maxPerAddress : 0, config.dedupeWindowS * 1000);
  const published = new Map<string, Published>();
  /** documentId -> total already in the database (legacy count included). */
  const stored = new Map<string, number>();
  const popularCache = new Map<string, { at: number; value: unknown }>();
  let defaultLocale: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> | null = null;
  let closing = false;
  /** Bumped when a written batch stops counting as pending (see `consistent`). */
  let settled = 0;

  const knex = () => strapi.db.connection;

  const getDefaultLocale = async () => {
    defaultLocale ??= (await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string;
    return defaultLocale;
  };

  /** Which locales of a document are published, and its legacy count; cached briefly. */
  const publishedInfo = async (documentId: string): Promise<Published> => {
    const cached = published.get(documentId);
    if (cached && Date.now() - cached.at < PUBLISHED_TTL_MS) return cached;
    const rows = (await strapi.db.query(ARTICLE).findMany({
      select: ['locale', 'legacyClickCount'],
      where: { documentId, publishedAt: { $notNull: true } },
    })) as Array<{ locale: string; legacyClickCount: number | null }>;
    const info: Published = rows.length
      ? { locales: new Set(rows.map((row) => row.locale)), legacy: Number(rows[0].legacyClickCount ?? 0), at: Date.now() }
      : { locales: null, at: Date.now() };
    if (published.size >= PUBLISHED_CACHE_MAX) published.clear();
    published.set(documentId, info);
    return info;
  };

  const storedTotals = async (documentIds: string[]): Promise<Map<string, number>> => {
    const result = new Map<string, number>();
    if (!documentIds.length) return result;
    const sums = (await knex()(TABLE)
      .select('document_id')
      .sum({ n: 'count' })
      .whereIn('document_id', documentIds)
      .groupBy('document_id')) as Array<{ document_id: string; n: number | string }>;
    const legacy = (await strapi.db.query(ARTICLE).findMany({
      select: ['documentId', 'legacyClickCount'],
      where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
    })) as Array<{ documentId: string; legacyClickCount: number | null }>;
    for (const id of documentIds) result.set(id, 0);
    const seenLegacy = new Set<string>();
    for (const row of legacy) {
      if (seenLegacy.has(row.documentId)) continue; // one legacy count per document, not per locale
      seenLegacy.add(row.documentId);
      result.set(row.documentId, (result.get(row.documentId) ?? 0) + Number(row.legacyClickCount ?? 0));
    }
    for (const row of sums) result.set(row.document_id, (result.get(row.document_id) ?? 0) + Number(row.n));
    return result;
  };

  const storedTotal = async (documentId: string) => {
    const cached = stored.get(documentId);
    if (cached !== undefined) return cached;
    const total = (await storedTotals([documentId])).get(documentId) ?? 0;
    stored.set(documentId, total);
    return total;
  };

  const visitorKey = (ip: string, userAgent: string, documentId: string) =>
    createHash('sha256')
      .update(config.hashSalt)
      .update('\0')
      .update(ip)
      .update('\0')
      .update(userAgent)
      .update('\0')
      .update(documentId)
      .digest('base64url');

  const writeBatch = async (batch: Map<string, ClickRow>) => {
    const rows = [...batch.values()].map((row) => ({
      document_id: row.documentId,
      locale: row.locale,
      day: row.day,
      count: row.delta,
    }));
    await knex().transaction(async (trx) => {
      for (let i = 0; i < rows.length; i += SQLITE_ROWS_PER_INSERT) {
        // Adds deltas (n = n + delta): several instances on one database stay exact.
        await trx(TABLE)
          .insert(rows.slice(i, i + SQLITE_ROWS_PER_INSERT))
          .onConflict(['document_id', 'locale', 'day'])
          .merge({ count: trx.raw('?? + excluded.??', [`${TABLE}.count`, 'count']) });
      }
    });
  };

  const flushOnce = async () => {
    if (buffer.size === 0) return;
    const batch = buffer.take();
    try {
      await writeBatch(batch);
    } catch (error) {
      buffer.restore(batch);
      strapi.log.error(`[clicks] flush failed, ${batch.size} rows kept for the next try: ${(error as Error).message}`);
      return;
    }
    // Re-read what is now stored for these documents (other instances' clicks included),
    // then stop counting the batch as pending: one synchronous step, so no double count.
    const ids = [...new Set([...batch.values()].map((row) => row.documentId))];
    let totals: Map<string, number> | null = null;
    try {
      totals = await storedTotals(ids);
    } catch (error) {
      // The batch is written; only the cached totals are unknown: drop them (re-read later).
      strapi.log.warn(`[clicks] could not re-read totals after a flush: ${(error as Error).message}`);
      totals = null;
    }
    for (const id of ids) {
      if (totals) stored.set(id, totals.get(id) ?? 0);
      else stored.delete(id);
    }
    buffer.settle(batch);
    settled += 1;
  };

  /**
   * A database read and the pending clicks added together must see the same side of a
   * flush: between its commit and its settle, a batch is in both. So a read that
   * overlapped a flush is read again; `combine` runs synchronously with the check.
   */
  const consistent = async <T, R>(read: () => Promise<T>, combine: (value: T) => R): Promise<R> => {
    for (let attempt = 0; ; attempt += 1) {
      while (flushing) await flushing;
      const before = settled;
      const value = await read();
      if ((!flushing && settled === before) || attempt >= 5) return combine(value);
    }
  };

  const service = {
    config,

    /** Registers one view. Validation, bot rule, rate limit and dedupe all happen here. */
    async register({ documentId, locale, ip, userAgent }: ClickInput): Promise<ClickOutcome> {
      if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId)) {
        return { status: 400, message: 'documentId must be 24 characters a-z or 0-9' };
      }
      if (locale !== undefined && (typeof locale !== 'string' || locale.length > 32)) {
        return { status: 400, message: 'locale must be a locale code' };
      }
      // After the final flush has begun, a click could no longer be written: refuse it
      // rather than answer 202 for a count that would be lost.
      if (closing) return { status: 503, message: 'Shutting down, try again' };
      const address = clientKey(ip);
      const retryAfter = limiter.hit(address);
      if (retryAfter) return { status: 429, message: 'Too many clicks from this address', retryAfter };
      const info = await publishedInfo(documentId);
      const code = (locale as string | undefined) ?? (await getDefaultLocale());
      if (!info.locales || !info.locales.has(code)) {
        return { status: 404, message: 'No published article with this documentId in this locale' };
      }
      let counted = false;
      // Every browser sends a user agent; a request without one is a script.
      if (
        userAgent &&
        !isbot(userAgent) &&
        !dedupe.seen(visitorKey(address, userAgent, documentId)) &&
        perAddress.hit(visitorKey(address, '', documentId)) === 0
      ) {
        buffer.add(documentId, code, today());
        counted = true;
      }
      return { status: 202, documentId, total: (await storedTotal(documentId)) + buffer.pending(documentId), counted };
    },

    /** Writes buffered clicks in one transaction. Concurrent calls share one write. */
    async flush(): Promise<void> {
      while (flushing) await flushing;
      if (buffer.size === 0) return;
      flushing = flushOnce().finally(() => {
        flushing = null;
      });
      await flushing;
    },

    start() {
      if (timer) return;
      timer = setInterval(() => {
        service.flush().catch((error) => strapi.log.error(`[clicks] ${(error as Error).message}`));
      }, config.flushMs);
      timer.unref();
    },

    /** Final flush on shutdown (Strapi's destroy runs on SIGTERM and SIGINT). */
    async stop() {
      closing = true;
      if (timer) clearInterval(timer);
      timer = null;
      await service.flush();
      if (buffer.size > 0) await service.flush(); // one retry if the last write failed
    },

    /** The published state of a document changed: forget what was cached about it. */
    forget(documentId?: string) {
      if (documentId) {
        published.delete(documentId);
        stored.delete(documentId);
      } else {
        published.clear();
        stored.clear();
      }
      popularCache.clear();
    },

    /** Current totals (stored + pending) of published documents. */
    async totals(documentIds: string[]): Promise<Map<string, number>> {
      const unique = [...new Set(documentIds)];
      return consistent(
        () => storedTotals(unique),
        (totals) => {
          for (const id of unique) totals.set(id, (totals.get(id) ?? 0) + buffer.pending(id));
          return totals;
        }
      );
    },

    /** Total, today and the last 30 days for one published document; null when not published. */
    async stats(documentId: string, days = 30) {
      const info = await publishedInfo(documentId);
      if (!info.locales) return null;
      const series = lastDays(today(), days);
      const perDay = await consistent(
        () =>
          knex()(TABLE)
            .select('day')
            .sum({ n: 'count' })
            .where('document_id', documentId)
            .where('day', '>=', series[0])
            .groupBy('day') as Promise<Array<{ day: string; n: number | string }>>,
        (rows) => {
          const byDay = new Map(rows.map((row) => [row.day, Number(row.n)]));
          for (const [day, n] of buffer.pendingByDay(documentId)) byDay.set(day, (byDay.get(day) ?? 0) + n);
          return byDay;
        }
      );
      const total = (await service.totals([documentId])).get(documentId) ?? 0;
      return {
        documentId,
        total,
        today: perDay.get(series[series.length - 1]) ?? 0,
        days: series.map((date) => ({ date, count: perDay.get(date) ?? 0 })),
      };
    },

    /**
     * Most-read published articles (点击排行) of a locale, optionally under a channel
     * (its descendants included). Clicks of every locale count toward an article.
     */
    async popular({ period, locale, channelIds, limit }: { period: Period; locale: string; channelIds: string[] | null; limit: number }) {
      const cacheKey = JSON.stringify([period, locale, channelIds, limit]);
      const cached = popularCache.get(cacheKey);
      if (cached && Date.now() - cached.at < POPULAR_TTL_MS) return cached.value as Array<{ documentId: string; clickCount: number }>;

      const candidates = (await strapi.db.query(ARTICLE).findMany({
        select: ['documentId', 'legacyClickCount'],
        where: {
          publishedAt: { $notNull: true },
          locale,
          ...(channelIds ? { channel: { documentId: { $in: channelIds } } } : {}),
        },
      })) as Array<{ documentId: string; legacyClickCount: number | null }>;
      const days = PERIOD_DAYS[period];
      const query = knex()(TABLE).select('document_id').sum({ n: 'count' }).groupBy('document_id');
      if (days) query.where('day', '>=', lastDays(today(), days)[0]);
      const sums = new Map(
        ((await query) as Array<{ document_id: string; n: number | string }>).map((row) => [row.document_id, Number(row.n)])
      );
      const ranked = candidates
        .map((row) => ({
          documentId: row.documentId,
          clickCount: (sums.get(row.documentId) ?? 0) + (days ? 0 : Number(row.legacyClickCount ?? 0)),
        }))
        .filter((row) => row.clickCount > 0)
        .sort((a, b) => b.clickCount - a.clickCount || a.documentId.localeCompare(b.documentId))
        .slice(0, limit);
      popularCache.set(cacheKey, { at: Date.now(), value: ranked });
      return ranked;
    },
  };
  return service;
};

export type ClicksService = ReturnType<typeof createClicksService>;

export default createClicksService;
