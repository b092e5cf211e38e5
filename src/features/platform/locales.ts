// The two content locales: Simplified Chinese (default) and English.
import type { Core } from '@strapi/strapi';
import { localesService } from '../../strapi-internals/plugin-services';

export const DEFAULT_LOCALE = 'zh-Hans';
export const CONTENT_LOCALES = [
  { code: 'zh-Hans', name: '简体中文' },
  { code: 'en', name: 'English (en)' },
] as const;

export const ensureLocales = async (strapi: Core.Strapi) => {
  const locales = localesService(strapi);
  const existing = new Set((await locales.find()).map((locale) => locale.code));
  for (const locale of CONTENT_LOCALES) {
    if (!existing.has(locale.code)) await locales.create({ ...locale });
  }
  // Only on the first start: afterwards the default is the administrators' choice.
  if (!existing.has(DEFAULT_LOCALE)) await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
};
