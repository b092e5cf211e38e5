// What a feature is, as src/index.ts composes it. A feature's folder holds all of it:
// its services, middlewares and admin routes (declared here, registered by the composer),
// its document rules (ordered in src/features/document-rules.ts), its admin panels.
import type { Core } from '@strapi/strapi';

type Lifecycle = (strapi: Core.Strapi) => void | Promise<void>;
type Factory = (context: { strapi: Core.Strapi }) => unknown;
// The shape of a Strapi global middleware factory (config/middlewares.ts names it `global::<name>`).
type Middleware = (config: unknown, context: { strapi: Core.Strapi }) => unknown;

/** An admin API route, declared as Strapi's own plugins declare theirs. */
export type AdminRoute = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below /admin, e.g. '/newsroom/review/state'. */
  path: string;
  /**
   * The controller action, as '<controller uid>.<action>' (e.g. 'api::review.review-admin.state'):
   * Strapi resolves it in the controllers registry (strapi.controller(uid)) when the route is
   * added, so the controller is one of a feature's `controllers`.
   */
  handler: `${string}::${string}.${string}`;
  /** 'admin::isAuthenticatedAdmin' first; then e.g. { name: 'admin::hasPermissions', config: { actions: [...] } }. */
  config: { policies: Array<string | { name: string; config: object }> };
};

/** An admin permission the feature adds (Settings › Roles), as the admin's action provider takes it. */
export type AdminAction = {
  section: 'settings' | 'plugins';
  category: string;
  subCategory?: string;
  pluginName?: string;
  displayName: string;
  uid: string;
};

export type Feature = {
  /** The folder's name, and what the feature promises in one line. */
  name: string;
  promise: string;
  /** Services by uid, e.g. 'api::review.review': reached through getService (src/features/services.ts). */
  services?: Record<string, Factory>;
  /** Controllers by uid: for the route declarations under src/api/<name>/routes, and for `adminRoutes`. */
  controllers?: Record<string, Factory>;
  /** Global middlewares by name, placed in order by config/middlewares.ts. */
  middlewares?: Record<string, Middleware>;
  /** Global policies by name. */
  policies?: Record<string, unknown>;
  /** Admin API routes under /admin. */
  adminRoutes?: AdminRoute[];
  /** Admin permissions, registered before the admin gives Super Admins every action. */
  adminActions?: AdminAction[];
  /** Before the database is open: patches and wrappers. */
  register?: Lifecycle;
  /** At start, one instance at a time (src/strapi-internals/serial-startup.ts), in the features' order. */
  bootstrap?: Lifecycle;
  /** After the start: background work (timers, queues). */
  start?: Lifecycle;
  /** On shutdown, in the reverse order. */
  destroy?: Lifecycle;
};
