// What the features' admin controllers read from a request: the signed-in user and their
// abilities, the JSON body, and its text fields, checked (400 in Strapi's error shape).
import { errors } from '@strapi/utils';

export type Ability = { can: (action: string, subject?: unknown) => boolean };
export type AdminUser = { id: number; firstname?: string | null; lastname?: string | null; email?: string };
export type AdminCtx = { request: { body?: unknown }; state: { userAbility?: Ability; user?: AdminUser }; body: unknown };

/** Trimmed text of at most `max` characters, or a 400 naming the field. */
export const requiredText = (value: unknown, max: number, name: string) => {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new errors.ValidationError(`${name} is required, as text of at most ${max} characters`);
  }
  return value.trim();
};

export const bodyOf = (ctx: AdminCtx) => (ctx.request.body ?? {}) as Record<string, unknown>;

/** How the 操作日志 and the panels name an administrator. */
export const adminName = (user: AdminUser) => [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `#${user.id}`;
