// Services of Strapi's own plugins and admin that the features call, typed with the methods
// they use (Core.Strapi types plugin and admin services as `any`-like unknowns). Each method
// is asserted by tests/integration/strapi-internals.test.ts (docs/upgrading-strapi.md).
import type { Core } from '@strapi/strapi';

export type LocalesService = {
  getDefaultLocale: () => Promise<string>;
  findByCode: (code: string) => Promise<unknown>;
  find: (params?: object) => Promise<Array<{ code: string; name: string; isDefault: boolean }>>;
  create: (locale: { code: string; name: string; isDefault?: boolean }) => Promise<unknown>;
  setDefaultLocale: (locale: { code: string }) => Promise<unknown>;
};

/** i18n's locales service. */
export const localesService = (strapi: Core.Strapi) => strapi.plugin('i18n').service('locales') as LocalesService;

/** An admin user's ability (CASL), as the admin's own permission checks build it. Relies on: admin::permission `engine.generateUserAbility`. */
export const generateUserAbility = (strapi: Core.Strapi, user: unknown) =>
  (
    strapi.service('admin::permission') as { engine: { generateUserAbility: (user: unknown) => Promise<unknown> } }
  ).engine.generateUserAbility(user);

type SessionManager = (origin: 'admin') => { isSessionActive: (sessionId: string) => Promise<boolean> };

/** Strapi's session manager (5.2x: admin sessions behind refresh tokens). Relies on: strapi.sessionManager, not on Core.Strapi's type. */
export const sessionManager = (strapi: Core.Strapi) => (strapi as unknown as { sessionManager?: SessionManager }).sessionManager;

type Middleware = Core.MiddlewareHandler;

/** A Strapi middleware's factory (such as 'strapi::cors'), called as Strapi calls it: (config, { strapi }). */
export const middlewareFactory = (strapi: Core.Strapi, name: string) =>
  strapi.middleware(name) as unknown as (config: unknown, ctx: { strapi: Core.Strapi }) => Middleware;
