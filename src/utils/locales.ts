// The default locale, read on every public request, kept until content changes (it is
// stored in the core store, whose writes move the content version).
import type { Core } from '@strapi/strapi';
import { contentMemo } from './content-memo';
import { getLocales } from './services';

const memos = new WeakMap<Core.Strapi, () => Promise<string>>();

export const defaultLocale = (strapi: Core.Strapi) => {
  let memo = memos.get(strapi);
  if (!memo) {
    memo = contentMemo(strapi, () => getLocales(strapi).getDefaultLocale());
    memos.set(strapi, memo);
  }
  return memo();
};

/** The locale a content-API request reads: its `locale`, else the default; undefined for `*`. */
export const requestLocale = async (strapi: Core.Strapi, query: Record<string, unknown>) => {
  if (query.locale === '*') return undefined;
  return typeof query.locale === 'string' ? query.locale : defaultLocale(strapi);
};
