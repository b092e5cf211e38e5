// The rebuild trigger: records what readers can see changing, coalesces a burst into
// one delivery per target, signs it (Standard Webhooks), and delivers it with retries.
// All state lives in the database (rebuild_changes, rebuild_deliveries), so restarts
// lose nothing and several instances on one database act as one.
import { AsyncLocalStorage } from 'async_hooks';
import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { Webhook } from 'standardwebhooks';
import {
  backoffMs,
  burstDueAt,
  buildPayload,
  isRetryable,
  isWebhookSecret,
  retryAfterMs,
  targetsFromEnv,
  type Change,
  type TargetConfig,
} from '../../lib/rebuild/policy';

const CHANGES = 'rebuild_changes';
const DELIVERIES = 'rebuild_deliveries';
const TARGET_UID = 'api::rebuild.rebuild-target';
const TARGETS_TTL_MS = 5_000;
const PRUNE_EVERY_MS = 3_600_000;

export type RebuildConfig = {
  hookUrl: string;
  hookSecret: string;
  hooks: string;
  debounceMs: number;
  maxWaitMs: number;
  maxAttempts: number;
  timeoutMs: number;
  retryBaseMs: number;
  pollMs: number;
  logRetentionDays: number;
  onSeed: boolean;
};

type DeliveryRow = {
  id: number;
  delivery_id: string;
  target_key: string;
  attempts: number;
  payload: unknown;
};

