'use strict';
// The rebuild queue is read by "which changes are not yet claimed, and their first and
// last time" (batch_id IS NULL, MIN/MAX at_ms) at every poll of every instance. An index
// on (batch_id, at_ms) answers it from the index alone; it replaces the index on
// batch_id, which it covers. The first migration that changes a released table.

const { versioned } = require('../versioned-migration');

module.exports = versioned(__filename, {
  async up(knex) {
    await knex.raw('CREATE INDEX IF NOT EXISTS rebuild_changes_pending_idx ON rebuild_changes (batch_id, at_ms)');
    await knex.raw('DROP INDEX IF EXISTS rebuild_changes_batch_idx');
  },

  async down(knex) {
    await knex.raw('CREATE INDEX IF NOT EXISTS rebuild_changes_batch_idx ON rebuild_changes (batch_id)');
    await knex.raw('DROP INDEX IF EXISTS rebuild_changes_pending_idx');
  },
});
