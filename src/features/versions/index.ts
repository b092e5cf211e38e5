/**
 * 版本记录 (versions): every save and publish of a document leaves a version of what readers
 * would see, in the same transaction; editors who may read a document compare its versions,
 * and those who may edit it bring one back as the draft, through the usual rules.
 */
import type { Feature } from '../../utils/feature';
import createVersionsService from './service';
import createVersionsAdminController from './controller';
import { ensureVersionIndex } from './indexes';
import { VERSIONS_CONTROLLER, versionsRoutes } from './routes';

export { recordVersion } from './rules/record-version';
export { VERSION_UID, keepDrafts } from './service';
export type { VersionsService } from './service';

export const versionsFeature: Feature = {
  name: 'versions',
  promise: 'every saved and published state of a document can be read, compared and brought back',
  services: { 'api::version.versions': createVersionsService },
  controllers: { [VERSIONS_CONTROLLER]: createVersionsAdminController },
  adminRoutes: versionsRoutes,
  async bootstrap(strapi) {
    await ensureVersionIndex(strapi);
  },
};
