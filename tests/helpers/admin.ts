// An administrator of the app under test, and a token for the admin API.
import type { App } from './strapi';
import { api } from './http';

export const adminToken = async (app: App, email: string, password = 'Admin-Passw0rd') => {
  const superAdmin = await app.service('admin::role').getSuperAdmin();
  await app.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: 'Admin',
    password,
    isActive: true,
    roles: [superAdmin.id],
  });
  const login = await api(app).post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.data.token as string;
};
