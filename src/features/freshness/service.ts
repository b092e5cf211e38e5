// 栏目更新检查: which published channels of a locale are stale, empty or about to go
// stale, for the admin dashboard, its API and `npm run report:inspection`. Three
// statements whatever the site's size: the channels, their parents, and one aggregate
// of the latest published article per channel. The judging is src/lib/inspection.
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { buildFreshnessReport, parseWarnDays, type ChannelInput, type FreshnessReport } from '../../lib/inspection/freshness';
import { getLocales } from '../services';
import { defaultLocale } from '../../utils/locales';
import { checkerFor } from '../../utils/permission-checker';
import { ARTICLE_UID } from '../../api/article/newsroom';

import { modelMetadata, type ModelMetadata } from '../../strapi-internals/database';

export type InspectionReport = FreshnessReport & { locale: string };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The warning window from INSPECTION_WARN_DAYS; throws a readable error when it is not a number of days. */
export const warnDaysOf = (strapi: Core.Strapi) => parseWarnDays(strapi.config.get('inspection.warnDays') as string | undefined);

const createFreshnessService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Each channel's latest own published article date up to `now`, keyed by channel documentId. */
  const latestOwnPublish = async (locale: string, now: Date): Promise<Map<string, Date>> => {
    const articles = modelMetadata(strapi, ARTICLE_UID);
    const channels = modelMetadata(strapi, 'api::channel.channel');
    const link = articles.attributes.channel.joinTable!;
    const column = (meta: ModelMetadata, name: string) => quote(meta.attributes[name].columnName ?? name);
    const schemaName = strapi.db.getSchemaName?.();
    const table = (name: string) => (schemaName ? `${quote(schemaName)}.${quote(name)}` : quote(name));
    // 发布时间 is what readers see; an article published before the field was filled by
    // the publish rule falls back to its publish instant. A date still ahead is not a
    // publish yet. Links are per row: a published article's link names the channel row
    // of its own locale, so grouping by the channel's documentId is exact.
    const date = `COALESCE(a.${column(articles, 'publishDate')}, a.${column(articles, 'publishedAt')})`;
    const sql =
      `SELECT c.${column(channels, 'documentId')} AS channel, MAX(${date}) AS latest ` +
      `FROM ${table(articles.tableName)} a ` +
      `JOIN ${table(link.name)} l ON l.${quote(link.joinColumn.name)} = a.${quote('id')} ` +
      `JOIN ${table(channels.tableName)} c ON c.${quote('id')} = l.${quote(link.inverseJoinColumn!.name)} ` +
      `WHERE a.${column(articles, 'locale')} = ? AND a.${column(articles, 'publishedAt')} IS NOT NULL AND ${date} <= ? ` +
      `GROUP BY c.${column(channels, 'documentId')}`;
    // knex binds a Date as SQLite's stored milliseconds and as a PostgreSQL timestamp.
    const result = (await strapi.db.connection.raw(sql, [locale, now])) as unknown;
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ channel: string; latest: unknown }>;
    const latest = new Map<string, Date>();
    for (const row of rows) {
      // SQLite hands back the stored milliseconds (a number), PostgreSQL a Date.
      const value =
        row.latest instanceof Date
          ? row.latest
          : new Date(typeof row.latest === 'string' && /^\d+$/.test(row.latest) ? Number(row.latest) : (row.latest as number));
      if (!Number.isNaN(value.getTime())) latest.set(row.channel, value);
    }
    return latest;
  };

  /** Published channels of a locale with their parent and class. */
  const publishedChannels = async (locale: string): Promise<ChannelInput[]> => {
    const rows = (await strapi.db.query('api::channel.channel').findMany({
      select: ['documentId', 'name', 'slug', 'updateClass'],
      where: { publishedAt: { $notNull: true }, locale },
      populate: { parent: { select: ['documentId'] } },
    })) as Array<{
      documentId: string;
      name: string;
      slug: string | null;
      updateClass: string | null;
      parent?: { documentId: string } | null;
    }>;
    return rows.map((row) => ({
      documentId: row.documentId,
      name: row.name,
      slug: row.slug,
      parentId: row.parent?.documentId ?? null,
      updateClass: row.updateClass,
    }));
  };

  return {
    /**
     * The freshness of every published channel of `locale` (default: the site's default
     * locale) on `now`, worst first. ValidationError for a locale the site does not have.
     */
    async channelReport({ locale, now = new Date() }: { locale?: string; now?: Date } = {}): Promise<InspectionReport> {
      const code = locale ?? (await defaultLocale(strapi));
      if (!(await getLocales(strapi).findByCode(code))) throw new errors.ValidationError(`Unknown locale: ${JSON.stringify(code)}`);
      const warnDays = warnDaysOf(strapi);
      const channels = await publishedChannels(code);
      const latest = await latestOwnPublish(code, now);
      return { locale: code, ...buildFreshnessReport(channels, latest, { now, warnDays }) };
    },

    /**
     * The report for an admin (GET /admin/newsroom/inspection/channels). It names every
     * channel of the locale: a role must read channels there without conditions (an Author
     * limited to their own gets a 403), as the content manager's list would show them.
     * Checked on the locale asked for, or the default one.
     */
    async channelReportFor(ability: unknown, { locale }: { locale?: string }) {
      const checker = checkerFor(strapi, ability, 'api::channel.channel');
      if (!ability || checker.cannot.read()) throw new errors.ForbiddenError('You may not read channels');
      const report = await this.channelReport({ locale });
      if (checker.cannot.read({ locale: report.locale })) throw new errors.ForbiddenError('You may not read channels in this locale');
      return report;
    },
  };
};

export type FreshnessService = ReturnType<typeof createFreshnessService>;

export default createFreshnessService;
