// Indexes Strapi's schema does not declare. Feeds and most-read lists read the newest
// published articles of a locale; without this index that is a sort of the whole
// archive. Created at every start (IF NOT EXISTS): Strapi's schema sync may drop
// indexes it does not know when content types change.
import type { Core } from '@strapi/strapi';

const INDEXES = [
  { name: 'articles_locale_publish_date_idx', table: 'articles', columns: ['locale', 'publish_date'] },
  // Counting a locale's published articles (every list's pagination total) from the
  // index alone, instead of reading every row of the archive.
  { name: 'articles_locale_published_at_idx', table: 'articles', columns: ['locale', 'published_at'] },
  // A page is found by its slug: without these every lookup reads the whole archive.
  { name: 'articles_slug_idx', table: 'articles', columns: ['slug', 'locale'] },
  { name: 'channels_slug_idx', table: 'channels', columns: ['slug', 'locale'] },
  { name: 'commendations_slug_idx', table: 'commendations', columns: ['slug', 'locale'] },
];

export const ensureIndexes = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  for (const index of INDEXES) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${index.columns.map(() => '??').join(', ')})`, [
      index.name,
      index.table,
      ...index.columns,
    ]);
  }
};
