// Slugs: readable pinyin from the title when an editor leaves the field empty, unique
// per type (-2, -3 …); a new translation inherits its document's slug, so
// /articles/{slug}?locale=en works. Whatever the path, a slug is lowercase words and hyphens.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isValidSlug, slugFromTitle } from '../../../lib/slug';
import { settingsOf } from '../../../utils/type-settings';
import { paramsOf, type DocumentRule, type Params } from '../../../utils/document-rules';

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

export type SlugDecision = 'inherit' | 'generate' | 'keep';

/**
 * On update an absent slug means "unchanged" (a new locale inherits it); only an
 * explicitly emptied one is regenerated. On create an empty one is generated.
 */
export const decideSlug = (action: string, data: Record<string, unknown>, field: string): SlugDecision => {
  if (action === 'update' && !(field in data)) return 'inherit';
  if (action === 'create' && isBlank(data[field])) return 'generate';
  if (action === 'update' && field in data && isBlank(data[field])) return 'generate';
  return 'keep';
};

/** `base`, or `base-2`, `base-3` … : the first not in `used`. */
export const firstFreeSlug = (base: string, used: Set<string>) => {
  if (!used.has(base)) return base;
  let i = 2;
  while (used.has(`${base}-${i}`)) i += 1;
  return `${base}-${i}`;
};

const uniqueSlug = async (strapi: Core.Strapi, uid: string, field: string, title: string, params: Params) => {
  const base = slugFromTitle(title) || 'untitled';
  const taken = (await strapi.db.query(uid).findMany({
    select: [field, 'documentId'],
    where: { [field]: { $startsWith: base } },
  })) as Array<Record<string, string>>;
  return firstFreeSlug(base, new Set(taken.filter((row) => row.documentId !== params.documentId).map((row) => row[field])));
};

export const fillSlug: DocumentRule = (strapi) => async (context, next) => {
  const rule = settingsOf(context.uid)?.slug;
  const params = paramsOf(context);
  if (!rule || !params.data) return next();
  const data = params.data;
  const decision = decideSlug(context.action, data, rule.field);
  if (decision === 'inherit') {
    if (params.documentId && params.locale) {
      // A new translation keeps the document's slug.
      const rows = (await strapi.db.query(context.uid).findMany({
        select: ['locale', rule.field],
        where: { documentId: params.documentId },
      })) as Array<Record<string, string | null>>;
      const donor = rows.find((row) => row[rule.field]);
      if (donor && !rows.some((row) => row.locale === params.locale)) data[rule.field] = donor[rule.field];
    }
    return next();
  }
  if (decision === 'generate' && typeof data[rule.from] === 'string' && data[rule.from]) {
    data[rule.field] = await uniqueSlug(strapi, context.uid, rule.field, String(data[rule.from]), params);
  }
  // Slugs reach URLs and rebuild payloads: nothing but lowercase words and hyphens.
  if (!isBlank(data[rule.field]) && !isValidSlug(data[rule.field])) {
    throw new errors.ValidationError(
      `网址别名只能由小写字母、数字和单个连字符组成，如 gan-en-fen-jin（A slug is lowercase letters and digits joined by hyphens）: ${JSON.stringify(data[rule.field]).slice(0, 80)}`
    );
  }
  return next();
};
