// Uploads with images take turns (src/features/media/upload-limits.ts); one that finds the
// queue full is answered 503 with Retry-After in Strapi's error shape, not a 500: nothing
// was written, and the same upload passes a little later.
import type { Core } from '@strapi/strapi';
import { UploadsBusy } from '../upload-limits';
import { sendError } from '../../../utils/send-error';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

export default () => async (ctx: KoaContext, next: () => Promise<unknown>) => {
  try {
    await next();
  } catch (error) {
    if (!(error instanceof UploadsBusy)) throw error;
    ctx.set('Retry-After', String(error.retryAfter));
    sendError(ctx, 503, 'ServiceUnavailableError', error.message, { retryAfter: error.retryAfter });
  }
};
