// 索引号 of the 政府信息公开 catalogue: one per document, handed out at its first publish
// and kept for good (tables: database/migrations/…create-disclosure-numbers.js). Every
// write joins the running transaction (the publish's): on SQLite a second connection
// would wait for the one the publish holds, and a publish that rolls back must give its
// serial back, so the numbers of one organisation and year have no gaps.
import type { Core } from '@strapi/strapi';
import { formatIndexNumber, yearOf } from '../../lib/disclosure';
import { ARTICLE_UID } from '../../api/article/newsroom';
import { transactionKnex } from '../../strapi-internals/database';

const ARTICLE = ARTICLE_UID;
const COMPONENT = 'disclosure.metadata';
const COUNTERS = 'disclosure_counters';
const NUMBERS = 'disclosure_index_numbers';

type Knex = Core.Strapi['db']['connection'];
type Row = { id: number; disclosure?: { id: number; indexNumber?: string | null; organizationCode?: string | null } | null };

const createDisclosureService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Runs `work` in the running transaction, or in a new one. */
  const inTransaction = <T>(work: (trx: Knex) => Promise<T>) =>
    strapi.db.transaction(async ({ trx }) => work(transactionKnex(trx))) as Promise<T>;

  const numberIn = async (trx: Knex, documentId: string) => {
    const row = (await trx(NUMBERS).where({ document_id: documentId }).first('index_number')) as { index_number: string } | undefined;
    return row?.index_number ?? null;
  };

  return {
    /** The document's 索引号, or null when it has none yet. */
    numberOf(documentId: string): Promise<string | null> {
      return inTransaction((trx) => numberIn(trx, documentId));
    },

    /**
     * The document's 索引号, allocated now if it has none: the next serial of
     * (organisation, year of `at` in Beijing). The counter's upsert locks its row until
     * the transaction ends, so concurrent publishes of one organisation take turns.
     */
    assign(documentId: string, organizationCode: string, at = new Date()): Promise<string> {
      return inTransaction(async (trx) => {
        const existing = await numberIn(trx, documentId);
        if (existing) return existing;
        const year = yearOf(at);
        const [counter] = (await trx(COUNTERS)
          .insert({ organization_code: organizationCode, year, last_serial: 1 })
          .onConflict(['organization_code', 'year'])
          .merge({ last_serial: trx.raw('??.?? + 1', [COUNTERS, 'last_serial']) })
          .returning(['last_serial'])) as Array<{ last_serial: number | string }>;
        // Another instance may have numbered this document while this one waited for the row
        // lock: hand the serial back (the lock is still held, so it is the latest) and use theirs.
        const meanwhile = await numberIn(trx, documentId);
        if (meanwhile) {
          await trx(COUNTERS)
            .where({ organization_code: organizationCode, year })
            .update({ last_serial: trx.raw('?? - 1', ['last_serial']) });
          return meanwhile;
        }
        const serial = Number(counter.last_serial);
        const indexNumber = formatIndexNumber(organizationCode, year, serial);
        await trx(NUMBERS).insert({
          index_number: indexNumber,
          document_id: documentId,
          organization_code: organizationCode,
          year,
          serial,
          assigned_ms: at.getTime(),
        });
        return indexNumber;
      });
    },

    /**
     * Writes `indexNumber` into the metadata of the document's rows (drafts only, or every
     * version), through the query layer so that it joins the running transaction.
     */
    async writeNumber(documentId: string, indexNumber: string | null, { draftsOnly }: { draftsOnly: boolean }) {
      const rows = (await strapi.db.query(ARTICLE).findMany({
        where: { documentId, ...(draftsOnly ? { publishedAt: null } : {}) },
        select: ['id'],
        populate: { disclosure: { select: ['id', 'indexNumber'] } },
      })) as Row[];
      const ids = rows.flatMap((row) => (row.disclosure && row.disclosure.indexNumber !== indexNumber ? [row.disclosure.id] : []));
      if (ids.length) await strapi.db.query(COMPONENT).updateMany({ where: { id: { $in: ids } }, data: { indexNumber } });
    },

    /** The metadata of the document's drafts (the versions a publish copies). */
    async draftMetadata(documentId: string) {
      const rows = (await strapi.db.query(ARTICLE).findMany({
        where: { documentId, publishedAt: null },
        select: ['id', 'locale'],
        populate: { disclosure: { select: ['id', 'indexNumber', 'organizationCode'] } },
      })) as Array<Row & { locale: string }>;
      return rows;
    },
  };
};

export type DisclosureService = ReturnType<typeof createDisclosureService>;

export default createDisclosureService;
