import type { Core } from '@strapi/strapi';
import { assertProductionSecrets } from '../src/lib/required-secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  // Config is the first code Strapi runs: fail here, before anything listens.
  assertProductionSecrets(process.env);
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    // Public base URL of the API itself: every absolute link is built on it, never on the
    // request's Host (src/utils/fast-path.ts, publicOrigin). Required in production; without
    // it (development, tests) links use the address the server listens on.
    url: env('PUBLIC_URL', ''),
    // Trust X-Forwarded-* only behind a proxy the operator controls, and only as many
    // X-Forwarded-For entries as there are proxies, counted from the right: whatever a
    // client wrote to the left of them is not an address anyone vouches for.
    proxy: {
      koa: env.bool('IS_PROXIED', false),
      maxIpsCount: Math.max(1, env.int('PROXY_TRUSTED_HOPS', 1)),
    },
    app: {
      keys: env.array('APP_KEYS'),
    },
    // No update check: the server must not call out to the internet.
    logger: { updates: { enabled: false } },
    webhooks: {
      populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
    },
  };
};
