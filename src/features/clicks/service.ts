// Click counts (点击率): the register decision (validation, bots, rate limit, dedupe)
// lives here; the group commit that writes them in ../clicks/flusher.ts, the database in
// ../clicks/store.ts, totals, daily series and the most-read list in ../clicks/reports.ts.
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { isbot } from 'isbot';
import { DOCUMENT_ID, DedupeWindow, RateLimiter, dayKeyFormatter, clientKey } from '../../lib/click-guards';
import type { ClickOutcome } from '../../lib/click-response';
import { createClickStore } from './store';
import { createFlusher } from './flusher';
import { createReports } from './reports';
import { getService } from '../services';
import { defaultLocale as readDefaultLocale } from '../../utils/locales';

export { PERIOD_DAYS, type Period } from './reports';
export type { ClickOutcome };

const PUBLISHED_TTL_MS = 5_000;
const PUBLISHED_CACHE_MAX = 50_000;

export type ClickConfig = {
  dedupeWindowS: number;
  rateLimitPerMin: number;
  maxPerAddress: number;
  commitWaitMs: number;
  hashSalt: string;
  timeZone: string;
  fastPath: boolean;
};

export type ClickInput = { documentId: unknown; locale?: unknown; ip: string; userAgent: string };

type Published = { locales: Set<string>; at: number } | { locales: null; at: number };

const createClicksService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('clicks') as ClickConfig;
  const today = dayKeyFormatter(config.timeZone);
  const store = createClickStore(strapi);
  const flusher = createFlusher(strapi, store, config.commitWaitMs);
  const reports = createReports(store, flusher, today);
  const dedupe = new DedupeWindow(config.dedupeWindowS * 1000);
  const limiter = new RateLimiter(config.rateLimitPerMin);
  // Counted views per (address, article) per dedupe window, whatever the user agent;
  // part of the dedupe, so off with it (CLICK_DEDUPE_WINDOW_S=0).
  const perAddress = new RateLimiter(config.dedupeWindowS > 0 ? config.maxPerAddress : 0, config.dedupeWindowS * 1000);
  const published = new Map<string, Published>();
  let closing = false;

  const getDefaultLocale = async () => {
    return readDefaultLocale(strapi);
  };

  /** Which locales of a document are published; cached briefly. */
  const publishedInfo = async (documentId: string): Promise<Published> => {
    const cached = published.get(documentId);
    if (cached && Date.now() - cached.at < PUBLISHED_TTL_MS) return cached;
    const rows = await store.publishedRows(documentId);
    const info: Published = rows.length
      ? { locales: new Set(rows.map((row) => row.locale)), at: Date.now() }
      : { locales: null, at: Date.now() };
    if (published.size >= PUBLISHED_CACHE_MAX) published.clear();
    published.set(documentId, info);
    return info;
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
      // After the final write has begun, a click could no longer be written: refuse it
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
      const visitor = userAgent && !isbot(userAgent) ? visitorKey(address, userAgent, documentId) : null;
      const perAddressKey = visitor && !dedupe.seen(visitor) ? visitorKey(address, '', documentId) : null;
      if (visitor && perAddressKey && perAddress.hit(perAddressKey) === 0) {
        // A 202 that counts is sent only once the click is committed (group commit). The
        // final write may have begun while this click was being checked: refuse it then.
        // A refused view is forgotten by the guards, so a retry counts.
        const refuse = (message: string): ClickOutcome => {
          dedupe.forget(visitor);
          perAddress.undo(perAddressKey);
          return { status: 503, message };
        };
        if (closing) return refuse('Shutting down, try again');
        try {
          await flusher.add(documentId, code, today());
        } catch {
          return refuse('The click could not be stored, try again');
        }
        counted = true;
        // Cached article answers show this total on their next hit.
        getService(strapi, 'responseCache').forgetTotal(documentId);
      }
      const total = (await flusher.storedTotal(documentId)) + flusher.buffer.pending(documentId);
      return { status: 202, documentId, total, counted };
    },

    /** Writes the clicks waiting for their write now. */
    flush: () => flusher.flush(),

    /** Final write on shutdown (Strapi's destroy runs on SIGTERM and SIGINT). */
    async stop() {
      closing = true;
      await flusher.flush();
    },

    /** The published state of a document changed: forget what was cached about it. */
    forget(documentId?: string) {
      if (documentId) {
        published.delete(documentId);
        flusher.stored.delete(documentId);
      } else {
        published.clear();
        flusher.stored.clear();
      }
      reports.forgetPopular();
    },

    /** Current totals (stored + pending) of published documents. */
    totals: (documentIds: string[]) => reports.totals(documentIds),

    /** Total, today and the last 30 days for one published document; null when not published. */
    async stats(documentId: string, days = 30) {
      const info = await publishedInfo(documentId);
      if (!info.locales) return null;
      return reports.stats(documentId, days);
    },

    /** Most-read published articles (点击排行) of a locale, optionally under a channel and its descendants. */
    popular: reports.popular,
  };
  return service;
};

export type ClicksService = ReturnType<typeof createClicksService>;

export default createClicksService;
