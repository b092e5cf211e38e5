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
  /**
   * How long an idle server holds a counted click for others to share its write, in ms
   * (0–100). Its 202 is sent once the write is committed; under load, the clicks that
   * arrive while one write runs share the next one whatever this is.
   */
  commitWaitMs: Math.max(0, Math.min(env.int('CLICK_COMMIT_WAIT_MS', 2), 100)),
  /** Salt of the visitor hash (IP + user agent); required in production. */
  hashSalt: env('CLICK_HASH_SALT', ''),
  /** The newsroom's day: "today" and the daily series follow this zone. */
  timeZone: env('CLICK_TIMEZONE', 'Asia/Shanghai'),
  /** Answer POST /api/articles/:id/clicks before the rest of the stack (see src/features/clicks/fast-path.ts). */
  fastPath: env.bool('CLICK_FAST_PATH', true),
});
