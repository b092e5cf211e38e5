// The editors' content manager: Chinese labels and descriptions on every field, list
// columns and edit groups, as the admin panel receives them.
import { startApp, stopApp, type App } from '../helpers/strapi';
import { api } from '../helpers/http';
import { adminToken } from '../helpers/admin';
import { READABLE_TYPES } from '../../src/features/public-api/permissions';
import { allTypeSettings } from '../../src/utils/type-settings';

/** Every type editors or administrators open in the content manager: the public ones and the admin-only logs and lists. */
const ADMIN_TYPES = new Set([
  ...READABLE_TYPES,
  ...allTypeSettings().flatMap(({ uid, admin }) => (admin && uid.startsWith('api::') ? [uid] : [])),
]);

let app: App;
let token: string;

beforeAll(async () => {
  app = await startApp();
  token = await adminToken(app, 'layout@example.gov.cn');
});
afterAll(async () => {
  await stopApp(app);
});

const configuration = async (uid: string) => {
  const res = await api(app).get(`/content-manager/content-types/${uid}/configuration`).set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  return res.body.data.contentType;
};

test.each([...ADMIN_TYPES])('every field of %s has a Chinese label and a description', async (uid) => {
  const { metadatas } = await configuration(uid);
  const attributes = Object.keys(app.contentTypes[uid as 'api::article.article'].attributes).filter((name) => name !== 'localizations');
  const missing = attributes.filter((name) => !metadatas[name]);
  // Strapi keeps no view settings for these (never shown as fields); every other field has them.
  expect(missing.filter((name) => !['createdBy', 'updatedBy', 'publishedAt', 'locale'].includes(name))).toEqual([]);
  for (const name of attributes.filter((field) => metadatas[field])) {
    expect([name, metadatas[name].edit.label]).toEqual([name, expect.stringMatching(/[\u4e00-\u9fff]/)]);
    expect([name, metadatas[name].edit.description]).toEqual([name, expect.stringMatching(/\S/)]);
  }
});

test('the article list shows title, channel and publish date; the edit view groups title, meta, body and relations', async () => {
  const { layouts, metadatas, settings } = await configuration('api::article.article');
  expect(layouts.list.slice(0, 3)).toEqual(['title', 'channel', 'publishDate']);
  expect(metadatas.title.edit.label).toBe('标题');
  expect(metadatas.publishDate.edit.label).toBe('发布时间');
  expect(metadatas.channel.edit.mainField).toBe('name');
  expect(settings.defaultSortBy).toBe('publishDate');
  const rows = layouts.edit.map((row: Array<{ name: string }>) => row.map((field) => field.name));
  expect(rows[0]).toEqual(['title', 'subtitle']);
  expect(rows).toContainEqual(['source', 'author', 'publishDate']);
  expect(rows).toContainEqual(['body']);
});

test('the 信息公开 component has Chinese labels, and its 索引号 is shown but not editable', async () => {
  const res = await api(app).get('/content-manager/components/disclosure.metadata/configuration').set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  const { metadatas } = res.body.data.component;
  expect(metadatas.indexNumber.edit).toMatchObject({ label: '索引号', editable: false });
  expect(metadatas.documentNumber.edit.label).toBe('文号');
  expect(metadatas.organizationCode.edit.editable).toBe(true);
  const article = await configuration('api::article.article');
  expect(article.layouts.edit.map((row: Array<{ name: string }>) => row.map((field) => field.name))).toContainEqual(['disclosure']);
});
