// The quotes of a page imported for the first time, written as one batch instead of one
// document-service call each: a page of the sample's kind has 20, and each call ran ~18
// queries and the whole chain of document rules (nine tenths of the import's time).
//
// Why the batch keeps every promise the document service keeps for these writes: the
// quotes are new drafts of a new draft article, in the page's transaction, so of the
// document rules only these do anything, and the batch does each of them here:
// - cleanPasting: invisible characters stripped from the fields readers see (stripInvisibleFields);
// - the schema's limits (required text and speaker, lengths): a page whose quotes break
//   them is not batched (fitsSchema), and the document service refuses it as before;
// - recordAudit: one `create` entry per quote, with the same title and field-level changes,
//   in the same transaction (the audit service's recordMany);
// - the links: the quote at the end of its article's and its commended individual's lists,
//   as the query layer places one (appendManyToOneLinks).
// The others have nothing to do: guardLinkedEdits and the review reset act on an article
// past 初审 (a new article is at 草稿) and on a caller (a script has none); search, rebuild
// hooks, caches and 索引号 act on publishes and articles; lockDocument serialises writes of
// one document (these exist only in this transaction). A page imported again, or published,
// goes through the document service (service.ts). tests/integration/importer-speed.test.ts
// imports one page both ways and compares every stored row.
import type { Core } from '@strapi/strapi';
import { getService } from '../services';
import { stripInvisibleFields } from '../editing';
import { diffFields, titleOf, type AttributeInfo } from '../../lib/audit/diff';
import { settingsOf } from '../../utils/type-settings';
import { contentTypeSchema } from '../../strapi-internals/schemas';
import { appendManyToOneLinks } from '../../strapi-internals/database';

export const QUOTE = 'api::speaker-quote.speaker-quote';

export type QuoteData = {
  text: string;
  speakerName: string;
  speakerPosition: string | null;
  speakerOrganization: string | null;
  order: number;
};
type Linked = { id: number; documentId: string };

type Attribute = AttributeInfo & { required?: boolean; maxLength?: number };

/** Whether every quote fits the type's schema (required fields, lengths), so the batch may write them as the document service would. */
export const fitsSchema = (attributes: Record<string, Attribute>, quotes: QuoteData[]) =>
  quotes.every((quote) =>
    (['text', 'speakerName', 'speakerPosition', 'speakerOrganization'] as const).every((field) => {
      const value = quote[field];
      const attribute = attributes[field];
      if (value === null || value === undefined || value === '') return !attribute?.required;
      return typeof value === 'string' && (attribute?.maxLength === undefined || value.length <= attribute.maxLength);
    })
  );

export const writeQuoteBatch = async (
  strapi: Core.Strapi,
  trx: unknown,
  locale: string,
  article: Linked,
  quotes: Array<QuoteData & { individual: Linked | null }>
) => {
  if (quotes.length === 0) return [];
  const schema = contentTypeSchema(strapi, QUOTE) as { attributes: Record<string, Attribute> };
  const now = new Date();
  const rows = quotes.map(({ individual: _individual, ...quote }) => {
    const data: Record<string, unknown> = { ...quote };
    stripInvisibleFields(QUOTE, data);
    return { ...data, locale, publishedAt: null, createdAt: now, updatedAt: now };
  });
  const { ids } = (await strapi.db.query(QUOTE).createMany({ data: rows as never })) as { ids: number[] };
  const stored = (await strapi.db.query(QUOTE).findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId'] })) as Linked[];
  const documentIdOf = new Map(stored.map((row) => [row.id, row.documentId]));
  await appendManyToOneLinks(
    strapi,
    trx,
    QUOTE,
    'article',
    ids.map((id) => ({ id, target: article.id }))
  );
  await appendManyToOneLinks(
    strapi,
    trx,
    QUOTE,
    'commendedIndividual',
    ids.flatMap((id, i) => (quotes[i].individual ? [{ id, target: quotes[i].individual!.id }] : []))
  );
  // Each entry as recordAudit writes it for a create: the row as read after it, its links as documentIds.
  const mainField = settingsOf(QUOTE)?.admin?.mainField;
  await getService(strapi, 'audit').recordMany(
    ids.map((id, i) => {
      const after = {
        ...rows[i],
        id,
        documentId: documentIdOf.get(id),
        article: { documentId: article.documentId },
        commendedIndividual: quotes[i].individual ? { documentId: quotes[i].individual!.documentId } : null,
      };
      return {
        action: 'create' as const,
        targetUid: QUOTE,
        targetDocumentId: documentIdOf.get(id) ?? null,
        targetLocale: locale,
        targetTitle: titleOf(after, mainField),
        changes: diffFields(schema.attributes, null, after),
      };
    })
  );
  return ids.map((id) => documentIdOf.get(id)!);
};
