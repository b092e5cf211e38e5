/**
 * Platform: the locales (zh-Hans first, en), the database indexes the features' queries
 * need, the internal types hidden from the public API, time slices for long work, and
 * the type registry's public facts for the admin panels (GET /admin/newsroom/types).
 */
import type { Feature } from '../../utils/feature';
import { hideInternalTypes, isInternalType } from './hide-internal-types';
import { registerTimeSlices } from './time-slices';
import { ensureLocales } from './locales';
import { ensureIndexes } from './indexes';
import { typesRoutes, TYPES_CONTROLLER, typesAdminController } from './types-route';
import { answerAiWhenOff, keepInvitationLinks, keepTypesOffHomepage } from '../../strapi-internals/admin-answers';

export { isInternalType };

export const platformFeature: Feature = {
  name: 'platform',
  promise: 'the locales and indexes exist, internal types never reach the public API, and the admin reads the type registry',
  controllers: { [TYPES_CONTROLLER]: typesAdminController },
  adminRoutes: typesRoutes,
  register(strapi) {
    hideInternalTypes(strapi);
    registerTimeSlices(strapi);
    // The admin panel (#32): no 404 for the AI features it asks about unasked, no internal
    // type in the homepage's recent documents, the invitation link until it is used.
    answerAiWhenOff(strapi);
    keepTypesOffHomepage(strapi, isInternalType);
    keepInvitationLinks(strapi);
  },
  async bootstrap(strapi) {
    await ensureLocales(strapi);
    await ensureIndexes(strapi);
  },
};
