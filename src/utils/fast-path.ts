// Helpers of the middlewares that answer hot public requests before the rest of the
// stack (clicks, cached feeds): the API's own CORS settings and the public role's
// permission, so skipping the router skips neither.
import type { Core } from '@strapi/strapi';
import { middlewareFactory } from '../strapi-internals/plugin-services';

type Middleware = Core.MiddlewareHandler;
const PERMISSION_TTL_MS = 10_000;

/** An instance of strapi::cors with the options configured in config/middlewares.ts. */
export const configuredCors = (strapi: Core.Strapi): Middleware => {
  const entry = (strapi.config.get('middlewares', []) as Array<string | { name?: string; config?: unknown }>).find(
    (item) => item === 'strapi::cors' || (typeof item === 'object' && item.name === 'strapi::cors')
  );
  const config = typeof entry === 'object' ? (entry.config ?? {}) : {};
  const factory = middlewareFactory(strapi, 'strapi::cors');
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

const configuredOrigins = new WeakMap<Core.Strapi, string>();

/** The origin of the address this server listens on, localhost for every interface; null before it listens. */
const listeningOrigin = (strapi: Core.Strapi): string | null => {
  const address = strapi.server?.httpServer?.address?.();
  if (!address || typeof address === 'string') return null;
  const everywhere = ['0.0.0.0', '::', '::ffff:0.0.0.0'].includes(address.address);
  const host = everywhere ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
};

/**
 * The public origin of this API, that absolute links (article and channel `feeds`, feeds'
 * self links and enclosures) are built on: PUBLIC_URL (config/server.ts `url`), which
 * production requires (src/lib/required-secrets.ts). Never the request's Host or
 * X-Forwarded-Host: a client writes those, and a cache or CDN that does not key by host
 * would hand its links to every reader (#27, finding 12). Without PUBLIC_URL (development
 * and tests) the address the server listens on: http://localhost:1337 for
 * `npm run develop`, the loopback address and port a test server was given.
 */
export const publicOrigin = (strapi: Core.Strapi): string => {
  // Read on every cached answer and article read: found once.
  const known = configuredOrigins.get(strapi);
  if (known) return known;
  const url = strapi.config.get('server.url', '') as string;
  const origin = /^https?:\/\//.test(url) ? new URL(url).origin : listeningOrigin(strapi);
  // Before the server listens (a script): the configured port, not kept.
  if (!origin) return `http://localhost:${strapi.config.get('server.port', 1337) as number}`;
  configuredOrigins.set(strapi, origin);
  return origin;
};
