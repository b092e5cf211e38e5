// The two content locales: Simplified Chinese (default) and English.
import type { Core } from '@strapi/strapi';

export const DEFAULT_LOCALE = 'zh-Hans';
export const CONTENT_LOCALES = [
  { code: 'zh-Hans', name: '简体中文' },
  { code: 'en', name: 'English (en)' },
] as const;

type LocalesService = {
  find: () => Promise<Array<{ code: string }>>;
  create: (locale: { code: string; name: string }) => Promise<unknown>;
  setDefaultLocale: (locale: { code: string }) => Promise<unknown>;
};

export const ensureLocales = async (strapi: Core.Strapi) => {
  const locales = strapi.plugin('i18n').service('locales') as LocalesService;
  const existing = new Set((await locales.find()).map((locale) => locale.code));
  for (const locale of CONTENT_LOCALES) {
    if (!existing.has(locale.code)) await locales.create({ ...locale });
  }
  // Only on the first start: afterwards the default is the administrators' choice.
  if (!existing.has(DEFAULT_LOCALE)) await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
};
