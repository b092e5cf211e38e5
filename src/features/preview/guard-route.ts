// Strapi's preview route (GET /content-manager/preview/url/:contentType) checks only that
// the caller is an administrator, and its service turns any error of the preview handler
// into a 400 "Failed to get preview URL". This middleware checks first that the editor may
// read the version asked for, so another editor's draft is a clear 403.
import type { Core } from '@strapi/strapi';
import { getService } from '../services';
import { appendRouteMiddleware, contentManagerRoutes } from '../../strapi-internals/content-manager';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

export const guardPreviewRoute = (strapi: Core.Strapi) => {
  const check = async (ctx: KoaContext, next: () => Promise<unknown>) => {
    await getService(strapi, 'preview').versionFor(String(ctx.params?.contentType ?? ''), ctx.query, ctx.state.userAbility);
    return next();
  };
  for (const route of contentManagerRoutes(strapi)) {
    if (route.handler !== 'preview.getPreviewUrl') continue;
    appendRouteMiddleware(route, check);
  }
};
