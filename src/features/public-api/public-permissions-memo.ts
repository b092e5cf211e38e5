// Every anonymous request reads the public role's permissions (users-permissions'
// authenticate: one query with two joins). They change only when an administrator edits
// the role, which moves the content version: kept until then (src/utils/content-memo.ts).
import type { Core } from '@strapi/strapi';
import { contentMemo } from '../../utils/content-memo';
import { usersPermissionsPermissionService } from '../../strapi-internals/users-permissions';

export const memoizePublicPermissions = (strapi: Core.Strapi) => {
  const service = usersPermissionsPermissionService(strapi);
  const read = service.findPublicPermissions.bind(service);
  const memo = contentMemo(strapi, () => read());
  // A copy each time: callers map over it, and must not share changes.
  service.findPublicPermissions = async () => [...(await memo())];
};
