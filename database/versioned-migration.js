'use strict';
// The project's own tables (clicks, the rebuild queue, the search index, content
// changes) change through the migrations in database/migrations, which Strapi runs in
// name order at start, each in a transaction, and records in strapi_migrations. Strapi
// takes no lock, so two instances starting together on one database could both run
// one. Each migration is wrapped here: it takes a lock for the transaction (a
// PostgreSQL advisory lock; on SQLite, one file, the second writer waits for the busy
// timeout and then fails its start rather than run twice), and runs only if its name is not
// yet in newsroom_schema_versions, which it writes in the same transaction. So a
// migration runs once, on whichever instance gets there first, and the others see it
// done. Never edit a migration that has been released: add a new one.

const path = require('path');

const VERSIONS = 'newsroom_schema_versions';
/** pg_advisory_xact_lock key: the first 8 bytes of "newsroom" as an integer. */
const LOCK_KEY = '7954895654544699245';

const isPostgres = (knex) => /^(pg|postgres|postgresql)$/.test(String(knex.client.config.client));

/** Waits for the lock as long as another instance's migration takes (not the 30 s statement timeout). */
const lock = async (knex) => {
  if (!isPostgres(knex)) return;
  await knex.raw('SET LOCAL statement_timeout = 0');
  await knex.raw(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
};

const ensureVersions = async (knex) => {
  if (await knex.schema.hasTable(VERSIONS)) return;
  await knex.schema.createTable(VERSIONS, (table) => {
    table.string('name', 255).primary();
    table.bigInteger('applied_ms').notNullable();
  });
  // A database from before this table: its migrations are already in strapi_migrations.
  if (await knex.schema.hasTable('strapi_migrations')) {
    const done = await knex('strapi_migrations').distinct('name');
    const ours = done.map((row) => row.name).filter((name) => /^\d{4}\.\d{2}\.\d{2}T/.test(name));
    if (ours.length) await knex(VERSIONS).insert(ours.map((name) => ({ name, applied_ms: Date.now() })));
  }
};

/** `module.exports = versioned(__filename, { up, down })` in a file of database/migrations. */
const versioned = (file, migration) => {
  const name = path.basename(file);
  return {
    name,
    async up(knex) {
      await lock(knex);
      await ensureVersions(knex);
      if (await knex(VERSIONS).where({ name }).first()) return; // another instance ran it
      await migration.up(knex);
      await knex(VERSIONS).insert({ name, applied_ms: Date.now() });
    },
    async down(knex) {
      await lock(knex);
      await migration.down(knex);
      if (await knex.schema.hasTable(VERSIONS)) await knex(VERSIONS).where({ name }).delete();
    },
  };
};

module.exports = { versioned, isPostgres, VERSIONS };
