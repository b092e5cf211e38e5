// The content manager's routes, controllers and services, as the features patch them at
// register. Plugin routes are typed by Strapi as a router map it does not promise the
// shape of; handlers are named '<controller>.<action>' strings. Each name the features rely
// on is asserted by tests/integration/strapi-internals.test.ts (docs/upgrading-strapi.md).
import type { Core, UID } from '@strapi/strapi';

/** A plugin route as Strapi 5 declares it: the fields the features read or add to. */
export type PluginRoute = {
  method?: string;
  path?: string;
  handler?: unknown;
  config?: { middlewares?: unknown[] } & Record<string, unknown>;
};
type Routers = PluginRoute[] | Record<string, { routes?: PluginRoute[] }>;

// Relies on: plugin.routes being an array, or a map of routers ({ admin, 'content-api' }) each with `routes`.
const routersOf = (strapi: Core.Strapi, plugin: string) => strapi.plugin(plugin).routes as unknown as Routers;

/** Every route of a plugin, of all its routers (the same objects Strapi mounts: changes are seen). */
export const pluginRoutes = (strapi: Core.Strapi, plugin: 'content-manager' | 'upload'): PluginRoute[] => {
  const routes = routersOf(strapi, plugin);
  return Array.isArray(routes) ? routes : Object.values(routes).flatMap((router) => router.routes ?? []);
};

/** The content manager's routes (handlers such as 'collection-types.publish', 'preview.getPreviewUrl'). */
export const contentManagerRoutes = (strapi: Core.Strapi) => pluginRoutes(strapi, 'content-manager');

/** The content manager's admin router's routes. Relies on: a router named `admin`. */
export const contentManagerAdminRoutes = (strapi: Core.Strapi): PluginRoute[] =>
  (routersOf(strapi, 'content-manager') as Record<string, { routes: PluginRoute[] }>).admin.routes;

/** Adds `middleware` after a route's own middlewares (they run after the admin's auth and policies). */
export const appendRouteMiddleware = (route: PluginRoute, middleware: unknown) => {
  route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), middleware] };
};

type ControllerRegistry = {
  extend: (uid: string, extend: (controller: Record<string, unknown>) => Record<string, unknown>) => void;
};

/** Wraps a registered controller. Relies on: the controllers registry's `extend` (public, untyped in Core.Strapi). */
export const extendController = (
  strapi: Core.Strapi,
  uid: string,
  extend: (controller: Record<string, unknown>) => Record<string, unknown>
) => (strapi.get('controllers') as ControllerRegistry).extend(uid, extend);

/** The configuration services behind the admin's edit-view layouts ("Configure the view"). */
export type ConfigurationService<C> = {
  findConfiguration: (schema: { uid: string }) => Promise<C>;
  updateConfiguration: (schema: { uid: string }, configuration: C) => Promise<unknown>;
};

/** Relies on: the content manager's 'content-types' and 'components' services' find/updateConfiguration. */
export const contentManagerConfiguration = <C>(strapi: Core.Strapi, name: 'content-types' | 'components') =>
  strapi.plugin('content-manager').service(name) as ConfigurationService<C>;

/** A permission checker of one editor on one type, as the content manager's controllers make it. Relies on: service('permission-checker').create({ userAbility, model }). */
export const contentManagerPermissionChecker = <Checker>(strapi: Core.Strapi, userAbility: unknown, model: string) =>
  (strapi.plugin('content-manager').service('permission-checker') as { create: (args: object) => Checker }).create({ userAbility, model });

type UidService = {
  generateUIDField: (args: {
    contentTypeUID: UID.ContentType;
    field: string;
    data: Record<string, unknown>;
    locale?: string;
  }) => Promise<string>;
};

/** The content manager's UID service (the slug button). Relies on: its `generateUIDField`, replaced in place. */
export const contentManagerUidService = (strapi: Core.Strapi) => strapi.plugin('content-manager').service('uid') as UidService;
