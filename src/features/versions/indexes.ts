// The versions of one document and locale are read newest first and pruned by the same key:
// one index serves both (created if missing at start, as src/features/platform/indexes.ts does).
import type { Core } from '@strapi/strapi';
import { VERSION_UID } from './service';

export const ensureVersionIndex = async (strapi: Core.Strapi) => {
  const meta = strapi.db.metadata.get(VERSION_UID);
  const columns = ['targetUid', 'targetDocumentId', 'targetLocale', 'published'].map(
    (name) => (meta.attributes as Record<string, { columnName?: string }>)[name]?.columnName ?? name
  );
  await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => '??').join(', ')}, id)`, [
    'newsroom_versions_document',
    meta.tableName,
    ...columns,
  ]);
};
