// 站内搜索 over published articles: keeps the index (search_documents plus SQLite FTS5 or
// PostgreSQL tsvector, see database/migrations) in step with publishing, and answers
// queries ranked by relevance (a title match weighs ten body matches) or by date.
// Index writes join the transaction of the publish that causes them: on SQLite a second
// connection would wait forever, and a rolled-back publish leaves no trace.
import type { Core } from '@strapi/strapi';
import { indexTokens, toFtsMatch, toTsQuery, toTsVector, type SearchQuery } from '../../lib/search/tokenize';
import { blocksText, snippet } from '../../lib/search/snippet';
import { parseSearchInput, type SearchInput } from '../../lib/search/request';
import { SearchQueryProblem } from '../../lib/search/tokenize';
import { errors } from '@strapi/utils';
import { getLocales, getService } from '../services';
import { defaultLocale } from '../../utils/locales';
import { ARTICLE_UID } from '../../api/article/newsroom';
import { transactionKnex } from '../../strapi-internals/database';

const ARTICLE = ARTICLE_UID;
const DOCUMENTS = 'search_documents';
const FTS = 'search_fts';
const TEXTS = 'search_texts';

export type SearchRequest = {
  query: SearchQuery;
  locale: string;
  channelIds: string[] | null;
  fromMs: number | null;
  toMs: number | null;
  sort: 'relevance' | 'date';
  page: number;
  pageSize: number;
};

export type SearchRow = {
  document_id: string;
  title: string | null;
  subtitle: string | null;
  slug: string | null;
  publish_ms: number | string | null;
  channel_document_id: string | null;
  text: string | null;
};

type Published = {
  documentId: string;
  locale: string;
  title: string | null;
  subtitle: string | null;
  slug: string | null;
  summary: string | null;
  body: unknown;
  publishDate: string | Date | null;
  publishedAt: string | Date | null;
  channel?: { documentId: string } | null;
};

type Knex = Core.Strapi['db']['connection'];

