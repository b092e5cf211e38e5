// Several instances starting together on one PostgreSQL database (after an upgrade, or a
// deploy that starts them at once) each run Strapi's start-up: the schema sync
// (migrations, then CREATE/ALTER for changed content types), the admin's permission sync,
// then this project's bootstrap (indexes, roles, word list, demo seed). None of it takes a
// lock, and side by side they collide: two instances creating the same new table failed
// one start ("pg_type_typname_nsp_index", when the 信息公开 component added
// `articles_cmps`); on an old release's database, two CREATE INDEX IF NOT EXISTS collided
// ("pg_class_relname_nsp_index") and one instance's permission sync removed permissions
// the other was linking to its new roles (a foreign-key error). So the instances start one
// at a time: a session advisory lock is taken on a pooled connection of its own just
// before the schema sync and released when this project's bootstrap ends (or the
// instance stops); the next instance then finds everything done. SQLite is one file and
// one process: nothing to do.
import type { Core } from '@strapi/strapi';
import { holdAdvisoryLock } from '../utils/advisory-lock';

/** A key of its own: database/versioned-migration.js and LOCKS (src/utils/advisory-lock.ts) take others. */
const STARTUP_LOCK_KEY = '7954895654544699246';

type Db = { dialect: { client: string }; schema: { sync: () => Promise<unknown> } };

/** The release of the held lock, per app (the tests start several apps in one process). */
const held = new WeakMap<Core.Strapi, () => Promise<void>>();

/** In register(): the lock is taken when Strapi's bootstrap starts its schema sync. */
export const serializeStartup = (strapi: Core.Strapi) => {
  const db = strapi.db as unknown as Db;
  if (db.dialect.client !== 'postgres') return;
  const sync = db.schema.sync.bind(db.schema);
  db.schema.sync = async () => {
    if (!held.has(strapi)) held.set(strapi, await holdAdvisoryLock(strapi, STARTUP_LOCK_KEY));
    return sync();
  };
};

/** At the end of bootstrap() (and in destroy(), should the start have failed): the next instance may start. */
export const endSerialStartup = async (strapi: Core.Strapi) => {
  const release = held.get(strapi);
  if (!release) return;
  held.delete(strapi);
  await release();
};
