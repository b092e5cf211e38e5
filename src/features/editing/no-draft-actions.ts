// The content manager offers publish, unpublish and discard on every type, but on a type
// without drafts (the rebuild log, rebuild targets) its own code fails with a 500. These
// routes answer a 400 that says why instead, after the admin's authentication and
// permission checks ran as usual.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { appendRouteMiddleware, contentManagerRoutes } from '../../strapi-internals/content-manager';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

/** Content-manager handlers that only mean something for a type with drafts. */
export const DRAFT_HANDLERS: ReadonlySet<string> = new Set([
  'collection-types.publish',
  'collection-types.unpublish',
  'collection-types.discard',
  'collection-types.bulkPublish',
  'collection-types.bulkUnpublish',
  'single-types.publish',
  'single-types.unpublish',
  'single-types.discard',
]);

export const hasDrafts = (contentType: { options?: { draftAndPublish?: boolean } } | undefined) =>
  contentType?.options?.draftAndPublish !== false;

export const refuseDraftActionsWithoutDrafts = (strapi: Core.Strapi) => {
  const refuse = async (ctx: KoaContext, next: () => Promise<unknown>) => {
    const uid = String(ctx.params?.model ?? '');
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as Parameters<typeof hasDrafts>[0];
    if (contentType && !hasDrafts(contentType)) {
      throw new errors.ValidationError(`${uid} has no drafts: there is nothing to publish, unpublish or discard`);
    }
    return next();
  };
  for (const route of contentManagerRoutes(strapi)) {
    if (typeof route.handler !== 'string' || !DRAFT_HANDLERS.has(route.handler)) continue;
    appendRouteMiddleware(route, refuse);
  }
};
