// A feature's part of the admin panel (src/features/<name>/admin/index.ts), composed by
// src/admin/app.tsx in the order it lists them.
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { StrapiApp } from '@strapi/strapi/admin';

/** A feature's admin strings, by admin language: ids `newsroom.<feature>.<what>`, read with react-intl's `useIntl().formatMessage`. */
export type AdminTranslations = { en: Record<string, string>; 'zh-Hans': Record<string, string> };

export type AdminPart = {
  translations?: AdminTranslations;
  register?: (app: StrapiApp) => void;
  bootstrap?: (app: StrapiApp) => void;
};

type Values = Record<string, string | number>;

// A feature's strings in both admin languages, the Chinese first; English must name the same
// keys (tsc refuses a string left untranslated). Gives the translations of its AdminPart and
// useText, the hook its components read them with: text('submit') is the id
// newsroom.<feature>.submit in the editor's language, and {name} placeholders take values.
export const adminMessages = <Zh extends Record<string, string>>(feature: string, zh: Zh, en: { [K in keyof Zh]: string }) => {
  const ids = (strings: Record<string, string>) =>
    Object.fromEntries(Object.entries(strings).map(([key, value]) => [`newsroom.${feature}.${key}`, value]));
  const translations: AdminTranslations = { 'zh-Hans': ids(zh), en: ids(en) };
  const id = (key: keyof Zh & string) => `newsroom.${feature}.${key}`;
  const useText = () => {
    const { formatMessage } = useIntl();
    // One function while the language stays: panels list it among their effects' dependencies.
    return useCallback((key: keyof Zh & string, values?: Values) => formatMessage({ id: id(key) }, values) as string, [formatMessage]);
  };
  return { translations, id, useText };
};

type SidePanel = (...args: never[]) => unknown;

/** The content manager's plugin API, which StrapiApp leaves untyped: the admin's one cast of it, here. */
export const contentManagerOf = (app: StrapiApp) =>
  app.getPlugin('content-manager') as unknown as {
    apis: { addEditViewSidePanel: (panels: SidePanel[]) => void };
    injectComponent: (view: string, zone: string, component: { name: string; Component: () => unknown }) => void;
  };
