import type { Core } from '@strapi/strapi';

// The public response cache (src/api/response-cache): anonymous REST reads and GraphQL
// queries answered from memory until content readers can see changes. Names are part of
// the operator contract (README, docs/operations.md).
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  enabled: env.bool('RESPONSE_CACHE', true),
  /** Memory the cached answers may hold, in MB, each counted at what it keeps alive (src/lib/response-cache/answer.ts entryBytes). */
  maxMb: env.float('RESPONSE_CACHE_MAX_MB', 64),
  /** An answer taking more memory than this (about 2–3× its bytes as sent) is never cached, in KB. */
  maxEntryKb: env.int('RESPONSE_CACHE_MAX_ENTRY_KB', 1024),
  /** How often each instance checks whether another one (or a script) changed content, in ms. */
  pollMs: env.int('RESPONSE_CACHE_POLL_MS', 500),
  /**
   * Answers built from click counts that a cached answer cannot refresh itself (the most-read
   * list, GraphQL `clickCount`) are kept this long, in seconds. Article answers over REST
   * carry their click total fresh on every hit.
   */
  countersTtlS: env.int('RESPONSE_CACHE_COUNTERS_TTL_S', 5),
  /** CDN purge hook: called with the Surrogate-Keys of what a publish changed (optional). */
  purgeUrl: env('CACHE_PURGE_URL', ''),
  /** Standard Webhooks secret (whsec_<base64>) that signs purge calls; required with purgeUrl. */
  purgeSecret: env('CACHE_PURGE_SECRET', ''),
  purgeTimeoutMs: env.int('CACHE_PURGE_TIMEOUT_MS', 5000),
});
