// users-permissions, where the project reaches past its public API.
import path from 'path';
import type { Core } from '@strapi/strapi';

type PermissionService = { findPublicPermissions: () => Promise<Array<{ action: string }>> };

/** Its permission service, whose findPublicPermissions is memoized in place. Relies on: that method's name and answer. */
export const usersPermissionsPermissionService = (strapi: Core.Strapi) =>
  strapi.plugin('users-permissions').service('permission') as PermissionService;

/** The private file holding its output sanitizers: not among the package's exports, beside its server entry. */
export const USERS_PERMISSIONS_SANITIZERS = 'utils/sanitize/sanitizers.js';

/**
 * The output sanitizer users-permissions registers (it only removes users from its roles),
 * so the article controller can tell it from any other; null when the file moved.
 * Relies on: the bundled file's `__require()` returning `{ defaultSanitizeOutput }` (5.54).
 */
export const usersPermissionsOutputSanitizer = (): unknown => {
  try {
    const file = path.join(path.dirname(require.resolve('@strapi/plugin-users-permissions/strapi-server')), USERS_PERMISSIONS_SANITIZERS);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file).__require().defaultSanitizeOutput;
  } catch {
    return null;
  }
};
