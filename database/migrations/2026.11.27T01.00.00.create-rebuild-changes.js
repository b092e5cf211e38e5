'use strict';
// Changes waiting to be delivered to the rebuild targets (src/api/rebuild). Kept in
// the database, not in memory, so a restart in the middle of a burst loses nothing
// and several instances on one database form one burst. A burst is claimed by
// setting batch_id on its rows in one statement: only one instance can win it.

const { versioned } = require('../versioned-migration');

module.exports = versioned(__filename, {
  async up(knex) {
    if (await knex.schema.hasTable('rebuild_changes')) return;
    await knex.schema.createTable('rebuild_changes', (table) => {
      table.increments('id');
      table.string('uid', 255).notNullable();
      table.string('document_id', 64).notNullable();
      table.string('locale', 32);
      table.string('action', 32).notNullable();
      table.string('slug', 255);
      table.bigInteger('at_ms').notNullable();
      table.string('batch_id', 64);
      table.index(['batch_id'], 'rebuild_changes_batch_idx');
    });
  },

  async down(knex) {
    await knex.schema.dropTableIfExists('rebuild_changes');
  },
});
