// 点击排行: the most-read published articles of a locale, optionally under a channel
// (its sub-channels included), in rank order. One flow for REST and GraphQL: both
// validate through here and shape the answer themselves.
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { PERIOD_DAYS, type Period } from './service';
import { getLocales, getService } from '../services';
import { defaultLocale } from '../../utils/locales';
import { ARTICLE_UID } from '../../api/article/newsroom';

export const POPULAR_MAX = 50;

export type PopularQuery = { period?: unknown; channel?: unknown; locale?: unknown; limit?: unknown };
export type PopularRequest = { period: Period; channel: string | null; locale: string; limit: number };

/** Checks a request's values (strings from REST, typed values from GraphQL); throws a ValidationError. */
export const parsePopularQuery = (query: PopularQuery, defaultLocale: string): PopularRequest => {
  const { period = 'week', channel, locale = defaultLocale, limit = 10 } = query;
  if (typeof period !== 'string' || !Object.hasOwn(PERIOD_DAYS, period)) {
    throw new errors.ValidationError('period must be one of day, week, month, all');
  }
  const size = Number(limit);
  if (!Number.isInteger(size) || size < 1 || size > POPULAR_MAX) {
    throw new errors.ValidationError(`limit must be an integer from 1 to ${POPULAR_MAX}`);
  }
  if (channel !== undefined && channel !== null && typeof channel !== 'string') throw new errors.ValidationError('channel must be a slug');
  if (typeof locale !== 'string') throw new errors.ValidationError('locale must be a locale code');
  return { period: period as Period, channel: (channel as string | undefined) || null, locale, limit: size };
};

type Ranked = { documentId: string; clickCount?: number; channel?: { documentId?: string } | null; [key: string]: unknown };

const createPopularService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Ranked published articles with their click counts; NotFoundError for an unknown channel. */
  const ranked = async (query: PopularQuery, populate: Record<string, unknown> = {}, fields?: string[]) => {
    const locales = getLocales(strapi);
    const request = parsePopularQuery(query, await defaultLocale(strapi));
    if (!(await locales.findByCode(request.locale))) throw new errors.ValidationError(`Unknown locale: ${JSON.stringify(request.locale)}`);
    const channelIds = request.channel ? await getService(strapi, 'channel').subtreeIds(request.channel, request.locale) : null;
    if (request.channel && !channelIds) throw new errors.NotFoundError(`No published channel "${request.channel}" in this locale`);
    const rows = await getService(strapi, 'clicks').popular({
      period: request.period,
      locale: request.locale,
      channelIds,
      limit: request.limit,
    });
    const documents = (await strapi.documents(ARTICLE_UID).findMany({
      filters: { documentId: { $in: rows.map((row) => row.documentId) } },
      locale: request.locale,
      status: 'published',
      populate,
      ...(fields ? { fields: fields as never } : {}),
    })) as Array<{ documentId: string; [key: string]: unknown }>;
    const byId = new Map(documents.map((doc) => [doc.documentId, doc]));
    const articles = rows
      .filter((row) => byId.has(row.documentId))
      .map((row) => ({ ...byId.get(row.documentId)!, clickCount: row.clickCount }));
    return { request, articles };
  };

  return {
    ranked,

    /** REST's answer (GET /articles/popular): the ranked articles as `auth` may see them, with 当前位置. */
    async page(query: PopularQuery & { fields?: unknown }, auth: unknown) {
      // `fields` as on the list (the public-query guard has checked the names); without
      // it every field comes back, bodies included.
      const asked = query.fields;
      const fields =
        asked === undefined ? undefined : (typeof asked === 'string' ? asked.split(',') : Object.values(asked as object)).map(String);
      const { request, articles } = await ranked(query, { channel: { fields: ['name', 'slug'] }, cover: true }, fields);
      // As the core controller's sanitizeOutput does it.
      const schema = strapi.contentType(ARTICLE_UID);
      const data = (await strapi.contentAPI.sanitize.output(articles, schema, { auth: auth ?? {} } as never)) as Ranked[];
      data.forEach((entry, i) => (entry.clickCount = articles[i].clickCount));
      await getService(strapi, 'channel').addBreadcrumbs(data, (entry) => entry.channel?.documentId, request.locale);
      return { data, meta: request };
    },
  };
};

export type PopularService = ReturnType<typeof createPopularService>;

export default createPopularService;
