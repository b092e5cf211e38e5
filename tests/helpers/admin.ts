// Administrators of the app under test, logged in: a Super Admin, an editor with one of the
// 三审 roles (撰稿, 初审, 复审, 终审), or a user with roles a test made; each with its token
// for the admin API.
import type { App } from './strapi';
import { api } from './http';

export type NewUser = { email: string; firstname: string; lastname?: string; password: string };
export type LoggedIn = { id: number; token: string };

/**
 * Creates an active admin user with these roles and logs it in once (admin logins are
 * rate-limited per address: log each user in once and keep the token).
 */
export const adminUser = async (app: App, { email, password, ...names }: NewUser, roleIds: number[]): Promise<LoggedIn> => {
  const user = await app.service('admin::user').create({ email, ...names, password, isActive: true, roles: roleIds });
  const login = await api(app).post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { id: user.id as number, token: login.body.data.token as string };
};

/** A Super Admin's token. */
export const adminToken = async (app: App, email: string, password = 'Admin-Passw0rd') => {
  const superAdmin = await app.service('admin::role').getSuperAdmin();
  return (await adminUser(app, { email, firstname: 'Test', lastname: 'Admin', password }, [superAdmin.id])).token;
};

/** An editor whose one role is the role named `roleName` (the 三审 roles: 撰稿, 初审, 复审, 终审). */
export const editorWithRole = async (app: App, roleName: string, user: NewUser): Promise<LoggedIn> => {
  const role = await app.db.query('admin::role').findOne({ where: { name: roleName } });
  if (!role) throw new Error(`no admin role named ${roleName}`);
  return adminUser(app, user, [role.id]);
};
