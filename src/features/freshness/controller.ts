// 栏目更新检查's admin controller (routes.ts): validates the locale, asks the freshness
// service for the report the caller may read, answers it.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../services';

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

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /admin/newsroom/inspection/channels?locale=…: the channels of a locale, worst first. */
  async channels(ctx: Ctx) {
    const locale = localeParam(ctx.query.locale);
    ctx.body = { data: await getService(strapi, 'freshness').channelReportFor(ctx.state.userAbility, { locale }) };
  },
});
