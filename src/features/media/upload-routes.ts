// Two admin routes of the upload plugin that the project bounds before Strapi's handler runs
// (#27, attacker review of finding 1):
// - POST /upload/actions/upload-from-urls makes the server download any URL an editor
//   names (any role that may upload, 撰稿 included). Strapi looks the host up once and
//   checks a blocklist, then follows redirects unchecked; 0.0.0.0, [::], DNS rebinding and
//   100.64/10 reach this host's and the agency's internal services. Off unless
//   UPLOAD_FROM_URLS=true (docs/operations.md): a 403 in Strapi's error shape, nothing
//   fetched or stored. The media library's “从网址导入” then fails with that message.
// - POST /upload/actions/bulk-update: at most BULK_UPDATE_MAX files per request (400), so
//   one request cannot make the server copy files without end.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { uploadRoutes } from '../../strapi-internals/upload';
import { forbiddenWithMessage } from '../../strapi-internals/errors';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

export const BULK_UPDATE_MAX = 100;

/** Whether the server may download files from URLs editors name (UPLOAD_FROM_URLS=true). */
export const uploadFromUrlsEnabled = () => process.env.UPLOAD_FROM_URLS === 'true';

const refuseUploadFromUrls = async (_ctx: KoaContext, next: () => Promise<unknown>) => {
  if (!uploadFromUrlsEnabled()) {
    // A PolicyError: Strapi's router answers any other ForbiddenError with a bare "Forbidden".
    throw forbiddenWithMessage(
      '本站未开启从网址导入文件；请先下载到本地再上传（Uploading from URLs is disabled on this server: UPLOAD_FROM_URLS）'
    );
  }
  return next();
};

const capBulkUpdate = async (ctx: KoaContext, next: () => Promise<unknown>) => {
  const updates = (ctx.request as { body?: { updates?: unknown } }).body?.updates;
  if (Array.isArray(updates) && updates.length > BULK_UPDATE_MAX) {
    throw new errors.ValidationError(
      `一次最多修改 ${BULK_UPDATE_MAX} 个文件，本次 ${updates.length} 个；请分批修改（At most ${BULK_UPDATE_MAX} files per bulk update）`,
      { max: BULK_UPDATE_MAX, given: updates.length }
    );
  }
  return next();
};

const GUARDS: Record<string, (ctx: KoaContext, next: () => Promise<unknown>) => Promise<unknown>> = {
  'admin-upload.uploadFromUrls': refuseUploadFromUrls,
  'admin-upload.bulkUpdateFileInfo': capBulkUpdate,
};

/** At register: each guarded route gets its check; a route Strapi renamed fails the start loudly. */
export const guardUploadRoutes = (strapi: Core.Strapi) => {
  const found = new Set<string>();
  for (const route of uploadRoutes(strapi)) {
    const guard = typeof route.handler === 'string' ? GUARDS[route.handler] : undefined;
    if (!guard) continue;
    found.add(route.handler as string);
    route.config = { ...route.config, middlewares: [guard, ...(route.config?.middlewares ?? [])] };
  }
  const missing = Object.keys(GUARDS).filter((handler) => !found.has(handler));
  if (missing.length) {
    throw new Error(
      `[media] upload routes not found (${missing.join(', ')}): src/features/media/upload-routes.ts needs updating for this Strapi`
    );
  }
};
