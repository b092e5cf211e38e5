/**
 * Platform: the locales (zh-Hans first, en), the database indexes the features' queries
 * need, the internal types hidden from the public API, time slices for long work, and
 * the type registry's public facts for the admin panels (GET /admin/newsroom/types).
 */
import type { Feature } from '../../utils/feature';
import { hideInternalTypes } from './hide-internal-types';
import { registerTimeSlices } from './time-slices';
import { ensureLocales } from './locales';
import { ensureIndexes } from './indexes';
import { typesRoutes, TYPES_CONTROLLER, typesAdminController } from './types-route';

export { isInternalType } from './hide-internal-types';

export const platformFeature: Feature = {
  name: 'platform',
  promise: 'the locales and indexes exist, internal types never reach the public API, and the admin reads the type registry',
  controllers: { [TYPES_CONTROLLER]: typesAdminController },
  adminRoutes: typesRoutes,
  register(strapi) {
    hideInternalTypes(strapi);
    registerTimeSlices(strapi);
  },
  async bootstrap(strapi) {
    await ensureLocales(strapi);
    await ensureIndexes(strapi);
  },
};
