import type { Core } from '@strapi/strapi';

// Click counting (点击率). Names are part of the operator contract: see README.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** A repeat view by the same visitor of the same article within this window is not counted; 0 = off. */
  dedupeWindowS: env.int('CLICK_DEDUPE_WINDOW_S', 1800),
  /**
   * Counted views one client IP can add to one article per dedupe window, whatever user
   * agents it sends (a varied user agent would otherwise defeat the dedupe); 0 = off.
   * Generous for an office of colleagues behind one NAT reading the same article.
   */
  maxPerAddress: env.int('CLICK_MAX_PER_ADDRESS', 20),
  /** Clicks per client IP per minute; 0 = off. Generous: a whole office may sit behind one NAT. */
  rateLimitPerMin: env.int('CLICK_RATE_LIMIT_PER_MIN', 1200),
  /** How often buffered clicks are written, in ms (at most 1000). */
  flushMs: Math.max(10, Math.min(env.int('CLICK_FLUSH_MS', 1000), 1000)),
  /** Salt of the visitor hash (IP + user agent); required in production. */
  hashSalt: env('CLICK_HASH_SALT', ''),
  /** The newsroom's day: "today" and the daily series follow this zone. */
  timeZone: env('CLICK_TIMEZONE', 'Asia/Shanghai'),
  /** Answer POST /api/articles/:id/clicks before the rest of the stack (see src/middlewares/click-fast-path.ts). */
  fastPath: env.bool('CLICK_FAST_PATH', true),
});
