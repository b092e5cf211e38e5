// 识别引语 behind admin authentication: POST /admin/newsroom/quotes/propose and
// /admin/newsroom/quotes/accept (src/features/import/quote-proposals.ts), for
// editors who may edit articles and create 讲话摘录 in the content manager.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { FoundQuote } from '../../lib/quotes/finder';
import { getService } from '../services';
import { checkerFor } from '../../utils/permission-checker';
import { ARTICLE_UID } from '../../api/article/newsroom';

type AdminRouter = { type: 'admin'; routes: unknown[] };
type Ctx = {
  request: { body?: unknown };
  state: { userAbility?: unknown; user?: { id?: number } };
  body: unknown;
};

const MAX_QUOTES = 200;
const text = (value: unknown, max: number, name: string, required = false) => {
  if (value === null || value === undefined || value === '') {
    if (required) throw new errors.ValidationError(`${name} is required`);
    return null;
  }
  if (typeof value !== 'string' || value.length > max)
    throw new errors.ValidationError(`${name} must be text of at most ${max} characters`);
  return value;
};

/**
 * The request's article and locale, checked against the editor's role as the content
 * manager checks it: on the article itself (an Author may only touch their own, a role
 * may be limited to some locales), not only on its type.
 */
const target = async (strapi: Core.Strapi, ctx: Ctx, need: 'read' | 'update') => {
  const body = (ctx.request.body ?? {}) as Record<string, unknown>;
  const documentId = text(body.documentId, 64, 'documentId', true)!;
  const locale = text(body.locale, 32, 'locale', true)!;
  const userAbility = ctx.state.userAbility;
  const checker = (model: string) => checkerFor(strapi, userAbility, model);
  const articles = checker(ARTICLE_UID);
  const forbidden = () => new errors.ForbiddenError('You may not change the quotes of this article');
  if (!userAbility || articles.cannot[need]()) throw forbidden();
  // What the role's conditions look at: the draft's locale and its creator.
  const draft = await strapi.db.query(ARTICLE_UID).findOne({
    where: { documentId, locale, publishedAt: null },
    select: ['id', 'documentId', 'locale'],
    populate: { createdBy: { select: ['id'] } },
  });
  if (!draft) throw new errors.NotFoundError('No such article in this locale');
  if (articles.cannot[need](draft, need === 'update' ? 'quotes' : undefined)) throw forbidden();
  if (need === 'update' && checker('api::speaker-quote.speaker-quote').cannot.create()) throw forbidden();
  return { body, documentId, locale };
};

export const registerQuoteAdminRoutes = (strapi: Core.Strapi) => {
  const proposals = () => getService(strapi, 'quoteProposals');
  (strapi.admin!.routes as unknown as Record<string, AdminRouter>)['newsroom-quotes'] = {
    type: 'admin',
    routes: [
      {
        method: 'POST',
        path: '/newsroom/quotes/propose',
        handler: async (ctx: Ctx) => {
          const { documentId, locale } = await target(strapi, ctx, 'read');
          ctx.body = { data: await proposals().propose(documentId, locale) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/newsroom/quotes/accept',
        handler: async (ctx: Ctx) => {
          const { body, documentId, locale } = await target(strapi, ctx, 'update');
          if (!Array.isArray(body.quotes) || body.quotes.length > MAX_QUOTES) {
            throw new errors.ValidationError(`quotes must be a list of at most ${MAX_QUOTES}`);
          }
          const quotes: FoundQuote[] = body.quotes.map((quote: Record<string, unknown>) => ({
            text: text(quote?.text, 5000, 'text', true)!,
            speakerName: text(quote?.speakerName, 255, 'speakerName', true)!,
            speakerPosition: text(quote?.speakerPosition, 255, 'speakerPosition'),
            speakerOrganization: text(quote?.speakerOrganization, 255, 'speakerOrganization'),
          }));
          // The accepting editor is their creator, as if made in the content manager: a 撰稿 sees and corrects their own.
          ctx.body = { data: await proposals().accept(documentId, locale, quotes, ctx.state.user?.id) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  };
};
