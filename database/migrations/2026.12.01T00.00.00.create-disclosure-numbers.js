'use strict';
// 索引号 of the 政府信息公开 catalogue (src/features/disclosure/service.ts). A counter
// row per publishing organisation and year hands out the next serial: an upsert that
// increments it locks the row until the publish commits, so instances sharing one
// PostgreSQL database take turns and a rolled-back publish gives its serial back (no
// gaps). Every number handed out is recorded with its document; the primary key on the
// number makes a duplicate impossible and the rows are never deleted, so a number is
// never reused, also after an unpublish or a delete. Runs on SQLite and PostgreSQL alike.

const { versioned } = require('../versioned-migration');

module.exports = versioned(__filename, {
  async up(knex) {
    if (!(await knex.schema.hasTable('disclosure_counters'))) {
      await knex.schema.createTable('disclosure_counters', (table) => {
        table.string('organization_code', 18).notNullable();
        table.integer('year').notNullable();
        table.integer('last_serial').notNullable();
        table.primary(['organization_code', 'year']);
      });
    }
    if (!(await knex.schema.hasTable('disclosure_index_numbers'))) {
      await knex.schema.createTable('disclosure_index_numbers', (table) => {
        table.string('index_number', 64).primary();
        // One number per document, for good: re-publishing, removing and re-adding the metadata keep it.
        table.string('document_id', 64).notNullable().unique('disclosure_index_numbers_document_id_unique');
        table.string('organization_code', 18).notNullable();
        table.integer('year').notNullable();
        table.integer('serial').notNullable();
        table.bigInteger('assigned_ms').notNullable();
        table.unique(['organization_code', 'year', 'serial'], 'disclosure_index_numbers_serial_unique');
      });
    }
  },

  async down(knex) {
    await knex.schema.dropTableIfExists('disclosure_index_numbers');
    await knex.schema.dropTableIfExists('disclosure_counters');
  },
});
