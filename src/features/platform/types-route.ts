// GET /admin/newsroom/types: the registry's public facts (src/utils/type-settings.ts), so
// the admin panels read which types are reviewed, inspected, fed and what they are called
// from one place instead of keeping copies. Any signed-in administrator may read it: it
// holds nothing the content manager does not show.
import type { Core, UID } from '@strapi/strapi';
import { contentTypeSchema } from '../../strapi-internals/schemas';
import type { AdminRoute } from '../../utils/feature';
import { allTypeSettings, reviewModeOf, type ReviewMode } from '../../utils/type-settings';

/** One type as the admin panels see it (src/admin/useTypes.ts mirrors it). */
export type PublicTypeFacts = {
  uid: UID.ContentType;
  labels: { zh: string; en: string } | null;
  review: ReviewMode;
  inspected: boolean;
  feed: { name: string; channels: boolean } | null;
  /** Has draft & publish, so it keeps 版本记录 (src/features/versions). */
  versioned: boolean;
};

export const publicTypeFacts = (strapi: Core.Strapi): PublicTypeFacts[] =>
  allTypeSettings().map((settings) => ({
    uid: settings.uid,
    labels: settings.labels ?? null,
    review: reviewModeOf(settings.uid),
    inspected: Boolean(settings.inspect),
    feed: settings.feed ? { name: settings.feed.name, channels: Boolean(settings.feed.channels) } : null,
    versioned: contentTypeSchema(strapi, settings.uid)?.options?.draftAndPublish !== false,
  }));

export const TYPES_CONTROLLER = 'api::newsroom.types-admin';

/** The controller: nothing to validate, one call, the answer. */
export const typesAdminController = ({ strapi }: { strapi: Core.Strapi }) => ({
  list(ctx: { body: unknown }) {
    ctx.body = { data: publicTypeFacts(strapi) };
  },
});

export const typesRoutes: AdminRoute[] = [
  { method: 'GET', path: '/newsroom/types', handler: `${TYPES_CONTROLLER}.list`, config: { policies: ['admin::isAuthenticatedAdmin'] } },
];
