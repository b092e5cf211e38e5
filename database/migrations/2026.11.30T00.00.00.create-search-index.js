'use strict';
// 站内搜索: the published articles as the search sees them (search_documents, their text
// in search_texts), and the
// full-text index over their tokens (src/lib/search/tokenize.ts): an FTS5 table on
// SQLite (contentless: the tokens are not stored twice), a tsvector column with a GIN
// index on PostgreSQL. Only published versions are ever written here.

const { versioned, isPostgres } = require('../versioned-migration');

module.exports = versioned(__filename, {
  async up(knex) {
    if (!(await knex.schema.hasTable('search_documents'))) {
      await knex.schema.createTable('search_documents', (table) => {
        table.increments('id');
        table.string('uid', 64).notNullable();
        table.string('document_id', 64).notNullable();
        table.string('locale', 32).notNullable();
        table.string('channel_document_id', 64);
        table.text('title');
        table.text('subtitle');
        table.string('slug', 255);
        // Milliseconds since the epoch: the same on both databases, whatever the driver does with dates.
        table.bigInteger('publish_ms');
        table.unique(['uid', 'document_id', 'locale'], { indexName: 'search_documents_document_uq' });
        table.index(['locale', 'publish_ms'], 'search_documents_locale_date_idx');
      });
    }
    // What snippets are cut from (the summary and the body as plain text), apart: ranking
    // joins thousands of search_documents rows, which stay small and dense that way.
    if (!(await knex.schema.hasTable('search_texts'))) {
      await knex.schema.createTable('search_texts', (table) => {
        table.integer('id').primary();
        table.text('text');
      });
    }
    if (isPostgres(knex)) {
      if (!(await knex.schema.hasColumn('search_documents', 'tsv'))) {
        await knex.raw('ALTER TABLE search_documents ADD COLUMN tsv tsvector');
        // Kept in the row (compressed) rather than in the TOAST table: a query evaluates
        // the tsvector of every matching row, and fetching each from TOAST cost a third more.
        await knex.raw('ALTER TABLE search_documents ALTER COLUMN tsv SET STORAGE MAIN');
        await knex.raw('ALTER TABLE search_documents SET (toast_tuple_target = 8160)');
        await knex.raw('CREATE INDEX IF NOT EXISTS search_documents_tsv_idx ON search_documents USING GIN (tsv)');
      }
    } else {
      await knex.raw(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')"
      );
    }
  },

  async down(knex) {
    if (!isPostgres(knex)) await knex.raw('DROP TABLE IF EXISTS search_fts');
    await knex.schema.dropTableIfExists('search_texts');
    await knex.schema.dropTableIfExists('search_documents');
  },
});
