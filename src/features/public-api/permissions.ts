// The public (anonymous) role: read published content (feeds and search included) and register clicks, nothing else.
import type { Core, UID } from '@strapi/strapi';
import { readableTypes } from '../../utils/type-settings';
import { ARTICLE_UID } from '../../api/article/newsroom';

/** The types the public may read, as their folders declare (src/api/<name>/newsroom.ts). */
export const READABLE_TYPES: readonly UID.ContentType[] = readableTypes();

export const PUBLIC_ACTIONS: string[] = [
  ...READABLE_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  // Click counts: register a view, read counts and the most-read list.
  `${ARTICLE_UID}.registerClick`,
  `${ARTICLE_UID}.clickStats`,
  `${ARTICLE_UID}.popular`,
  // An article by its slug (GET /articles/by-slug/:slug).
  `${ARTICLE_UID}.bySlug`,
  // Feeds of published articles.
  'api::feed.feed.rss',
  'api::feed.feed.atom',
  'api::feed.feed.json',
  // 站内搜索 over published articles.
  'api::search.search.find',
];

/**
 * Makes the public role's permissions exactly PUBLIC_ACTIONS at every start. This
 * also removes the users-permissions defaults (open registration, password reset):
 * readers of a government news site have no accounts.
 */
export const enforcePublicPermissions = (strapi: Core.Strapi, allowed: readonly string[] = PUBLIC_ACTIONS) =>
  // One transaction: instances starting together never see a half-reset role.
  strapi.db.transaction(() => resetPublicRole(strapi, allowed));

const resetPublicRole = async (strapi: Core.Strapi, allowed: readonly string[]) => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return;
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const current = (await permissions.findMany({ where: { role: role.id } })) as Array<{ id: number; action: string }>;
  const granted = new Set(current.map((permission) => permission.action));
  const extra = current.filter((permission) => !allowed.includes(permission.action));
  if (extra.length) await permissions.deleteMany({ where: { id: { $in: extra.map((permission) => permission.id) } } });
  for (const action of allowed.filter((a) => !granted.has(a))) {
    await permissions.create({ data: { action, role: role.id } });
  }
};
