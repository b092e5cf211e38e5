'use strict';
// Click counts (点击率) live in their own table, keyed by documentId, locale and day:
// Strapi 5 re-creates the published article row at every publish, so nothing kept on
// that row could carry a count. Runs on SQLite and PostgreSQL alike.

const { versioned } = require('../versioned-migration');

module.exports = versioned(__filename, {
  async up(knex) {
    if (await knex.schema.hasTable('article_clicks')) return;
    await knex.schema.createTable('article_clicks', (table) => {
      table.string('document_id', 64).notNullable();
      table.string('locale', 32).notNullable();
      // YYYY-MM-DD in CLICK_TIMEZONE (the newsroom's day, not UTC's).
      table.string('day', 10).notNullable();
      table.bigInteger('count').notNullable().defaultTo(0);
      table.primary(['document_id', 'locale', 'day']);
      table.index(['day'], 'article_clicks_day_idx');
    });
  },

  async down(knex) {
    await knex.schema.dropTableIfExists('article_clicks');
  },
});
