// Readers of a government news site have no accounts. The public role holds no auth
// permission (src/features/public-api/permissions.ts), registration is switched off in
// users-permissions' advanced settings at every start, and the GraphQL auth mutations,
// which users-permissions opens with `auth: false`, follow the same REST permissions:
// without them they answer Forbidden instead of issuing tokens or sending mail.
import type { Core } from '@strapi/strapi';
import { READABLE_TYPES } from '../public-api';
import { graphqlExtension } from '../../strapi-internals/graphql';

/** GraphQL mutation -> the REST action whose public permission it needs. */
const AUTH_MUTATIONS: Record<string, string> = {
  login: 'plugin::users-permissions.auth.callback',
  register: 'plugin::users-permissions.auth.register',
  forgotPassword: 'plugin::users-permissions.auth.forgotPassword',
  resetPassword: 'plugin::users-permissions.auth.resetPassword',
  emailConfirmation: 'plugin::users-permissions.auth.emailConfirmation',
  changePassword: 'plugin::users-permissions.auth.changePassword',
};

export const registerAccountLocks = (strapi: Core.Strapi) => {
  const extension = graphqlExtension(strapi)!;
  // `localizations` reaches every locale's rows, drafts included: not in the public schema.
  for (const uid of READABLE_TYPES) extension.shadowCRUD(uid).field('localizations').disable();

  const resolversConfig: Record<string, { policies: Array<{ name: string; config: object }> }> = {};
  for (const [mutation, action] of Object.entries(AUTH_MUTATIONS)) {
    resolversConfig[`Mutation.${mutation}`] = {
      policies: [{ name: 'global::has-public-permission', config: { action, name: mutation } }],
    };
  }
  extension.use({ resolversConfig });
};

/** Registration off, whatever an administrator or an old database says. */
export const disableRegistration = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get({})) as Record<string, unknown> | null) ?? {};
  if (advanced.allow_register !== false) await store.set({ value: { ...advanced, allow_register: false } });
};
