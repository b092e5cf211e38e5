/**
 * Media: a file readers see is immutable until 终审 publishes its replacement; uploads are
 * bounded (size, pixels, concurrency) and served so they cannot script this origin.
 */
import type { Feature } from '../../utils/feature';
import { checkUploadInternals, guardPublishedFiles } from './guard-published-files';
import { guardUploadRoutes } from './upload-routes';
import { limitUploads } from './upload-limits';
import uploadBusy from './middlewares/upload-busy';
import uploadHeaders from './middlewares/upload-headers';

// Used by other features:
export { checkImageFiles } from './upload-limits';

export const mediaFeature: Feature = {
  name: 'media',
  promise: 'a published file changes only through 终审; uploads are bounded and harmless',
  middlewares: { 'upload-busy': uploadBusy, 'upload-headers': uploadHeaders },
  register(strapi) {
    limitUploads(strapi);
    guardPublishedFiles(strapi);
    guardUploadRoutes(strapi);
  },
  bootstrap(strapi) {
    checkUploadInternals(strapi); // published files are immutable: fail the start if Strapi moved what that relies on
  },
};
