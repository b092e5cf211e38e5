// GraphQL resolvers that users-permissions opens with `auth: false` (login, register,
// password mail) answer only when the public role holds the matching REST permission,
// so one switch in the admin panel governs both APIs (src/features/accounts/lock-accounts.ts).
import type { Core } from '@strapi/strapi';
import { publicPermission } from '../../utils/fast-path';
import { forbiddenWithMessage } from '../../strapi-internals/errors';

const checkers = new Map<string, () => Promise<boolean>>();

export default async (_context: unknown, config: { action: string; name: string }, { strapi }: { strapi: Core.Strapi }) => {
  let allowed = checkers.get(config.action);
  if (!allowed) {
    allowed = publicPermission(strapi, [config.action]);
    checkers.set(config.action, allowed);
  }
  if (await allowed()) return true;
  throw forbiddenWithMessage(`${config.name} is not available: this site has no reader accounts`);
};
