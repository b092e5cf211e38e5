// The public response cache: anonymous REST reads and GraphQL queries kept in memory
// (an LRU bounded by bytes), answered by src/features/response-cache/middlewares/response-cache.ts before the
// rest of the stack and filled by src/features/response-cache/middlewares/public-cache-headers.ts.
//
// Freshness. Any database write that can change what anonymous readers see (a document
// row that is not a draft, a component, a locale, a public permission, a media file,
// the core store, the search index) inserts one row into `content_changes` in the same
// transaction (once per transaction), and empties this instance's cache when the
// transaction commits (and at once, so nothing read during it is kept: an answer is only
// stored if no change happened while it was made). On PostgreSQL the insert is announced
// by NOTIFY, delivered at commit: other instances empty their caches milliseconds later.
// Every instance also polls the table's count and newest id every RESPONSE_CACHE_POLL_MS
// and empties its cache when they moved for a reason it has not seen yet (a lost NOTIFY,
// SQLite, a script in another process: an import, a restore). Until its first poll
// succeeds, or after one fails, an instance neither serves nor stores cached answers.
import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { Client, type ClientConfig } from 'pg';
import type { CachedAnswer } from '../../lib/response-cache/answer';
import { getService } from '../services';

export type ResponseCacheConfig = {
  enabled: boolean;
  maxMb: number;
  maxEntryKb: number;
  pollMs: number;
  countersTtlS: number;
  purgeUrl: string;
  purgeSecret: string;
  purgeTimeoutMs: number;
};

const CHANGES_TABLE = 'content_changes';
/** PostgreSQL channel a change's id is announced on; delivered when the transaction commits. */
const CHANNEL = 'gnr_content_change';
/** Changes kept in the table (older ones are pruned now and then). */
const CHANGES_KEPT = 1_000;
const LISTEN_RETRY_MS = 1_000;
const TOTALS_TTL_MS = 1_000;
const WRITES: ReadonlySet<string> = new Set([
  'afterCreate',
  'afterCreateMany',
  'afterUpdate',
  'afterUpdateMany',
  'afterDelete',
  'afterDeleteMany',
]);
/**
 * Never part of an anonymous answer: Strapi's own bookkeeping (sessions, admin users,
 * tokens…), the rebuild log, and the 操作日志 and 三审 records (an admin login's audit entry,
 * written just after the login, emptied every instance's cache: seen in CI as a miss).
 */
const IGNORED = (uid: string) =>
  uid.startsWith('admin::') ||
  uid.startsWith('api::rebuild.') ||
  uid.startsWith('api::audit.') ||
  uid.startsWith('api::review.') ||
  uid === 'plugin::users-permissions.user' ||
  uid.startsWith('plugin::content-manager.') ||
  uid.startsWith('plugin::upload.folder');

type LifecycleEvent = {
  action: string;
  model: { uid: string; attributes?: Record<string, unknown>; options?: { draftAndPublish?: boolean } };
  result?: unknown;
};

type Transaction = { trx: unknown; onCommit: (cb: () => void) => void };

/**
 * Core-store rows Strapi rewrites on its own schedule that no answer reads: the upload
 * plugin's weekly metrics (first written 15 s after a fresh start, then weekly).
 */
const IGNORED_STORE_KEYS: ReadonlySet<string> = new Set(['plugin_upload_metrics']);

/** Whether a write event can change an anonymous answer (a draft row cannot). */
export const changesPublicContent = (event: LifecycleEvent) => {
  if (!WRITES.has(event.action) || IGNORED(event.model.uid)) return false;
  const result = event.result as { publishedAt?: unknown; key?: unknown } | null | undefined;
  if (event.model.uid === 'strapi::core-store' && typeof result?.key === 'string' && IGNORED_STORE_KEYS.has(result.key)) return false;
  const isDraftRow =
    event.model.options?.draftAndPublish === true &&
    (event.action === 'afterCreate' || event.action === 'afterUpdate') &&
    result !== null &&
    typeof result === 'object' &&
    'publishedAt' in result &&
    result.publishedAt === null;
  return !isDraftRow;
};

