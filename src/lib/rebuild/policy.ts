// Pure rules of the rebuild trigger: which targets, when a burst is due, how retries
// back off, what a delivery says.

export type TargetConfig = { key: string; name: string; url: string; secret: string; headers: Record<string, string> };

export type Change = { uid: string; documentId: string; locale: string | null; action: string; slug: string | null; at: Date };

const WHSEC = /^whsec_[A-Za-z0-9+/]+=*$/;

/** Targets from REBUILD_HOOKS (JSON) or REBUILD_HOOK_URL + REBUILD_HOOK_SECRET; throws with a clear message. */
export const targetsFromEnv = (env: { hooks?: string; url?: string; secret?: string }): TargetConfig[] => {
  const list: Array<{ url?: unknown; secret?: unknown; headers?: unknown; name?: unknown }> = [];
  if (env.hooks && env.hooks.trim()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.hooks);
    } catch {
      throw new Error('REBUILD_HOOKS must be a JSON array of {"url","secret","headers"}');
    }
    if (!Array.isArray(parsed)) throw new Error('REBUILD_HOOKS must be a JSON array of {"url","secret","headers"}');
    list.push(...(parsed as typeof list));
  }
  if (env.url && env.url.trim()) list.push({ url: env.url.trim(), secret: env.secret });
  return list.map((item, i) => {
    if (typeof item.url !== 'string' || !/^https?:\/\//.test(item.url)) {
      throw new Error(`Rebuild hook ${i + 1}: url must be an http(s) URL`);
    }
    if (!isWebhookSecret(item.secret)) {
      throw new Error(`Rebuild hook ${i + 1}: secret must be a Standard Webhooks secret "whsec_<base64>"`);
    }
    const headers = (item.headers ?? {}) as Record<string, unknown>;
    if (typeof headers !== 'object' || Array.isArray(headers) || Object.values(headers).some((v) => typeof v !== 'string')) {
      throw new Error(`Rebuild hook ${i + 1}: headers must be an object of strings`);
    }
    const name = typeof item.name === 'string' && item.name ? item.name : new URL(item.url).host;
    return { key: `env:${i}`, name, url: item.url, secret: item.secret, headers: headers as Record<string, string> };
  });
};

/** A Standard Webhooks secret with a key of at least 24 bytes (`whsec_A` would be an empty HMAC key). */
export const isWebhookSecret = (value: unknown): value is string =>
  typeof value === 'string' && WHSEC.test(value) && Buffer.from(value.slice(6), 'base64').length >= 24;

/**
 * A burst is due once it has been quiet for `debounceMs`, or `maxWaitMs` after its
 * first change, whichever comes first.
 */
export const burstDueAt = (first: Date, last: Date, debounceMs: number, maxWaitMs: number): Date =>
  new Date(Math.min(last.getTime() + debounceMs, first.getTime() + maxWaitMs));

/** Exponential backoff with jitter (50-100 % of the step), capped. attempt is 1-based. */
export const backoffMs = (attempt: number, baseMs: number, capMs = 3_600_000, random = Math.random) =>
  Math.round(Math.min(capMs, baseMs * 2 ** (attempt - 1)) * (0.5 + random() * 0.5));

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export const retryAfterMs = (header: string | null, now = Date.now()): number | null => {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
};

/** Network errors, timeouts, 5xx and 429 are worth another try; other answers are final. */
export const isRetryable = (status: number | null) => status === null || status === 429 || status >= 500;

/** One entry per (type, document, locale): the last action of the burst wins. */
export const coalesce = (changes: Change[]): Change[] => {
  const byKey = new Map<string, Change>();
  for (const change of [...changes].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    byKey.delete(`${change.uid}|${change.documentId}|${change.locale ?? ''}`);
    byKey.set(`${change.uid}|${change.documentId}|${change.locale ?? ''}`, change);
  }
  return [...byKey.values()];
};

export const buildPayload = (deliveryId: string, changes: Change[], now: Date) => {
  const times = changes.map((change) => change.at.getTime());
  return {
    type: 'rebuild',
    id: deliveryId,
    timestamp: now.toISOString(),
    window: {
      from: new Date(Math.min(...times)).toISOString(),
      to: new Date(Math.max(...times)).toISOString(),
    },
    changes: coalesce(changes).map(({ uid, documentId, locale, action, slug }) => ({ uid, documentId, locale, action, slug })),
  };
};
