// Helpers of the middlewares that answer hot public requests before the rest of the
// stack (clicks, cached feeds): the API's own CORS settings and the public role's
// permission, so skipping the router skips neither.
import type { Core } from '@strapi/strapi';

type Middleware = Core.MiddlewareHandler;
const PERMISSION_TTL_MS = 10_000;

/** An instance of strapi::cors with the options configured in config/middlewares.ts. */
export const configuredCors = (strapi: Core.Strapi): Middleware => {
  const entry = (strapi.config.get('middlewares', []) as Array<string | { name?: string; config?: unknown }>).find(
    (item) => item === 'strapi::cors' || (typeof item === 'object' && item.name === 'strapi::cors')
  );
  const config = typeof entry === 'object' ? (entry.config ?? {}) : {};
  const factory = strapi.middleware('strapi::cors') as unknown as (config: unknown, ctx: { strapi: Core.Strapi }) => Middleware;
  return factory(config, { strapi });
};

/**
 * Whether the public role holds all of `actions`, re-read every 10 s: revoking a
 * permission in the admin panel sends requests back through the router (and its 403).
 */
export const publicPermission = (strapi: Core.Strapi, actions: string[]) => {
  let known: { value: boolean; at: number } | null = null;
  return async () => {
    if (!known || Date.now() - known.at > PERMISSION_TTL_MS) {
      const count = await strapi.db
        .query('plugin::users-permissions.permission')
        .count({ where: { action: { $in: actions }, role: { type: 'public' } } });
      known = { value: count === actions.length, at: Date.now() };
    }
    return known.value;
  };
};

export { escapeRegExp } from '../lib/text';

const configuredOrigins = new WeakMap<Core.Strapi, string | null>();

/** The public origin of this API: the configured server URL, else the request's own. */
export const publicOrigin = (strapi: Core.Strapi, requestOrigin: string) => {
  // Read on every cached answer and article read: the configuration is parsed once.
  let origin = configuredOrigins.get(strapi);
  if (origin === undefined) {
    const url = strapi.config.get('server.url', '') as string;
    origin = /^https?:\/\//.test(url) ? new URL(url).origin : null;
    configuredOrigins.set(strapi, origin);
  }
  return origin ?? requestOrigin;
};
