// The content manager's permission checker, as its own controllers use it: an editor's
// role is checked on the document itself (an 撰稿 may only touch their own, a role may
// be limited to some locales or fields), not only on its type.
import type { Core } from '@strapi/strapi';
import { contentManagerPermissionChecker } from '../strapi-internals/content-manager';

export type Checker = {
  cannot: Record<string, (entity?: unknown, field?: string) => boolean>;
  /** The entity without the fields (and relations) the role may not read. */
  sanitizeOutput: <T>(entity: T) => Promise<T>;
};

export const checkerFor = (strapi: Core.Strapi, userAbility: unknown, model: string) =>
  contentManagerPermissionChecker<Checker>(strapi, userAbility, model);