const createSearchService = ({ strapi }: { strapi: Core.Strapi }) => {
  const postgres = () => strapi.db.dialect.client === 'postgres';

  /** Rewrites the index rows of one document from its published versions (all locales), in `trx`. */
  const writeDocument = async (trx: Knex, documentId: string) => {
    const rows = (await strapi.db.query(ARTICLE).findMany({
      where: { documentId, publishedAt: { $notNull: true } },
      select: ['documentId', 'locale', 'title', 'subtitle', 'slug', 'summary', 'body', 'publishDate', 'publishedAt'],
      populate: { channel: { select: ['documentId'] } },
    })) as Published[];
    const old = (await trx(DOCUMENTS).where({ uid: ARTICLE, document_id: documentId }).select('id')) as Array<{ id: number }>;
    if (old.length) {
      const oldIds = old.map((row) => row.id);
      if (!postgres()) await trx(FTS).whereIn('rowid', oldIds).delete();
      await trx(TEXTS).whereIn('id', oldIds).delete();
    }
    await trx(DOCUMENTS).where({ uid: ARTICLE, document_id: documentId }).delete();
    for (const row of rows) {
      const text = [row.summary ?? '', blocksText(row.body)].filter(Boolean).join('\n');
      const titleTokens = indexTokens(`${row.title ?? ''} ${row.subtitle ?? ''}`);
      const bodyTokens = indexTokens(text);
      const date = row.publishDate ?? row.publishedAt;
      const values = {
        uid: ARTICLE,
        document_id: row.documentId,
        locale: row.locale,
        channel_document_id: row.channel?.documentId ?? null,
        title: row.title,
        subtitle: row.subtitle,
        slug: row.slug,
        publish_ms: date ? new Date(date).getTime() : null,
      };
      const tsv = postgres()
        ? { tsv: trx.raw("setweight(?::tsvector, 'A') || ?::tsvector", [toTsVector(titleTokens), toTsVector(bodyTokens)]) }
        : {};
      const [inserted] = (await trx(DOCUMENTS)
        .insert({ ...values, ...tsv })
        .returning('id')) as Array<number | { id: number }>;
      const id = typeof inserted === 'number' ? inserted : inserted.id;
      await trx(TEXTS).insert({ id, text });
      if (!postgres()) await trx(FTS).insert({ rowid: id, title: titleTokens, body: bodyTokens });
    }
    return rows.length;
  };

  const columns = ['d.document_id', 'd.title', 'd.subtitle', 'd.slug', 'd.publish_ms', 'd.channel_document_id', 't.text'];

  const service = {
    /**
     * A reader's search, REST and GraphQL alike: checks the input (ValidationError),
     * the locale and the channel (NotFoundError for an unknown one), and shapes each hit
     * with its channel and a snippet whose matched words are in <mark>.
     */
    async find(input: SearchInput) {
      const locales = getLocales(strapi);
      let parsed;
      try {
        parsed = parseSearchInput(input, await defaultLocale(strapi));
      } catch (error) {
        if (error instanceof SearchQueryProblem) throw new errors.ValidationError(error.message);
        throw error;
      }
      if (!(await locales.findByCode(parsed.locale))) throw new errors.ValidationError(`Unknown locale: ${JSON.stringify(parsed.locale)}`);
      const channels = getService(strapi, 'channel');
      const channelIds = parsed.channel ? await channels.subtreeIds(parsed.channel, parsed.locale) : null;
      if (parsed.channel && !channelIds) throw new errors.NotFoundError(`No published channel "${parsed.channel}" in this locale`);
      const { rows, total } = await service.search({ ...parsed, channelIds });
      const tree = rows.some((row) => row.channel_document_id) ? await channels.publishedTree(parsed.locale) : new Map();
      return {
        data: rows.map((row) => {
          const channel = row.channel_document_id ? tree.get(row.channel_document_id) : null;
          return {
            documentId: row.document_id,
            title: row.title,
            subtitle: row.subtitle,
            slug: row.slug,
            publishDate: row.publish_ms === null ? null : new Date(Number(row.publish_ms)).toISOString(),
            channel: channel ? { documentId: channel.documentId, name: channel.name, slug: channel.slug } : null,
            snippet: snippet(row.text ?? '', parsed.query.highlights),
          };
        }),
        meta: {
          pagination: { page: parsed.page, pageSize: parsed.pageSize, total, pageCount: Math.ceil(total / parsed.pageSize) },
        },
      };
    },

    /** Re-indexes one document after a publish, unpublish or delete (joins the running transaction). */
    async indexDocument(documentId: string) {
      return strapi.db.transaction(async ({ trx }) => {
        const written = await writeDocument(transactionKnex(trx), documentId);
        // Plain SQL fires no lifecycle: cached search answers are dropped explicitly.
        await getService(strapi, 'responseCache').changed();
        return written;
      });
    },

    /** Rebuilds the whole index from the published articles (`npm run search:reindex`). */
    async reindex() {
      const knex = strapi.db.connection;
      if (!postgres()) await knex(FTS).delete();
      await knex(TEXTS).delete();
      await knex(DOCUMENTS).delete();
      const ids = (await strapi.db.query(ARTICLE).findMany({
        select: ['documentId'],
        where: { publishedAt: { $notNull: true } },
      })) as Array<{ documentId: string }>;
      const unique = [...new Set(ids.map((row) => row.documentId))];
      let indexed = 0;
      for (let i = 0; i < unique.length; i += 100) {
        await strapi.db.transaction(async ({ trx }) => {
          for (const id of unique.slice(i, i + 100)) indexed += await writeDocument(transactionKnex(trx), id);
        });
      }
      await getService(strapi, 'responseCache').changed();
      return indexed;
    },

    /** Documents in the index, and published article versions: equal when the index is complete. */
    async counts() {
      const [{ n: indexed }] = (await strapi.db.connection(DOCUMENTS).count({ n: '*' })) as Array<{ n: number | string }>;
      const published = await strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } });
      return { indexed: Number(indexed), published: Number(published) };
    },

    /**
     * One page of matches and the total. Two steps on both databases: rank the matches
     * by their ids and scores alone (the full-text condition first: on SQLite a plain
     * join let the planner probe the FTS table once per article row, 2 s a query), then
     * read the page's rows.
     */
    async search(request: SearchRequest): Promise<{ rows: SearchRow[]; total: number }> {
      const knex = strapi.db.connection;
      const offset = (request.page - 1) * request.pageSize;
      // A 发布时间 still ahead is not found before it comes (as in public reads and feeds).
      const where: string[] = ['d.locale = ?', 'd.uid = ?', '(d.publish_ms IS NULL OR d.publish_ms <= ?)'];
      const bindings: unknown[] = [request.locale, ARTICLE, Date.now()];
      if (request.channelIds) {
        where.push(`d.channel_document_id IN (${request.channelIds.map(() => '?').join(', ') || 'NULL'})`);
        bindings.push(...request.channelIds);
      }
      if (request.fromMs !== null) {
        where.push('d.publish_ms >= ?');
        bindings.push(request.fromMs);
      }
      if (request.toMs !== null) {
        where.push('d.publish_ms <= ?');
        bindings.push(request.toMs);
      }
      const order =
        request.sort === 'date'
          ? 'd.publish_ms DESC, d.id DESC'
          : postgres()
            ? 'm.score DESC, d.publish_ms DESC, d.id DESC'
            : 'm.score ASC, d.publish_ms DESC, d.id DESC';
      const matches = postgres()
        ? {
            sql: `SELECT d.id, ts_rank(d.tsv, q.query, 1) AS score FROM ${DOCUMENTS} d, (SELECT ?::tsquery AS query) q WHERE d.tsv @@ q.query`,
            bindings: [toTsQuery(request.query)],
          }
        : {
            sql: `SELECT rowid AS id, bm25(${FTS}, 10.0, 1.0) AS score FROM ${FTS} WHERE ${FTS} MATCH ?`,
            bindings: [toFtsMatch(request.query)],
          };
      const cte = `WITH m AS MATERIALIZED (${matches.sql})`;
      const from = `FROM m JOIN ${DOCUMENTS} d ON d.id = m.id WHERE ${where.join(' AND ')}`;
      // The total rides along with the page (a window count), so the match runs once.
      const ranked = await knex.raw(`${cte} SELECT d.id, count(*) OVER () AS total ${from} ORDER BY ${order} LIMIT ? OFFSET ?`, [
        ...matches.bindings,
        ...bindings,
        request.pageSize,
        offset,
      ]);
      const rowsOf = (result: unknown) =>
        (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<Record<string, unknown>>;
      const page = rowsOf(ranked);
      const ids = page.map((row) => Number(row.id));
      // A page past the end has no row to carry the total: count on its own.
      const total = page.length
        ? Number(page[0].total)
        : Number(rowsOf(await knex.raw(`${cte} SELECT count(*) AS n ${from}`, [...matches.bindings, ...bindings]))[0]?.n ?? 0);
      if (!ids.length) return { rows: [], total };
      const found = (await knex(`${DOCUMENTS} as d`)
        .leftJoin(`${TEXTS} as t`, 't.id', 'd.id')
        .select(['d.id', ...columns])
        .whereIn('d.id', ids)) as Array<SearchRow & { id: number }>;
      const byId = new Map(found.map((row) => [Number(row.id), row]));
      return { rows: ids.map((id) => byId.get(id)).filter((row): row is SearchRow & { id: number } => Boolean(row)), total };
    },
  };
  return service;
};

export type SearchService = ReturnType<typeof createSearchService>;

export default createSearchService;
