// 识别引语's admin controller (routes.ts): each action validates the request, makes one call
// to the quote proposals service, and answers. Whether the editor may read the article, or
// edit its quotes and create 讲话摘录, is the service's check (the content manager's, on the
// article itself).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { FoundQuote } from '../../lib/quotes/finder';
import { getService } from '../services';
import { bodyOf, type AdminCtx } from '../../utils/admin-input';

type Ctx = AdminCtx;

const MAX_QUOTES = 200;
/**
 * What the editor may correct before accepting: a speaker's name (a person's, or a group's
 * words such as 与会代表), position and organisation. A name longer than this is a sentence
 * the finder took for a name, not a name.
 */
export const SPEAKER_LIMITS = { name: 40, position: 100, organization: 100 };
const text = (value: unknown, max: number, name: string, required = false) => {
  if (value === null || value === undefined || value === '') {
    if (required) throw new errors.ValidationError(`${name} is required`);
    return null;
  }
  if (typeof value !== 'string' || value.length > max)
    throw new errors.ValidationError(`${name} must be text of at most ${max} characters`);
  return value;
};

/** The request's article: a documentId and a locale. */
const articleOf = (body: Record<string, unknown>) => ({
  documentId: text(body.documentId, 64, 'documentId', true)!,
  locale: text(body.locale, 32, 'locale', true)!,
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /admin/newsroom/quotes/propose: the quotes found in the article's saved draft. */
  async propose(ctx: Ctx) {
    const { documentId, locale } = articleOf(bodyOf(ctx));
    ctx.body = { data: await getService(strapi, 'quoteProposals').proposeFor(ctx.state.userAbility, documentId, locale) };
  },

  /** POST /admin/newsroom/quotes/accept: the quotes the editor accepted, made into 讲话摘录 of the article. */
  async accept(ctx: Ctx) {
    const body = bodyOf(ctx);
    const { documentId, locale } = articleOf(body);
    if (!Array.isArray(body.quotes) || body.quotes.length > MAX_QUOTES) {
      throw new errors.ValidationError(`quotes must be a list of at most ${MAX_QUOTES}`);
    }
    // The speaker as the editor corrected it, trimmed: a name of spaces only is no name.
    const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
    const quotes: FoundQuote[] = body.quotes.map((quote: Record<string, unknown>) => ({
      text: text(quote?.text, 5000, 'text', true)!,
      speakerName: text(trimmed(quote?.speakerName), SPEAKER_LIMITS.name, 'speakerName', true)!,
      speakerPosition: text(trimmed(quote?.speakerPosition), SPEAKER_LIMITS.position, 'speakerPosition'),
      speakerOrganization: text(trimmed(quote?.speakerOrganization), SPEAKER_LIMITS.organization, 'speakerOrganization'),
    }));
    const service = getService(strapi, 'quoteProposals');
    ctx.body = { data: await service.acceptBy(ctx.state.userAbility, ctx.state.user?.id, documentId, locale, quotes) };
  },
});
