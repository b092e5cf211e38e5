/**
 * Platform: the locales (zh-Hans first, en), the database indexes the features' queries
 * need, the internal types hidden from the public API, and time slices for long work.
 */
import type { Feature } from '../../utils/feature';
import { hideInternalTypes } from './hide-internal-types';
import { registerTimeSlices } from './time-slices';
import { ensureLocales } from './locales';
import { ensureIndexes } from './indexes';

export { isInternalType } from './hide-internal-types';

export const platformFeature: Feature = {
  name: 'platform',
  promise: 'the locales and indexes exist, and internal types never reach the public API',
  register(strapi) {
    hideInternalTypes(strapi);
    registerTimeSlices(strapi);
  },
  async bootstrap(strapi) {
    await ensureLocales(strapi);
    await ensureIndexes(strapi);
  },
};
