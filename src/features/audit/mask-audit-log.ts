// Masks the 操作日志 entries written before personal numbers were masked on writing, when a
// migration has queued it (database/migrations/2026.12.05T00.00.00.queue-audit-masking.js
// says why the work is queued there and done here). Runs in the start-up, under the
// start-up lock on PostgreSQL (src/strapi-internals/serial-startup.ts), so one instance does it
// while the others wait; in batches, each its own transaction, through the query layer
// (no document middleware: the log refuses every update through the document service).
// The queued row is deleted at the end; a start stopped half-way masks again next time.
import type { Core } from '@strapi/strapi';
import { AUDIT_UID, maskedEntry } from './service';

const TASKS = 'newsroom_start_tasks';
export const MASK_AUDIT_TASK = 'mask-audit-personal-data';
const BATCH = 500;

type Row = { id: number; targetTitle: string | null; changes: unknown };

/** Masks every entry if the task is queued; returns how many entries changed. */
export const maskQueuedAuditEntries = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(TASKS)) || !(await knex(TASKS).where({ name: MASK_AUDIT_TASK }).first())) return 0;
  const entries = () => strapi.db.query(AUDIT_UID);
  let changed = 0;
  let after = 0;
  for (;;) {
    const rows = (await entries().findMany({
      where: { id: { $gt: after } },
      select: ['id', 'targetTitle', 'changes'],
      orderBy: { id: 'asc' },
      limit: BATCH,
    })) as Row[];
    if (!rows.length) break;
    await strapi.db.transaction(async () => {
      for (const row of rows) {
        const masked = maskedEntry(row);
        if (!masked) continue;
        await entries().update({ where: { id: row.id }, data: masked });
        changed += 1;
      }
    });
    after = rows[rows.length - 1].id;
  }
  await knex(TASKS).where({ name: MASK_AUDIT_TASK }).delete();
  return changed;
};
