// 定时发布 / 到期下线: every SCHEDULE_POLL_MS each instance looks for article drafts whose
// publishAt or unpublishAt has come and runs each job once across the instances sharing
// the database. The schedule lives in the article's own draft row, so a restart loses
// nothing: due jobs run at the first poll after start (catch-up).
//
// Once: a job is claimed by locking its draft row (PostgreSQL `FOR UPDATE SKIP LOCKED`:
// another instance skips it) in a transaction that also publishes it through the
// document service, so the one publish guard applies and the publish clears publishAt
// (clear-schedule-on-publish.ts) before the lock is released: whoever looks next finds
// nothing due. SQLite has one connection and serves one instance: the transaction alone
// serialises the work, and every write inside it goes through that transaction.
//
// A job runs in the name of whoever set its time (`scheduledBy`, written by
// guard-scheduling.ts, which lets only those who may publish set one): the 操作日志
// entries of the publish and all it causes name them (`X（定时发布）`), not the system.
//
// Before it runs, its setter must still be able to publish the entry (an active, unblocked
// account whose role as it is now may): a 终审 blocked or
// moved to another role since does not publish through a job set earlier.
//
// A job the guard refuses is not retried: the refusal is asked before publishing
// (nothing written), kept in scheduleError and shown to editors; saving the article
// again clears it and runs the job at the next poll.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { isDue, scheduleErrorText } from '../../lib/schedule';
import { assertMayPublish } from '../inspection';
import { getService } from '../services';
import type { OnBehalfOf } from '../../lib/audit/actor';
import { tryLockDocument } from '../../utils/advisory-lock';
import { mayOnEntry } from '../../utils/request-rights';
import { ARTICLE_UID } from '../../api/article/newsroom';
import { generateUserAbility } from '../../strapi-internals/plugin-services';
import { modelMetadata } from '../../strapi-internals/database';

const UID = ARTICLE_UID;

export type ScheduleConfig = { pollMs: number; batch: number };
export type JobKind = 'publish' | 'unpublish';
export type JobOutcome = { kind: JobKind; documentId: string; locale: string; result: 'published' | 'unpublished' | 'refused' | 'cleared' };

type DraftRow = {
  id: number;
  documentId: string;
  locale: string;
  publishAt: string | Date | null;
  unpublishAt: string | Date | null;
  scheduleError: string | null;
  scheduledBy?: unknown;
};
type Meta = { tableName: string; attributes: Record<string, { columnName?: string }> };

const SELECT = ['id', 'documentId', 'locale', 'publishAt', 'unpublishAt', 'scheduleError', 'scheduledBy'];

/** A job whose setter may no longer publish: kept in scheduleError, not run. */
export const SETTER_MAY_NOT_PUBLISH = '设置定时发布的用户已无发布权限，请重新设置';

const JOB_NAMES: Record<JobKind, string> = { publish: '定时发布', unpublish: '到期下线' };

/** Who a job runs for, from the draft's `scheduledBy`; null (the system) for one set by a script or before it was kept. */
export const onBehalfOf = (kind: JobKind, scheduledBy: unknown): OnBehalfOf | null => {
  const by = scheduledBy as { kind?: unknown; id?: unknown; name?: unknown } | null;
  if (!by || typeof by !== 'object' || typeof by.name !== 'string' || (by.kind !== 'admin' && by.kind !== 'api-token')) return null;
  return { job: JOB_NAMES[kind], kind: by.kind, id: typeof by.id === 'number' ? by.id : null, name: by.name };
};

const messageOf = (error: unknown) => {
  const failure = error as { message?: string; details?: { findings?: unknown[] } };
  return failure?.message || String(error);
};

const createSchedulerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('schedule') as ScheduleConfig;
  const articles = () => strapi.db.query(UID);
  const postgres = () => strapi.db.dialect.client === 'postgres';
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;
  /** Where the last look for 发布时间 that arrived ended (see `announceArrivals`). */
  let arrivalsSeen: Date | null = null;
  /** The time jobs are judged by; tests may drive it. */
  let clock: () => number = Date.now;

  /** The draft rows whose job of this kind is due, oldest first. */
  const dueDrafts = async (kind: JobKind, now: Date) => {
    const where: Record<string, unknown> =
      kind === 'publish'
        ? // A draft whose 到期下线 has come as well is the unpublish job's (it is not published).
          {
            publishedAt: null,
            publishAt: { $lte: now },
            scheduleError: null,
            $or: [{ unpublishAt: null }, { unpublishAt: { $gt: now } }],
          }
        : { publishedAt: null, unpublishAt: { $lte: now }, scheduleError: null };
    return (await articles().findMany({
      where,
      select: SELECT,
      orderBy: [{ [kind === 'publish' ? 'publishAt' : 'unpublishAt']: 'asc' }, { id: 'asc' }],
      limit: config().batch,
    })) as DraftRow[];
  };

  /**
   * Inside the job's transaction: the draft row, locked for this instance (PostgreSQL),
   * if its job is still due and no one else holds it; else null.
   */
  const claim = async (trx: Knex.Transaction, row: DraftRow, kind: JobKind, now: Date) => {
    if (postgres()) {
      // The document's write lock before its row, in the order every write takes them
      // (src/features/editing/rules/lock-document.ts); an editor writing it now: next poll.
      if (!(await tryLockDocument(strapi, UID, row.documentId))) return null;
      const meta: Meta = modelMetadata(strapi, UID);
      const column = (name: string) => meta.attributes[name]?.columnName ?? name;
      const locked = await trx(meta.tableName)
        .select('id')
        .where('id', row.id)
        .whereNull(column('publishedAt'))
        .forUpdate()
        .skipLocked()
        .first();
      if (!locked) return null;
    }
    // Read again under the lock: another instance may have run it, an editor changed it.
    const current = (await articles().findOne({ where: { id: row.id, publishedAt: null }, select: SELECT })) as DraftRow | null;
    if (!current || current.scheduleError) return null;
    if (kind === 'publish' && (!isDue(current.publishAt, now) || isDue(current.unpublishAt, now))) return null;
    if (kind === 'unpublish' && !isDue(current.unpublishAt, now)) return null;
    return current;
  };

  /** Writes a refusal on the draft of a job no longer held (after a rollback). */
  const recordRefusal = async (row: DraftRow, kind: JobKind, message: string, now: Date) => {
    const field = kind === 'publish' ? 'publishAt' : 'unpublishAt';
    await articles().updateMany({
      where: { id: row.id, publishedAt: null, scheduleError: null, [field]: { $notNull: true } },
      data: { scheduleError: scheduleErrorText(kind, message, now) },
    });
  };

  /** Runs `work` in the name of whoever set the job (no request: the guards see the server, the log the person). */
  const inNameOf = <T>(kind: JobKind, row: DraftRow, work: () => Promise<T>): Promise<T> => {
    const by = onBehalfOf(kind, row.scheduledBy);
    if (!by) return work();
    return (strapi.requestContext.run as <R>(store: unknown, cb: () => R) => R)({ onBehalfOf: by, state: {} }, work);
  };

  /**
   * The job runs with no request, which the guards take for the server itself; so the one
   * who set it must still be able to publish this entry now: an administrator still active,
   * not blocked, whose role (as it is now) may publish it. A job without `scheduledBy` (set
   * before it was kept, or by a script) or set by an API token (kept by name only) runs.
   */
  const assertSetterMayPublish = async (row: DraftRow) => {
    const by = onBehalfOf('publish', row.scheduledBy);
    // Tokens are kept by name only (guard-scheduling.ts): their jobs run as before.
    if (!by || by.kind !== 'admin' || by.id === null) return;
    const user = await strapi.db.query('admin::user').findOne({ where: { id: by.id }, populate: ['roles'] });
    if (user && user.isActive === true && user.blocked !== true) {
      const ability = await generateUserAbility(strapi, user);
      if (await mayOnEntry(strapi, { kind: 'admin', ability, user }, 'publish', UID, row.documentId, row.locale)) return;
    }
    throw new Error(`${SETTER_MAY_NOT_PUBLISH}（${by.name}）`);
  };

  const publishJob = (row: DraftRow, now: Date) => inNameOf('publish', row, () => runPublishJob(row, now));
  const unpublishJob = (row: DraftRow, now: Date) => inNameOf('unpublish', row, () => runUnpublishJob(row, now));

  const runPublishJob = async (row: DraftRow, now: Date): Promise<JobOutcome | null> => {
    const done = (result: JobOutcome['result']): JobOutcome => ({
      kind: 'publish',
      documentId: row.documentId,
      locale: row.locale,
      result,
    });
    let claimed = false;
    try {
      return await strapi.db.transaction(async ({ trx }) => {
        const current = await claim(trx, row, 'publish', now);
        if (!current) return null;
        claimed = true;
        try {
          // Asked first, with nothing written: a refusal is kept on the draft in this transaction.
          await assertSetterMayPublish(current);
          await assertMayPublish(strapi, UID, current.documentId, [current.locale]);
        } catch (refused) {
          await articles().update({
            where: { id: current.id },
            data: { scheduleError: scheduleErrorText('publish', messageOf(refused), now) },
          });
          strapi.log.warn(`[schedule] publish of ${current.documentId} (${current.locale}) refused: ${messageOf(refused)}`);
          return done('refused');
        }
        await strapi.documents(UID).publish({ documentId: current.documentId, locale: current.locale });
        return done('published');
      });
    } catch (error) {
      // Not ours (the claim itself failed: the database): the next poll tries again.
      if (!claimed) throw error;
      // The publish failed after the guard let it through (a rule that writes first, the
      // database): everything it wrote is rolled back; the reason is kept, not retried.
      await recordRefusal(row, 'publish', messageOf(error), now);
      strapi.log.error(`[schedule] publish of ${row.documentId} (${row.locale}) failed: ${messageOf(error)}`);
      return done('refused');
    }
  };

  const runUnpublishJob = async (row: DraftRow, now: Date): Promise<JobOutcome | null> => {
    const done = (result: JobOutcome['result']): JobOutcome => ({
      kind: 'unpublish',
      documentId: row.documentId,
      locale: row.locale,
      result,
    });
    let claimed = false;
    try {
      return await strapi.db.transaction(async ({ trx }) => {
        const current = await claim(trx, row, 'unpublish', now);
        if (!current) return null;
        claimed = true;
        const live = await articles().count({
          where: { documentId: current.documentId, locale: current.locale, publishedAt: { $notNull: true } },
        });
        // A 定时发布 that came before the 到期下线 (both passed while no instance ran) is moot:
        // the article is not put up to be taken down; editors are told why.
        const moot = isDue(current.publishAt, now);
        await articles().update({
          where: { id: current.id },
          data: {
            unpublishAt: null,
            ...(moot
              ? {
                  publishAt: null,
                  scheduleError: scheduleErrorText('publish', '到期下线时间已过，稿件未发布（The unpublish time had passed）', now),
                }
              : {}),
          },
        });
        if (!live) return done('cleared');
        await strapi.documents(UID).unpublish({ documentId: current.documentId, locale: current.locale });
        return done('unpublished');
      });
    } catch (error) {
      if (!claimed) throw error;
      await recordRefusal(row, 'unpublish', messageOf(error), now);
      strapi.log.error(`[schedule] unpublish of ${row.documentId} (${row.locale}) failed: ${messageOf(error)}`);
      return done('refused');
    }
  };

  /**
   * A published article whose 发布时间 was still ahead (only possible with the publish
   * checks off) is hidden from public reads until then (guard-public-reads.ts); when its
   * time comes, cached answers and feeds that left it out are dropped on every instance.
   */
  const announceArrivals = async (now: Date) => {
    const since = arrivalsSeen;
    arrivalsSeen = now;
    if (!since) return;
    const arrived = await articles().count({
      where: { publishedAt: { $notNull: true }, publishDate: { $gt: since, $lte: now } },
    });
    if (arrived) await getService(strapi, 'responseCache').changed();
  };

  /** One look for due jobs: unpublish first (it decides the jobs whose both times passed). */
  const tick = async (): Promise<JobOutcome[]> => {
    const now = new Date(clock());
    const outcomes: JobOutcome[] = [];
    for (const row of await dueDrafts('unpublish', now)) {
      const outcome = await unpublishJob(row, now);
      if (outcome) outcomes.push(outcome);
    }
    for (const row of await dueDrafts('publish', now)) {
      const outcome = await publishJob(row, now);
      if (outcome) outcomes.push(outcome);
    }
    await announceArrivals(now);
    for (const outcome of outcomes) {
      if (outcome.result !== 'refused')
        strapi.log.info(`[schedule] ${outcome.kind} ${outcome.documentId} (${outcome.locale}): ${outcome.result}`);
    }
    return outcomes;
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      running = tick()
        .catch((error) => strapi.log.error(`[schedule] ${(error as Error).message}`))
        .finally(() => {
          running = null;
          schedule(config().pollMs);
        });
    }, delay);
    timer.unref();
  };

  return {
    tick,

    /** Starts polling; the first look is at once, so jobs that came due while down run now. */
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },

    /** Stops polling and waits for a running look to finish (its jobs complete or roll back). */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },

    /** Tests: the clock jobs are judged by (none = the real one). */
    useClock(next?: () => number) {
      clock = next ?? Date.now;
    },
  };
};

export type SchedulerService = ReturnType<typeof createSchedulerService>;

export default createSchedulerService;
