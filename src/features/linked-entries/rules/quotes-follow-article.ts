// An article's 讲话摘录 follow it. Publishing the article publishes its quotes that are
// new or changed (a quote made from the article's relation modal stayed a draft, so
// private, until someone published it on its own). And the order an editor drags them
// into in the article is the order readers see: on each save of the article its
// quotes' `order` (what the API and the reader sort by) is set from the relation's order.
import type { Core } from '@strapi/strapi';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { defaultLocale } from '../../../utils/locales';
import { ARTICLE_UID } from '../../../api/article/newsroom';

const ARTICLE = ARTICLE_UID;
const QUOTE = 'api::speaker-quote.speaker-quote';

type Row = { id: number; documentId: string; order?: number | null; updatedAt?: string | Date | null };

const time = (value: Row['updatedAt']) => (value ? new Date(value).getTime() : 0);

/** The quotes to publish: drafts never published, or changed since their last publish. */
export const quotesToPublish = (drafts: Row[], published: Row[]) => {
  const live = new Map(published.map((row) => [row.documentId, time(row.updatedAt)]));
  return drafts.filter((row) => !live.has(row.documentId) || time(row.updatedAt) > live.get(row.documentId)!);
};

/** The draft versions of an article draft's quotes, and the published versions they have. */
export const articleQuoteVersions = async (strapi: Core.Strapi, documentId: string, locale: string) => {
  const quotes = strapi.documents(QUOTE);
  const drafts = (await quotes.findMany({
    locale,
    status: 'draft',
    filters: { article: { documentId } },
    fields: ['updatedAt'],
  })) as Row[];
  if (drafts.length === 0) return { drafts, published: [] as Row[] };
  const published = (await quotes.findMany({
    locale,
    status: 'published',
    filters: { documentId: { $in: drafts.map((row) => row.documentId) } },
    fields: ['updatedAt'],
  })) as Row[];
  return { drafts, published };
};

const publishQuotes = async (strapi: Core.Strapi, documentId: string, locale: string) => {
  const { drafts, published } = await articleQuoteVersions(strapi, documentId, locale);
  for (const row of quotesToPublish(drafts, published)) await strapi.documents(QUOTE).publish({ documentId: row.documentId, locale });
};

/** Sets the draft quotes' `order` to their place in the article's relation (1, 2, …). */
const syncOrder = async (strapi: Core.Strapi, documentId: string, locale: string) => {
  const draft = (await strapi.db.query(ARTICLE).findOne({
    where: { documentId, locale, publishedAt: null },
    select: ['id'],
    populate: { quotes: { select: ['id', 'order'] } },
  })) as { quotes?: Row[] } | null;
  const rows = draft?.quotes ?? [];
  for (const [i, row] of rows.entries()) {
    if (row.order === i + 1) continue;
    // The time moves too, so that the next publish of the article publishes the quote.
    await strapi.db.query(QUOTE).update({ where: { id: row.id }, data: { order: i + 1, updatedAt: new Date() } });
  }
};

export const quotesFollowArticle: DocumentRule = (strapi) => async (context, next) => {
  if (context.uid !== ARTICLE) return next();
  const params = paramsOf(context);
  const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : await defaultLocale(strapi);
  if (context.action === 'publish' && params.documentId) {
    const documentId = params.documentId;
    // One transaction: if the article's publish fails, its quotes stay as they were.
    return strapi.db.transaction(async () => {
      await publishQuotes(strapi, documentId, locale);
      return next();
    });
  }
  if (context.action !== 'create' && context.action !== 'update') return next();
  const result = await next();
  const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
  if (documentId) await syncOrder(strapi, documentId, locale);
  return result;
};