const createRebuildService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('rebuild') as RebuildConfig;
  const knex = () => strapi.db.connection;
  const suppressed = new AsyncLocalStorage<boolean>();
  let targetsCache: { at: number; value: TargetConfig[] } | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastPrune = 0;
  /** The time the trigger goes by; tests drive it (`useClock`) instead of sleeping. */
  let clock: () => number = Date.now;
  const now = () => clock();

  /** Environment targets plus the enabled ones administrators added in the admin panel. */
  const targets = async (): Promise<TargetConfig[]> => {
    if (targetsCache && Date.now() - targetsCache.at < TARGETS_TTL_MS) return targetsCache.value;
    const cfg = config();
    const fromEnv = targetsFromEnv({ hooks: cfg.hooks, url: cfg.hookUrl, secret: cfg.hookSecret });
    const rows = (await strapi.db.query(TARGET_UID).findMany({ where: { enabled: true } })) as Array<{
      documentId: string;
      name: string;
      url: string;
      secret: string;
      headers: unknown;
    }>;
    const fromAdmin = rows
      .filter((row) => /^https?:\/\//.test(row.url) && isWebhookSecret(row.secret))
      .map((row) => ({
        key: `db:${row.documentId}`,
        name: row.name,
        url: row.url,
        secret: row.secret,
        headers:
          row.headers && typeof row.headers === 'object' && !Array.isArray(row.headers) ? (row.headers as Record<string, string>) : {},
      }));
    targetsCache = { at: Date.now(), value: [...fromEnv, ...fromAdmin] };
    return targetsCache.value;
  };

  /** Takes the pending burst if it is due (or `force`), creating one delivery per target. */
  const claimBurst = async (force = false) => {
    const [window] = (await knex()(CHANGES).whereNull('batch_id').min({ first: 'at_ms' }).max({ last: 'at_ms' })) as Array<{
      first: number | string | null;
      last: number | string | null;
    }>;
    if (window.first === null || window.first === undefined) return 0;
    const cfg = config();
    const due = burstDueAt(new Date(Number(window.first)), new Date(Number(window.last)), cfg.debounceMs, cfg.maxWaitMs);
    if (!force && due.getTime() > now()) return 0;
    const list = await targets();
    const batchId = randomUUID();
    return knex().transaction(async (trx) => {
      // One statement decides which instance gets the burst: the others update nothing.
      const claimed = await trx(CHANGES).whereNull('batch_id').update({ batch_id: batchId });
      if (!claimed) return 0;
      const rows = (await trx(CHANGES).where('batch_id', batchId)) as Array<{
        uid: string;
        document_id: string;
        locale: string | null;
        action: string;
        slug: string | null;
        at_ms: number | string;
      }>;
      const changes: Change[] = rows.map((row) => ({
        uid: row.uid,
        documentId: row.document_id,
        locale: row.locale,
        action: row.action,
        slug: row.slug,
        at: new Date(Number(row.at_ms)),
      }));
      const at = new Date(now());
      for (const target of list) {
        const deliveryId = `msg_${randomUUID().replace(/-/g, '')}`;
        const payload = buildPayload(deliveryId, changes, at);
        await trx(DELIVERIES).insert({
          document_id: randomUUID().replace(/-/g, '').slice(0, 24),
          delivery_id: deliveryId,
          target_key: target.key,
          target_name: target.name,
          state: 'pending',
          attempts: 0,
          next_attempt_at: at,
          change_count: payload.changes.length,
          changes: JSON.stringify(payload.changes),
          window_start: new Date(payload.window.from),
          window_end: new Date(payload.window.to),
          payload: JSON.stringify(payload),
          created_at: at,
          updated_at: at,
          published_at: at,
        });
      }
      await trx(CHANGES).where('batch_id', batchId).delete();
      return list.length;
    });
  };

  /** Sends one delivery; records the outcome and schedules a retry when worth one. */
  const attempt = async (row: DeliveryRow) => {
    const cfg = config();
    const target = (await targets()).find((t) => t.key === row.target_key);
    const attempts = row.attempts + 1;
    const finish = (fields: Record<string, unknown>) =>
      knex()(DELIVERIES)
        .where({ id: row.id })
        .update({ attempts, lease_until: null, updated_at: new Date(), ...fields });
    if (!target) {
      await finish({ state: 'failed', last_error: 'The target is no longer configured' });
      return;
    }
    const body = typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload);
    const timestamp = new Date();
    const signature = new Webhook(target.secret).sign(row.delivery_id, timestamp, body);
    let status: number | null = null;
    let error: string | null = null;
    let retryAfter: number | null = null;
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: {
          ...target.headers,
          'content-type': 'application/json',
          'user-agent': 'gov-newsroom-rebuild/1',
          'webhook-id': row.delivery_id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body,
        signal: AbortSignal.timeout(cfg.timeoutMs),
        redirect: 'manual',
      });
      status = response.status;
      retryAfter = retryAfterMs(response.headers.get('retry-after'));
      await response.body?.cancel().catch(() => undefined);
      if (status >= 200 && status < 300) {
        await finish({ state: 'succeeded', last_status_code: status, last_error: null, delivered_at: new Date() });
        return;
      }
      error = `HTTP ${status}`;
    } catch (failure) {
      const reason = failure as Error & { cause?: { code?: string } };
      error =
        reason.name === 'TimeoutError'
          ? `timed out after ${cfg.timeoutMs} ms`
          : `${reason.message}${reason.cause?.code ? ` (${reason.cause.code})` : ''}`;
    }
    if (!isRetryable(status) || attempts >= cfg.maxAttempts) {
      await finish({ state: 'failed', last_status_code: status, last_error: error });
      return;
    }
    const delay = Math.max(backoffMs(attempts, cfg.retryBaseMs), retryAfter ?? 0);
    await finish({ state: 'pending', last_status_code: status, last_error: error, next_attempt_at: new Date(now() + delay) });
  };

  /** Due deliveries, each leased by one instance (an expired lease is a crashed sender's). */
  const deliverDue = async () => {
    const cfg = config();
    const at = new Date(now());
    const due = (await knex()(DELIVERIES)
      .where((q) => q.where('state', 'pending').andWhere('next_attempt_at', '<=', at))
      .orWhere((q) => q.where('state', 'delivering').andWhere('lease_until', '<', at))
      .orderBy('id')
      .limit(20)) as DeliveryRow[];
    await Promise.all(
      due.map(async (row) => {
        const leased = await knex()(DELIVERIES)
          .where({ id: row.id })
          .andWhere((q) => q.where('state', 'pending').orWhere((q2) => q2.where('state', 'delivering').andWhere('lease_until', '<', at)))
          .update({ state: 'delivering', lease_until: new Date(now() + cfg.timeoutMs * 2 + 5000), updated_at: new Date() });
        if (leased) await attempt(row);
      })
    );
  };

  const prune = async () => {
    const cutoff = new Date(now() - config().logRetentionDays * 86_400_000);
    return knex()(DELIVERIES).whereIn('state', ['succeeded', 'failed']).andWhere('updated_at', '<', cutoff).delete();
  };

  const tick = async () => {
    await claimBurst();
    await deliverDue();
    if (now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = now();
      await prune();
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((error) => {
          strapi.log.error(`[rebuild] ${(error as Error).message}`);
        })
        .finally(() => {
          running = null;
          schedule();
        });
    }, config().pollMs);
    timer.unref();
  };

  return {
    /** Records a change readers can see, unless inside `withoutRebuild` or no target exists. */
    async record(change: Omit<Change, 'at'>) {
      if (suppressed.getStore()) return;
      if ((await targets()).length === 0) return;
      // Joins the transaction the change happens in, when there is one (the content
      // manager publishes inside one): the record commits or rolls back with the publish.
      // A second connection here would wait forever on SQLite, which has only one.
      await strapi.db.transaction(({ trx }) =>
        trx(CHANGES).insert({
          uid: change.uid,
          document_id: change.documentId,
          locale: change.locale,
          action: change.action,
          slug: change.slug,
          at_ms: now(),
        })
      );
    },

    /** Runs `work` without recording changes (the demo seed, unless REBUILD_ON_SEED=true). */
    withoutRebuild<T>(work: () => Promise<T>): Promise<T> {
      return suppressed.run(true, work);
    },

    /**
     * "Rebuild now": a delivery to every target at once, whatever is pending or not.
     * Returns 0 without recording anything when no target is configured. The change
     * names no one: who pressed the button is not sent to build hooks. `rereadTargets`
     * (the admin's button): the targets are read afresh, not from the cache, so one just
     * added or enabled, on any instance, is included.
     */
    async rebuildNow({ rereadTargets = false }: { rereadTargets?: boolean } = {}) {
      if (rereadTargets) targetsCache = null;
      if ((await targets()).length === 0) return 0;
      await knex()(CHANGES).insert({
        uid: 'manual',
        document_id: 'manual',
        locale: null,
        action: 'rebuild-now',
        slug: null,
        at_ms: now(),
      });
      const deliveries = await claimBurst(true);
      await deliverDue();
      return deliveries;
    },

    /** Validates the configuration at startup, so a bad REBUILD_HOOKS fails loudly. */
    async checkConfig() {
      const cfg = config();
      targetsFromEnv({ hooks: cfg.hooks, url: cfg.hookUrl, secret: cfg.hookSecret });
    },

    forgetTargets() {
      targetsCache = null;
    },

    /** Tests: the clock bursts, retries and leases go by (none = the real one). */
    useClock(next?: () => number) {
      clock = next ?? Date.now;
    },

    tick,
    prune,

    start() {
      stopped = false;
      if (!timer) schedule();
    },

    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
};

export type RebuildService = ReturnType<typeof createRebuildService>;

export default createRebuildService;
