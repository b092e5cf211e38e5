// The content manager's bulk publish runs its publishes side by side (Promise.all) in one
// transaction: when the guard refuses one, the others can still finish after the
// rollback (seen: a clean entry went public beside a refused one). This route middleware
// checks every selected document first, so a bulk publish the checks refuse publishes
// nothing. Only documents the editor may publish are checked here (the content manager
// refuses the others itself), so findings never tell about someone else's entry.
import type { Core } from '@strapi/strapi';
import { guardEnabled, localesOf } from '../inspection';
import { isInspected } from '../inspection';
import { getService } from '../services';
import { appendRouteMiddleware, contentManagerRoutes } from '../../strapi-internals/content-manager';
import { checkerFor } from '../../utils/permission-checker';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];
const MAX_BULK = 1000;

export const guardBulkPublish = (strapi: Core.Strapi) => {
  const check = async (ctx: KoaContext, next: () => Promise<unknown>) => {
    const uid = String(ctx.params?.model ?? '');
    const documentIds = (ctx.request.body as { documentIds?: unknown } | undefined)?.documentIds;
    if (guardEnabled(strapi) && isInspected(uid) && Array.isArray(documentIds) && documentIds.length <= MAX_BULK) {
      const body = ctx.request.body as { locale?: unknown };
      const locales = localesOf({ locale: (body.locale ?? ctx.query.locale) as string | undefined });
      const checker = checkerFor(strapi, ctx.state.userAbility, uid);
      for (const documentId of documentIds) {
        if (typeof documentId !== 'string') continue;
        const draft = await strapi.db.query(uid).findOne({
          where: { documentId, publishedAt: null },
          select: ['id', 'documentId', 'locale'],
          populate: { createdBy: { select: ['id'] } },
        });
        if (!draft || checker.cannot.publish(draft)) continue;
        await getService(strapi, 'inspection').assertPublishable(uid, documentId, locales);
      }
    }
    return next();
  };
  for (const route of contentManagerRoutes(strapi)) {
    if (route.handler !== 'collection-types.bulkPublish') continue;
    appendRouteMiddleware(route, check);
  }
};
