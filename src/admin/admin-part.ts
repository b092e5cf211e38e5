// A feature's part of the admin panel (src/features/<name>/admin/index.ts), composed by
// src/admin/app.tsx in the order it lists them.
import type { StrapiApp } from '@strapi/strapi/admin';

/** A feature's admin strings, by admin language: ids `newsroom.<feature>.<what>`, read with react-intl's `useIntl().formatMessage`. */
export type AdminTranslations = { en: Record<string, string>; 'zh-Hans': Record<string, string> };

export type AdminPart = {
  translations?: AdminTranslations;
  register?: (app: StrapiApp) => void;
  bootstrap?: (app: StrapiApp) => void;
};

type SidePanel = (...args: never[]) => unknown;

/** The content manager's plugin API, which StrapiApp leaves untyped: the admin's one cast of it, here. */
export const contentManagerOf = (app: StrapiApp) =>
  app.getPlugin('content-manager') as unknown as {
    apis: { addEditViewSidePanel: (panels: SidePanel[]) => void };
    injectComponent: (view: string, zone: string, component: { name: string; Component: () => unknown }) => void;
  };
