import type { Core } from '@strapi/strapi';

// What an upload may cost (src/features/media/upload-limits.ts). Names are part of the operator
// contract (docs/operations.md).
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** The largest image taken, in pixels (all frames of an animation); larger ones are refused before decoding. */
  maxPixels: env.int('UPLOAD_MAX_PIXELS', 50_000_000),
  /** Uploads with images processed at once, per instance (each decodes whole images). */
  concurrency: env.int('UPLOAD_IMAGE_CONCURRENCY', 1),
  /** Uploads with images waiting for their turn; past this they answer 503 with Retry-After. */
  queue: env.int('UPLOAD_IMAGE_QUEUE', 8),
});
