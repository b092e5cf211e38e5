// The content manager's bulk publish runs its publishes side by side (Promise.all): when
// the publish guard refuses one, the others may already be written. This route
// middleware checks every selected document first, so a bulk publish the checks refuse
// publishes nothing, and the 400 lists the findings of each.
import type { Core } from '@strapi/strapi';
import { localesOf } from '../publish-guard';
import { isInspected } from '../publish-guard/subject';
import { getService } from '../utils/services';
import { routesOf } from './no-draft-actions';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];
const MAX_BULK = 1000;

export const guardBulkPublish = (strapi: Core.Strapi) => {
  const check = async (ctx: KoaContext, next: () => Promise<unknown>) => {
    const uid = String(ctx.params?.model ?? '');
    const documentIds = (ctx.request.body as { documentIds?: unknown } | undefined)?.documentIds;
    if (
      strapi.config.get('publish-guard.enabled', true) &&
      isInspected(uid) &&
      Array.isArray(documentIds) &&
      documentIds.length <= MAX_BULK
    ) {
      const locales = localesOf({ locale: ctx.query.locale as string | undefined });
      for (const documentId of documentIds) {
        if (typeof documentId === 'string') await getService(strapi, 'inspection').assertPublishable(uid, documentId, locales);
      }
    }
    return next();
  };
  for (const route of routesOf(strapi)) {
    if (route.handler !== 'collection-types.bulkPublish') continue;
    route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), check] };
  }
};
