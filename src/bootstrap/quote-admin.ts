// 识别引语 behind admin authentication: POST /admin/newsroom/quotes/propose and
// /admin/newsroom/quotes/accept (src/api/article/services/quote-proposals.ts), for
// editors who may edit articles and create 讲话摘录 in the content manager.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { FoundQuote } from '../lib/quotes/finder';
import { getService } from '../utils/services';

type AdminRouter = { type: 'admin'; routes: unknown[] };
type Ctx = {
  request: { body?: unknown };
  state: { userAbility?: { can: (action: string, subject: string) => boolean } };
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

/** The request's article and locale, and the caller's right to change it. */
const target = (ctx: Ctx, actions: Array<[string, string]>) => {
  const ability = ctx.state.userAbility;
  if (!ability || !actions.every(([action, subject]) => ability.can(action, subject))) {
    throw new errors.ForbiddenError('You may not edit articles or create quotes');
  }
  const body = (ctx.request.body ?? {}) as Record<string, unknown>;
  const documentId = text(body.documentId, 64, 'documentId', true)!;
  const locale = text(body.locale, 32, 'locale', true)!;
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
          const { documentId, locale } = target(ctx, [['plugin::content-manager.explorer.read', 'api::article.article']]);
          ctx.body = { data: await proposals().propose(documentId, locale) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/newsroom/quotes/accept',
        handler: async (ctx: Ctx) => {
          const { body, documentId, locale } = target(ctx, [
            ['plugin::content-manager.explorer.update', 'api::article.article'],
            ['plugin::content-manager.explorer.create', 'api::speaker-quote.speaker-quote'],
          ]);
          if (!Array.isArray(body.quotes) || body.quotes.length > MAX_QUOTES) {
            throw new errors.ValidationError(`quotes must be a list of at most ${MAX_QUOTES}`);
          }
          const quotes: FoundQuote[] = body.quotes.map((quote: Record<string, unknown>) => ({
            text: text(quote?.text, 5000, 'text', true)!,
            speakerName: text(quote?.speakerName, 255, 'speakerName', true)!,
            speakerPosition: text(quote?.speakerPosition, 255, 'speakerPosition'),
            speakerOrganization: text(quote?.speakerOrganization, 255, 'speakerOrganization'),
          }));
          ctx.body = { data: await proposals().accept(documentId, locale, quotes) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  };
};
