'use strict';
// One row per committed transaction that changed what anonymous readers can see, written
// in that transaction (src/api/response-cache). Each instance polls the count and the
// newest id and drops its response cache when they move, so a change made on one
// instance (or by a script in another process) reaches the others; on PostgreSQL a
// NOTIFY sent at commit gets there first. Rows are only ever inserted: concurrent
// publishes never wait on each other here (an UPDATE of one counter row did, and two
// of them could deadlock). Old rows are pruned. Runs on SQLite and PostgreSQL alike.

const { versioned } = require('../versioned-migration');

module.exports = versioned(__filename, {
  async up(knex) {
    // The first form of this table (one counter row) never left development.
    await knex.schema.dropTableIfExists('content_versions');
    if (await knex.schema.hasTable('content_changes')) return;
    await knex.schema.createTable('content_changes', (table) => {
      table.increments('id').primary();
      table.bigInteger('at_ms').notNullable();
    });
  },

  async down(knex) {
    await knex.schema.dropTableIfExists('content_changes');
  },
});
