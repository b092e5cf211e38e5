// The CDN purge hook: when a publish, unpublish or delete changes what readers see, the
// configured URL is called with the Surrogate-Keys to purge (src/lib/response-cache/answer.ts
// `purgeKeys`), signed with Standard Webhooks like the rebuild hooks. Keys of changes
// within PURGE_BATCH_MS go in one call; a failed call is retried twice. A purge that never
// arrives leaves a CDN at most `s-maxage` behind (config/public-cache.ts).
import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { Webhook } from 'standardwebhooks';
import { isWebhookSecret } from '../../lib/rebuild/policy';
import type { ResponseCacheConfig } from './service';

const PURGE_BATCH_MS = 250;
const RETRY_DELAYS_MS = [1_000, 4_000];

/** Throws on a purge URL without a valid secret: the hook would otherwise be unsigned. */
export const checkPurgeConfig = (config: Pick<ResponseCacheConfig, 'purgeUrl' | 'purgeSecret'>) => {
  if (!config.purgeUrl) return;
  if (!/^https?:\/\//.test(config.purgeUrl)) throw new Error('CACHE_PURGE_URL must be an http(s) URL');
  if (!isWebhookSecret(config.purgeSecret)) {
    throw new Error('CACHE_PURGE_SECRET must be a Standard Webhooks secret (whsec_<base64>) when CACHE_PURGE_URL is set');
  }
};

const createPurgeService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('response-cache') as ResponseCacheConfig;
  const pending = new Set<string>();
  const counters = { calls: 0, failed: 0 };
  let timer: NodeJS.Timeout | null = null;
  const inFlight = new Set<Promise<void>>();

  const send = async (keys: string[]) => {
    const id = `purge_${randomUUID()}`;
    const body = JSON.stringify({ type: 'cache.purge', keys, at: new Date().toISOString() });
    for (let attempt = 0; ; attempt += 1) {
      const timestamp = new Date();
      let problem: string;
      try {
        const response = await fetch(config.purgeUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'gov-newsroom-purge/1',
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
            'webhook-signature': new Webhook(config.purgeSecret).sign(id, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(config.purgeTimeoutMs),
          redirect: 'manual',
        });
        await response.body?.cancel().catch(() => undefined);
        if (response.ok) {
          counters.calls += 1;
          return;
        }
        problem = `HTTP ${response.status}`;
        if (response.status < 500 && response.status !== 429) attempt = RETRY_DELAYS_MS.length;
      } catch (error) {
        problem = (error as Error).message;
      }
      if (attempt >= RETRY_DELAYS_MS.length) {
        counters.failed += 1;
        strapi.log.warn(`[purge] ${config.purgeUrl} failed (${problem}); CDNs catch up within s-maxage`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]).unref());
    }
  };

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending.size) return;
    const keys = [...pending];
    pending.clear();
    const call = send(keys).finally(() => inFlight.delete(call));
    inFlight.add(call);
  };

  return {
    counters,
    enabled: () => Boolean(config.purgeUrl),

    /** Purges these keys with the next call (within PURGE_BATCH_MS). */
    queue(keys: string[]) {
      if (!config.purgeUrl) return;
      for (const key of keys) pending.add(key);
      timer ??= setTimeout(flush, PURGE_BATCH_MS);
    },

    /** Sends what is queued and waits for the calls under way (shutdown, tests). */
    async drain() {
      flush();
      await Promise.all([...inFlight]);
    },
  };
};

export type PurgeService = ReturnType<typeof createPurgeService>;

export default createPurgeService;
