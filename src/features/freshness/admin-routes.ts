// 栏目更新检查 behind admin authentication: GET /admin/newsroom/inspection/channels
// (src/features/freshness/service.ts), for administrators who may read channels
// of that locale in the content manager. The content API has no such route.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../services';
import { checkerFor } from '../../utils/permission-checker';

type AdminRouter = { type: 'admin'; routes: unknown[] };
type Ctx = { query: Record<string, unknown>; state: { userAbility?: unknown }; body: unknown };

const MAX_LOCALE_LENGTH = 32;

/** The request's locale: absent (the default locale) or one code; a ValidationError otherwise. */
export const localeParam = (value: unknown): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > MAX_LOCALE_LENGTH) {
    throw new errors.ValidationError('locale must be one locale code, e.g. zh-Hans');
  }
  return value;
};

export const registerFreshnessAdminRoutes = (strapi: Core.Strapi) => {
  (strapi.admin!.routes as unknown as Record<string, AdminRouter>)['newsroom-freshness'] = {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/newsroom/inspection/channels',
        handler: async (ctx: Ctx) => {
          const locale = localeParam(ctx.query.locale);
          const checker = checkerFor(strapi, ctx.state.userAbility, 'api::channel.channel');
          // The report names every channel of the locale: a role must read channels
          // there without conditions (an Author limited to their own gets a 403), as
          // the content manager's list would show them. Checked on the locale asked
          // for, or the default one.
          const report = getService(strapi, 'freshness');
          if (!ctx.state.userAbility || checker.cannot.read()) throw new errors.ForbiddenError('You may not read channels');
          const data = await report.channelReport({ locale });
          if (checker.cannot.read({ locale: data.locale })) throw new errors.ForbiddenError('You may not read channels in this locale');
          ctx.body = { data };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  };
};
