// The upload plugin's routes and services, as src/features/media wraps them. Each name
// here is asserted by tests/integration/strapi-internals.test.ts (docs/upgrading-strapi.md).
import type { Core } from '@strapi/strapi';
import { pluginRoutes } from './content-manager';

/** Every route of the upload plugin (handlers such as 'admin-upload.uploadFromUrls'). */
export const uploadRoutes = (strapi: Core.Strapi) => pluginRoutes(strapi, 'upload');

/** The upload service, whose `upload` and `replace` are replaced in place (upload-limits). Relies on: those two methods. */
export const uploadService = <S extends { upload: unknown; replace: unknown }>(strapi: Core.Strapi) =>
  strapi.plugin('upload').service('upload') as S;

type Provider = { delete: (file: object) => Promise<unknown> };

/** The configured provider (local files, or a cloud one). Relies on: plugin('upload').provider with `delete`. */
export const uploadProvider = (strapi: Core.Strapi) => strapi.plugin('upload').provider as Provider;

/** Stores one file (or format) through the provider service. Relies on: service('provider').upload. */
export const uploadToProvider = (strapi: Core.Strapi, file: object) =>
  (strapi.plugin('upload').service('provider') as { upload: (file: object) => Promise<void> }).upload(file);

/** A stored file's unique name, as Strapi makes it. Relies on: service('image-manipulation').generateFileName. */
export const generateFileName = (strapi: Core.Strapi, name: string) =>
  (strapi.plugin('upload').service('image-manipulation') as { generateFileName: (name: string) => string }).generateFileName(name);

/** A folder's path ('/1/4'), as files store it. Relies on: service('file').getFolderPath. */
export const folderPath = (strapi: Core.Strapi, folder: number | null) =>
  (strapi.plugin('upload').service('file') as { getFolderPath: (id: number | null) => Promise<string> }).getFolderPath(folder);
