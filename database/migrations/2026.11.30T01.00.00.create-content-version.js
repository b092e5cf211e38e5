'use strict';
// One counter per instance group: raised in the same transaction as any write that can
// change what anonymous readers see (src/api/response-cache). Each instance polls it and
// drops its response cache when it moves, so a publish on one instance reaches the
// caches of the others within RESPONSE_CACHE_POLL_MS, and a write by a script in another
// process (an import, a restore) reaches them too. Runs on SQLite and PostgreSQL alike.

module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('content_versions')) return;
    await knex.schema.createTable('content_versions', (table) => {
      table.string('name', 64).primary();
      table.bigInteger('version').notNullable().defaultTo(0);
    });
    await knex('content_versions').insert({ name: 'public', version: 0 });
  },

  async down(knex) {
    await knex.schema.dropTableIfExists('content_versions');
  },
};
