// The default locale and the locale codes, read on every public request, kept until
// content changes (locales are content: their writes move the content version, and the
// default locale is in the core store, whose writes do too).
import type { Core } from '@strapi/strapi';
import { contentMemo } from './content-memo';
import { localesService as getLocales } from '../strapi-internals/plugin-services';

const memos = new WeakMap<Core.Strapi, () => Promise<string>>();
const codeMemos = new WeakMap<Core.Strapi, () => Promise<Set<string>>>();

export const defaultLocale = (strapi: Core.Strapi) => {
  let memo = memos.get(strapi);
  if (!memo) {
    memo = contentMemo(strapi, () => getLocales(strapi).getDefaultLocale());
    memos.set(strapi, memo);
  }
  return memo();
};

/** The codes of the locales this site has, kept likewise. */
export const localeCodes = (strapi: Core.Strapi) => {
  let memo = codeMemos.get(strapi);
  if (!memo) {
    memo = contentMemo(strapi, async () => new Set((await getLocales(strapi).find()).map((locale) => locale.code)));
    codeMemos.set(strapi, memo);
  }
  return memo();
};

/** The locale a content-API request reads: its `locale`, else the default; undefined for `*`. */
export const requestLocale = async (strapi: Core.Strapi, query: Record<string, unknown>) => {
  if (query.locale === '*') return undefined;
  return typeof query.locale === 'string' ? query.locale : defaultLocale(strapi);
};
