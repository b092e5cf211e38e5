// The i18n plugin's locales service: public, but untyped in @strapi/types; typed here once.
import type { Core } from '@strapi/strapi';

type LocalesService = {
  getDefaultLocale: () => Promise<string>;
  findByCode: (code: string) => Promise<unknown>;
  find: (params?: object) => Promise<Array<{ code: string; name: string; isDefault: boolean }>>;
  create: (locale: { code: string; name: string; isDefault?: boolean }) => Promise<unknown>;
  setDefaultLocale: (locale: { code: string }) => Promise<unknown>;
};

export const getLocales = (strapi: Core.Strapi) => strapi.plugin('i18n').service('locales') as unknown as LocalesService;
