// 识别引语 in the article's edit view: the quotes the finder (src/lib/quotes) reads in the
// article's body, proposed to the editor, and those the editor accepts made into 讲话摘录
// documents linked to the article, in the order of the text. Drafts: they go public with
// the article's next publish (src/features/linked-entries/rules/quotes-follow-article.ts). Running
// it again proposes the same quotes marked as already there, and never adds one twice.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findQuotes, type FoundQuote } from '../../lib/quotes/finder';
import { isCollective } from '../../lib/collective-quotes';
import { findCommendationFacts } from '../../lib/quotes/commendation';
import { blocksText } from '../../lib/search/snippet';
import { checkerFor } from '../../utils/permission-checker';
import { ARTICLE_UID } from '../../api/article/newsroom';

const ARTICLE = ARTICLE_UID;
const QUOTE = 'api::speaker-quote.speaker-quote';

type Draft = { documentId: string; body?: unknown; source?: string | null; quotes?: Array<{ documentId: string; text: string }> };

/** The province of a 来源 such as 浙江省机关事务管理局 (for 省… organisations), or the configured one. */
const provinceOf = (source: string | null | undefined) => process.env.SITE_PROVINCE || /^(.{2,3}?省)/.exec(source ?? '')?.[1] || null;

const normalize = (text: string) => text.replace(/\s+/g, '');

/**
 * A quote proposed to the editor. `collective`: said by a group (与会代表, 大家), whose words
 * are its speakerName; the panel shows it unticked and marked 集体 (src/lib/collective-quotes.ts).
 */
export type Proposal = FoundQuote & { exists: boolean; collective: boolean };

const createQuoteProposals = ({ strapi }: { strapi: Core.Strapi }) => {
  const draftOf = async (documentId: string, locale: string) => {
    const draft = (await strapi.documents(ARTICLE).findOne({
      documentId,
      locale,
      status: 'draft',
      fields: ['body', 'source'],
      populate: { quotes: { fields: ['text'] } },
    })) as Draft | null;
    if (!draft) throw new errors.NotFoundError('No such article in this locale');
    return draft;
  };

  /**
   * The editor's right to the article, as the content manager checks it: on the article
   * itself (an Author may only touch their own, a role may be limited to some locales), not
   * only on its type; accepting also edits its quotes and creates 讲话摘录.
   */
  const assertMay = async (ability: unknown, documentId: string, locale: string, need: 'read' | 'update') => {
    const checker = (model: string) => checkerFor(strapi, ability, model);
    const articles = checker(ARTICLE);
    const forbidden = () => new errors.ForbiddenError('You may not change the quotes of this article');
    if (!ability || articles.cannot[need]()) throw forbidden();
    // What the role's conditions look at: the draft's locale and its creator.
    const draft = await strapi.db.query(ARTICLE).findOne({
      where: { documentId, locale, publishedAt: null },
      select: ['id', 'documentId', 'locale'],
      populate: { createdBy: { select: ['id'] } },
    });
    if (!draft) throw new errors.NotFoundError('No such article in this locale');
    if (articles.cannot[need](draft, need === 'update' ? 'quotes' : undefined)) throw forbidden();
    if (need === 'update' && checker(QUOTE).cannot.create()) throw forbidden();
  };

  return {
    /** 识别引语 for an editor who may read the article (POST /admin/newsroom/quotes/propose). */
    async proposeFor(ability: unknown, documentId: string, locale: string) {
      await assertMay(ability, documentId, locale, 'read');
      return this.propose(documentId, locale);
    },

    /**
     * Accepted quotes, by an editor who may edit the article's quotes and create 讲话摘录
     * (POST /admin/newsroom/quotes/accept). The editor is their creator, as if made in the
     * content manager: a 撰稿 sees and corrects their own.
     */
    async acceptBy(ability: unknown, editorId: number | undefined, documentId: string, locale: string, quotes: FoundQuote[]) {
      await assertMay(ability, documentId, locale, 'update');
      return this.accept(documentId, locale, quotes, editorId);
    },

    /** What 识别引语 proposes for the article's saved draft. */
    async propose(documentId: string, locale: string) {
      const draft = await draftOf(documentId, locale);
      const text = blocksText(draft.body);
      const province = provinceOf(draft.source);
      const known = new Set((draft.quotes ?? []).map((quote) => normalize(quote.text)));
      const quotes: Proposal[] = findQuotes(text, { province }).map((quote) => ({
        ...quote,
        collective: isCollective(quote),
        exists: known.has(normalize(quote.text)),
      }));
      return { quotes, ...findCommendationFacts(text, { province }) };
    },

    /**
     * Makes the accepted quotes into drafts linked to the article, placed by where their
     * text is in the body among the quotes it has (whose order the editor may have set).
     */
    accept(documentId: string, locale: string, accepted: FoundQuote[], editorId?: number) {
      // Read and written in one transaction: two accepts at once (a double click) take turns on SQLite.
      return strapi.db.transaction(() => acceptNow(documentId, locale, accepted, editorId));
    },
  };

  /** What accept does, inside its transaction. */
  async function acceptNow(documentId: string, locale: string, accepted: FoundQuote[], editorId?: number) {
    // Created and last changed by the accepting editor, as the content manager records its own creates.
    const authors = typeof editorId === 'number' ? { createdBy: editorId, updatedBy: editorId } : {};
    const draft = await draftOf(documentId, locale);
    const text = normalize(blocksText(draft.body));
    const at = (quoteText: string) => text.indexOf(normalize(quoteText));
    const existing = (draft.quotes ?? []).map((quote) => ({
      documentId: quote.documentId,
      key: normalize(quote.text),
      at: at(quote.text),
    }));
    const seen = new Set(existing.map((quote) => quote.key));
    const fresh: FoundQuote[] = [];
    for (const quote of accepted) {
      const key = normalize(quote.text);
      if (seen.has(key)) continue;
      seen.add(key);
      fresh.push(quote);
    }
    if (fresh.length === 0) return { created: 0 };

    const order = [...existing];
    for (const quote of fresh.sort((a, b) => at(a.text) - at(b.text))) {
      const data = {
        text: quote.text,
        speakerName: quote.speakerName,
        speakerPosition: quote.speakerPosition,
        speakerOrganization: quote.speakerOrganization,
        ...authors,
      };
      const created = await strapi.documents(QUOTE).create({ locale, data: data as never });
      const position = at(quote.text);
      const before = position < 0 ? -1 : order.findIndex((other) => other.at > position);
      const entry = { documentId: created.documentId, key: normalize(quote.text), at: position };
      if (before < 0) order.push(entry);
      else order.splice(before, 0, entry);
    }
    // One update sets the article's quotes in order (and their `order` follows).
    await strapi.documents(ARTICLE).update({
      documentId,
      locale,
      data: {
        quotes: { set: order.map((quote) => ({ documentId: quote.documentId, locale })) },
        ...(authors.updatedBy ? { updatedBy: authors.updatedBy } : {}),
      } as never,
    });
    return { created: fresh.length };
  }
};

export type QuoteProposalsService = ReturnType<typeof createQuoteProposals>;
export default createQuoteProposals;
