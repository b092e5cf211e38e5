import type { Core } from '@strapi/strapi';

// Static-site rebuild hooks (src/api/rebuild). Names are part of the operator contract.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** One target: its URL and Standard Webhooks secret (whsec_<base64>). */
  hookUrl: env('REBUILD_HOOK_URL', ''),
  hookSecret: env('REBUILD_HOOK_SECRET', ''),
  /** Several targets: JSON array of {"url","secret","headers"}. */
  hooks: env('REBUILD_HOOKS', ''),
  /** Quiet time that ends a burst. */
  debounceMs: env.int('REBUILD_DEBOUNCE_MS', 5000),
  /** A burst is delivered at the latest this long after its first change. */
  maxWaitMs: env.int('REBUILD_MAX_WAIT_MS', 60000),
  maxAttempts: env.int('REBUILD_MAX_ATTEMPTS', 8),
  timeoutMs: env.int('REBUILD_TIMEOUT_MS', 10000),
  /** First retry delay; doubles each attempt (with jitter). 8 attempts from 2 s span about 4 minutes. */
  retryBaseMs: env.int('REBUILD_RETRY_BASE_MS', 2000),
  /** How often each instance looks for due bursts and deliveries. */
  pollMs: env.int('REBUILD_POLL_MS', 1000),
  /** Finished deliveries are removed from the log after this many days. */
  logRetentionDays: env.int('REBUILD_LOG_RETENTION_DAYS', 30),
  /** Let `npm run seed` / the startup seed trigger a rebuild. */
  onSeed: env.bool('REBUILD_ON_SEED', false),
});
