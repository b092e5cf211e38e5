// The importer's batch of a new page's quotes (src/features/import/quote-batch.ts) stores
// what the document service stored one quote at a time: the same page imported both ways
// gives the same quote rows, the same links in the same order, the same 操作日志 entries and
// the same review state. Then the promises the batch must not break: a second import
// changes nothing, a page that cannot be imported leaves nothing half-written, quotes said
// by a group are left out.
import fs from 'fs';
import path from 'path';
import { parseLegacyPage } from '../../src/lib/legacy-page';
import { startApp, stopApp, type App } from '../helpers/strapi';

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'legacy', 'legacy-article-2022-09-23.txt'), 'utf8');
const QUOTE = 'api::speaker-quote.speaker-quote';
const ARTICLE = 'api::article.article';

let app: App;

beforeAll(async () => {
  app = await startApp({ SEED_DEMO: 'false', RESPONSE_CACHE: 'false' });
});
afterAll(async () => {
  await stopApp(app);
});

const pageTitled = (title: string) => parseLegacyPage(SAMPLE.replace('感恩奋进 实干争先——', `${title}——`), { html: false });
const importPage = (page: ReturnType<typeof parseLegacyPage>, key: string, extra: Record<string, unknown> = {}) =>
  app.service('api::article.importer').importPage(page, { key, dir: null, locale: 'zh-Hans', publish: false, ...extra }) as Promise<{
    status: string;
    documentId: string;
  }>;

type Row = Record<string, unknown>;

/** What is stored for an article's quotes, its links and its log, with the ids that differ between two imports named by role. */
const storedOf = async (documentId: string) => {
  const knex = app.db.connection;
  const article = (await app.db.query(ARTICLE).findOne({ where: { documentId, publishedAt: null }, select: ['id', 'documentId'] })) as Row;
  const links = (await knex('speaker_quotes_article_lnk').where({ article_id: article.id }).orderBy('speaker_quote_ord')) as Row[];
  const quoteIds = links.map((link) => link.speaker_quote_id as number);
  const rows = (await knex('speaker_quotes').whereIn('id', quoteIds)) as Row[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const individualLinks = (await knex('speaker_quotes_commended_individual_lnk').whereIn('speaker_quote_id', quoteIds)) as Row[];
  const individualOf = new Map(individualLinks.map((link) => [link.speaker_quote_id, link]));
  const quoteDocumentIds = rows.map((row) => row.document_id as string);
  const audit = (await app.db.query('api::audit.audit-entry').findMany({
    where: { targetDocumentId: { $in: quoteDocumentIds } },
    orderBy: { id: 'asc' },
  })) as Row[];
  const docOf = new Map(quoteIds.map((id, i) => [byId.get(id)!.document_id, `quote#${i + 1}`]));
  const name = (value: unknown) => JSON.parse(JSON.stringify(value).split(documentId).join('ARTICLE'));
  return {
    quotes: links.map((link, i) => {
      const {
        id: _id,
        document_id: _documentId,
        created_at: createdAt,
        updated_at: updatedAt,
        ...row
      } = byId.get(link.speaker_quote_id) as Row;
      const individual = individualOf.get(link.speaker_quote_id);
      return {
        ...(row as { speaker_name?: unknown; order?: unknown }),
        position: i + 1,
        articleOrder: link.speaker_quote_ord,
        timestamps: createdAt !== null && createdAt !== undefined && String(createdAt) === String(updatedAt),
        individual: individual ? individual.commended_individual_id : null,
        individualOrder: individual ? individual.speaker_quote_ord : null,
      };
    }),
    // Times differ: `at`, and publishedAt (the log's rows carry their time of writing there).
    audit: audit.map(({ id: _id, at: _at, createdAt: _c, updatedAt: _u, publishedAt: _p, documentId: _d, ...entry }) =>
      name({ ...entry, targetDocumentId: docOf.get(entry.targetDocumentId as string) })
    ),
    review: name(
      await app.db.query('api::review.review-state').findMany({ where: { targetDocumentId: documentId }, select: ['stage', 'targetUid'] })
    ),
  };
};

test('a new page imported with its quotes in one batch stores exactly what one document-service call per quote stored', async () => {
  const before = await importPage(pageTitled('逐条导入'), 'compare:one-by-one', { quotesOneByOne: true });
  const batch = await importPage(pageTitled('批量导入'), 'compare:batch');
  expect([before.status, batch.status]).toEqual(['created', 'created']);
  const reference = await storedOf(before.documentId);
  const batched = await storedOf(batch.documentId);

  expect(reference.quotes).toHaveLength(17);
  expect(reference.audit).toHaveLength(17);
  // The commended speakers' lists: the second page's quotes come after the first page's.
  const individualOrders = reference.quotes.filter((quote) => quote.individual !== null);
  expect(individualOrders.length).toBeGreaterThan(0);
  expect(batched.quotes).toEqual(
    reference.quotes.map((quote) => ({
      ...quote,
      individualOrder: quote.individualOrder === null ? null : (quote.individualOrder as number) + 1,
    }))
  );
  expect(batched.audit).toEqual(reference.audit);
  expect(batched.review).toEqual(reference.review);
});

test('importing the same pages again changes nothing: no new quote, no new log entry, the same rows', async () => {
  const page = pageTitled('再次导入');
  const first = await importPage(page, 'rerun:1');
  const stored = await storedOf(first.documentId);
  const entries = await app.db.query('api::audit.audit-entry').count();
  const quotes = await app.db.query(QUOTE).count();
  const again = await importPage(pageTitled('再次导入'), 'rerun:1');
  expect(again).toMatchObject({ status: 'updated', documentId: first.documentId });
  expect(await app.db.query(QUOTE).count()).toBe(quotes);
  expect(await app.db.query('api::audit.audit-entry').count()).toBe(entries);
  const restored = await storedOf(first.documentId);
  expect(restored.quotes.map(({ timestamps: _t, ...quote }) => quote)).toEqual(stored.quotes.map(({ timestamps: _t, ...quote }) => quote));
});

test('a page whose quote the schema refuses fails whole: no article, no quote, no channel, no log entry of it', async () => {
  const page = pageTitled('半途失败');
  page.breadcrumb = ['首页', '只为失败的栏目'];
  page.quotes[5] = { ...page.quotes[5], speakerName: '名'.repeat(101) };
  const counts = async () =>
    Promise.all([ARTICLE, QUOTE, 'api::channel.channel', 'api::audit.audit-entry'].map((uid) => app.db.query(uid as typeof QUOTE).count()));
  const before = await counts();
  await expect(importPage(page, 'broken:1')).rejects.toThrow(/speakerName|at most|100/i);
  expect(await counts()).toEqual(before);
  expect(await app.db.query('api::channel.channel').count({ where: { name: '只为失败的栏目' } })).toBe(0);
});

test('quotes said by a group (与会代表, 大家) are not imported; the named speakers are, in the order of the text', async () => {
  const page = pageTitled('集体引语');
  expect(page.quotes.some((quote) => quote.speakerName === '与会代表')).toBe(true);
  const { documentId } = await importPage(page, 'collective:1');
  const { quotes } = await storedOf(documentId);
  expect(quotes.map((quote) => quote.speaker_name)).not.toContain('与会代表');
  expect(quotes[0]).toMatchObject({ speaker_name: '谢小云', order: 1 });
  expect(quotes.map((quote) => quote.order)).toEqual(quotes.map((_, i) => i + 1));
});