const createResponseCacheService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('response-cache') as ResponseCacheConfig;
  const counters = { hits: 0, misses: 0, stored: 0, notStored: 0, evicted: 0, cleared: 0 };
  const answers = new LRUCache<string, CachedAnswer>({
    maxSize: Math.max(1, Math.round(config.maxMb * 1024 * 1024)),
    sizeCalculation: (answer) => Math.max(1, answer.bytes),
    dispose: (_answer, _key, reason) => {
      if (reason === 'evict') counters.evicted += 1;
    },
  });
  const totals = new Map<string, { value: number; at: number }>();
  /** Transactions that have already raised the counter (once is enough). */
  const raisedIn = new WeakSet<object>();
  let generation = 0;
  /** The table's state at the last poll; null until one succeeds (then nothing is served). */
  let known: { n: number; top: number } | null = null;
  /** Changes handled here since the last poll (ours, and others' announced by NOTIFY). */
  let seenSincePoll = 0;
  /** Our own changes' ids, to tell their NOTIFY from others'. */
  const ownIds = new Set<number>();
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;
  let listener: Client | null = null;
  let stopped = false;
  const postgres = strapi.db.dialect.client === 'postgres';

  const listeners: Array<() => void> = [];

  const clear = () => {
    generation += 1;
    if (answers.size) counters.cleared += 1;
    answers.clear();
    for (const listener of listeners) listener();
  };

  /** The table's count and newest id: moves with every committed change (and with pruning). */
  const readState = async () => {
    const [row] = (await strapi.db.connection(CHANGES_TABLE).count({ n: '*' }).max({ top: 'id' })) as Array<{
      n: number | string;
      top: number | string | null;
    }>;
    return { n: Number(row.n), top: Number(row.top ?? 0) };
  };

  const poll = async () => {
    try {
      const before = seenSincePoll;
      const state = await readState();
      const after = seenSincePoll;
      // Unchanged, or changed only by commits already handled here (ours, and others'
      // announced by NOTIFY; those handled while the query ran may or may not be in what
      // it read): nothing to drop. Anything else (a lost NOTIFY, SQLite, a script, a prune)
      // drops the cache.
      const moved = known === null ? -1 : state.n - known.n;
      const handled = known !== null && moved >= before && moved <= after && state.top >= known.top;
      if (!handled) clear();
      // Handled commits the query did not see yet are expected at the next poll.
      seenSincePoll = handled ? after - moved : 0;
      known = state;
    } catch (error) {
      // Unable to tell whether another instance changed content: stop serving until it can.
      if (known !== null) strapi.log.warn(`[response-cache] change check failed, cache off until it works: ${(error as Error).message}`);
      known = null;
      clear();
    }
  };

  /** Records one change (in `trx` when given) and returns its id. */
  const record = async (trx?: unknown) => {
    const table = () => (trx ? strapi.db.connection(CHANGES_TABLE).transacting(trx as never) : strapi.db.connection(CHANGES_TABLE));
    const [inserted] = (await table().insert({ at_ms: Date.now() }).returning('id')) as Array<{ id: number } | number>;
    const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
    if (postgres) {
      // Known as ours before the commit: its NOTIFY can arrive before the commit's reply.
      if (ownIds.size > 10_000) ownIds.clear();
      ownIds.add(id);
      const notify = strapi.db.connection.raw('select pg_notify(?, ?)', [CHANNEL, String(id)]);
      await (trx ? notify.transacting(trx as never) : notify);
    }
    return id;
  };

  /** Our own change is committed: drop what we hold; the poll need not drop it again. */
  const committed = (id: number) => {
    clear();
    seenSincePoll += 1;
    if (id % 100 === 0) {
      strapi.db
        .connection(CHANGES_TABLE)
        .where('id', '<=', id - CHANGES_KEPT)
        .delete()
        .catch(() => undefined);
    }
  };

  /** A change committed by another instance (NOTIFY); our own are already handled. */
  const announced = (payload: string | undefined) => {
    const id = Number(payload);
    if (!Number.isInteger(id) || known === null) return;
    if (ownIds.delete(id)) return;
    clear();
    seenSincePoll += 1;
  };

  const raise = async () => {
    if (!strapi.db.inTransaction()) {
      committed(await record());
      return;
    }
    // Joins the running transaction: the change is recorded with it, or not at all.
    await strapi.db.transaction(async ({ trx, onCommit }: Transaction) => {
      clear();
      if (raisedIn.has(trx as object)) return;
      raisedIn.add(trx as object);
      const id = await record(trx);
      onCommit(() => committed(id));
    });
  };

  /**
   * On PostgreSQL a dedicated connection LISTENs for changes: other instances' changes
   * reach this cache milliseconds after they commit. If it drops, the poll goes on
   * (at most RESPONSE_CACHE_POLL_MS behind) while it reconnects.
   */
  const listen = async () => {
    if (!postgres || stopped) return;
    const connection = (strapi.config.get('database.connection') as { connection: ClientConfig }).connection;
    const client = new Client(connection);
    const retry = () => {
      if (listener !== client) return;
      listener = null;
      client.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void listen(), LISTEN_RETRY_MS).unref();
    };
    listener = client;
    client.on('error', (error) => {
      strapi.log.warn(`[response-cache] LISTEN connection lost (${error.message}); polling meanwhile`);
      retry();
    });
    client.on('end', retry);
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) announced(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      await poll(); // whatever was announced while not listening
    } catch (error) {
      strapi.log.warn(`[response-cache] cannot LISTEN (${(error as Error).message}); polling meanwhile`);
      retry();
    }
  };

  const service = {
    config,
    counters,

    /** Subscribes to writes and starts polling (bootstrap). */
    async start() {
      strapi.db.lifecycles.subscribe(async (event: LifecycleEvent) => {
        if (changesPublicContent(event)) await raise();
      });
      // The version is followed even with the cache off: memos of lookups follow it too.
      await poll();
      timer = setInterval(
        () => {
          polling ??= poll().finally(() => (polling = null));
        },
        Math.max(50, config.pollMs)
      );
      timer.unref();
      await listen();
    },

    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
      known = null;
      ownIds.clear();
      clear();
    },

    /**
     * A change readers can see was written without the query layer (the search index is
     * written with plain SQL): recorded in the running transaction, or alone.
     */
    changed: () => raise(),

    /** Whether cached answers may be served and stored now. */
    active: () => config.enabled && service.tracking(),

    /** Changes whenever content may have changed; an answer made across a change is not kept. */
    generation: () => generation,

    /** Whether content changes are being followed (the first version read succeeded, the last poll too). */
    tracking: () => known !== null,

    /** Calls `listener` whenever content may have changed (here, on another instance, by a script). */
    onChange(listener: () => void) {
      listeners.push(listener);
    },

    get(key: string): CachedAnswer | null {
      if (!service.active()) return null;
      const answer = answers.get(key);
      if (answer && answer.expiresAt <= Date.now()) {
        answers.delete(key);
        return null;
      }
      if (answer) counters.hits += 1;
      else counters.misses += 1;
      return answer ?? null;
    },

    /**
     * Keeps an answer made while `startedIn` was the generation; false when it is not kept.
     * `answer.bytes` is what it costs the process, key included (entryBytes in
     * src/lib/response-cache/answer.ts).
     */
    set(key: string, answer: CachedAnswer, startedIn: number) {
      if (!service.active() || startedIn !== generation || answer.bytes > Math.min(config.maxEntryKb * 1024, answers.maxSize)) {
        counters.notStored += 1;
        return false;
      }
      answers.set(key, answer);
      counters.stored += 1;
      return true;
    },

    /** Current click totals of these documents: the ones a cached article answer carries. */
    async totals(documentIds: string[], seen?: number[]) {
      const now = Date.now();
      if (seen) documentIds.forEach((id, i) => totals.set(id, { value: seen[i], at: now }));
      const missing = [...new Set(documentIds.filter((id) => !(now - (totals.get(id)?.at ?? 0) < TOTALS_TTL_MS)))];
      if (missing.length) {
        const fresh = await getService(strapi, 'clicks').totals(missing);
        if (totals.size > 50_000) totals.clear();
        for (const id of missing) totals.set(id, { value: fresh.get(id) ?? 0, at: Date.now() });
      }
      return documentIds.map((id) => totals.get(id)?.value ?? 0);
    },

    /** The totals if every one is known and fresh (no waiting), else null. */
    freshTotals(documentIds: string[]): number[] | null {
      const now = Date.now();
      const values: number[] = [];
      for (const id of documentIds) {
        const known = totals.get(id);
        if (!known || now - known.at >= TOTALS_TTL_MS) return null;
        values.push(known.value);
      }
      return values;
    },

    /** A click on this instance: its total is read again on the next hit. */
    forgetTotal(documentId: string) {
      totals.delete(documentId);
    },

    stats: () => ({
      enabled: config.enabled,
      active: service.active(),
      entries: answers.size,
      bytes: answers.calculatedSize,
      maxBytes: answers.maxSize,
      changes: known,
      ...counters,
    }),

    /** Drops every cached answer on this instance (tests, operators). */
    clear,
  };
  return service;
};

export type ResponseCacheService = ReturnType<typeof createResponseCacheService>;

export default createResponseCacheService;
