// Strapi's registries and the admin's route table and action provider, as the features
// are added to them. Registries: public container API (strapi.get), the same calls
// Strapi's plugin loader makes. Admin routes: strapi.server.routes with the admin API's
// type and prefix, as Strapi registers its own. Actions: the admin permission service's
// actionProvider, which Strapi's plugins reach the same way (typed here, once).
import type { Core } from '@strapi/strapi';
import type { AdminAction, AdminRoute } from '../utils/feature';

type RegistryName = 'services' | 'controllers' | 'middlewares' | 'policies';
type Registry = { add: (namespace: string, entries: Record<string, unknown>) => unknown };

/** Adds `{ 'api::x.y': factory }` (or `{ name: factory }` under a namespace such as 'global::'). */
export const addToRegistry = (
  strapi: Core.Strapi,
  name: RegistryName,
  entries: Record<string, unknown> | undefined,
  namespace?: string
) => {
  if (!entries) return;
  const registry = strapi.get(name) as Registry;
  for (const [key, value] of Object.entries(entries)) {
    if (namespace) {
      registry.add(namespace, { [key]: value });
    } else {
      const dot = key.lastIndexOf('.');
      registry.add(key.slice(0, dot), { [key.slice(dot + 1)]: value });
    }
  }
};

/** Mounts admin routes under /admin, behind the admin's authentication, as the admin's own. */
export const addAdminRoutes = (strapi: Core.Strapi, routes: AdminRoute[]) => {
  strapi.server.routes({ type: 'admin', prefix: '/admin', routes: routes as never });
};

type ActionProvider = { registerMany: (actions: AdminAction[]) => Promise<void> };

export const addAdminActions = (strapi: Core.Strapi, actions: AdminAction[]) =>
  // Not in @strapi/types: the admin's permission service exposes its action provider untyped.
  (strapi.service('admin::permission') as unknown as { actionProvider: ActionProvider }).actionProvider.registerMany(actions);

type ActionDefinition = Record<string, unknown>;

/** A registered admin action's definition (for building a role's permissions). */
export const adminActionDefinition = (strapi: Core.Strapi, id: string) =>
  (strapi.service('admin::permission') as unknown as { actionProvider: { get: (id: string) => ActionDefinition } }).actionProvider.get(id);

/** Listens to Strapi's event hub (admin logins), which Core.Strapi types without `on`. */
export const onStrapiEvent = (strapi: Core.Strapi, event: string, listener: (payload: unknown) => void) =>
  (strapi.eventHub as unknown as { on: (event: string, listener: (payload: unknown) => void) => void }).on(event, listener);
