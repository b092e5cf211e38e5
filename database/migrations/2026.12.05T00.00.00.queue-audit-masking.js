'use strict';
// The 操作日志 stores ID, mobile and bank card numbers masked from this release on
// (src/lib/audit/mask-personal-data.ts); the entries written before it must be masked
// too. The masking must use the publish checks' own detectors, which are TypeScript
// (src/lib/inspection/personal-data.ts), while a migration is plain JavaScript that is
// never edited once released: requiring the compiled detectors from here would tie an
// old database's upgrade to whatever path and shape that code has years later, with no
// type check to notice. So this migration only queues the work, once per database, in
// the same transaction that records it: a row in newsroom_start_tasks. The start-up
// (src/features/audit/mask-audit-log.ts, under the start-up lock on PostgreSQL) masks every
// entry with the detectors the build carries, then deletes the row; a start interrupted
// half-way finds the row still there and masks again (masking is idempotent). A backup
// restored from an older release queues it at its next start, like any migration.

const { versioned } = require('../versioned-migration');

const TASKS = 'newsroom_start_tasks';

module.exports = versioned(__filename, {
  async up(knex) {
    if (!(await knex.schema.hasTable(TASKS))) {
      await knex.schema.createTable(TASKS, (table) => {
        table.string('name', 255).primary();
        table.bigInteger('queued_ms').notNullable();
      });
    }
    if (!(await knex(TASKS).where({ name: 'mask-audit-personal-data' }).first())) {
      await knex(TASKS).insert({ name: 'mask-audit-personal-data', queued_ms: Date.now() });
    }
  },

  async down(knex) {
    await knex.schema.dropTableIfExists(TASKS);
  },
});
