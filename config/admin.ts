import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  // The content manager's preview button opens the bundled reader on the draft through a
  // short-lived signed link (src/features/preview/service.ts); the reader is served by
  // this server, so the admin frames its own origin.
  preview: {
    enabled: true,
    config: {
      handler: (uid: string, params: { documentId?: string; locale?: string | null; status?: string }) =>
        (strapi.service('api::article.preview') as { link: (uid: string, params: object) => Promise<string | null> }).link(uid, params),
    },
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
  },
});
