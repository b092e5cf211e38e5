// What one upload may cost the server (issue #27, finding 14). A 995 KB PNG declaring
// 16000×16000 pixels took 26 s and 1.2 GB to process, three at once 4 GB: sharp decodes
// whole images (Strapi checks each with stats(), then optimizes, makes a thumbnail and
// three sizes). So, before anything decodes an image:
// - its header alone (sharp's metadata(), which reads no pixels) is checked against
//   UPLOAD_MAX_PIXELS: a larger image is refused with a 413 in Strapi's error shape;
// - uploads with images take turns: UPLOAD_IMAGE_CONCURRENCY at once per instance,
//   UPLOAD_IMAGE_QUEUE waiting, and the rest answer 503 with Retry-After
//   (src/features/media/middlewares/upload-busy.ts).
//
// Why the upload service, not a middleware on POST /upload: every way a file comes in
// ends in the service's `upload` or `replace` — the admin's POST /upload (new, and replace
// with ?id=), POST /upload/files, POST /upload/files/:id/replace, POST
// /upload/actions/upload-from-urls (whose files the server downloads itself, never in
// ctx.request.files), the content API's POST /api/upload (?id= too), and the importer
// (npm run import), which calls the service directly. Only `upload` and `replace` are
// wrapped, each around whatever is there when this runs (register), so another wrapper
// of `replace` (copy-on-write of published files) composes with it; the turn is held once
// per call chain, so a wrapper calling `upload` from `replace` does not wait for itself.
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { Sema } from 'async-sema';
import sharp from 'sharp';
import { checkPixels, retryAfterSeconds, type ImageHeader } from '../../lib/upload-limits';
import { uploadService } from '../../strapi-internals/upload';

type Config = { maxPixels: number; concurrency: number; queue: number };

/** A file as the upload service receives it (formidable's, or the importer's). */
type IncomingFile = { filepath?: string; originalFilename?: string | null; name?: string };
type UploadService = {
  upload: (input: { data: unknown; files: IncomingFile | IncomingFile[] }, options?: unknown) => Promise<unknown>;
  replace: (id: unknown, input: { data: unknown; file: IncomingFile }, options?: unknown) => Promise<unknown>;
};

/** Too many uploads with images wait already: answered 503 with Retry-After (src/features/media/middlewares/upload-busy.ts). */
export class UploadsBusy extends Error {
  constructor(readonly retryAfter: number) {
    super(
      `正在处理其他图片，排队已满：请 ${retryAfter} 秒后重试，未保存任何内容` +
        '（Too many images are being processed: try again shortly; nothing was saved）'
    );
    this.name = 'UploadsBusy';
  }
}

/** The header of an image file; null for anything sharp cannot read as an image (a PDF). */
const headerOf = async (file: IncomingFile): Promise<ImageHeader | null> => {
  if (!file?.filepath) return null;
  try {
    // Without sharp's own limit (268 MP), which makes metadata() throw and Strapi then keep
    // the file unprocessed, as if it were no image.
    const { width, height, pages, pageHeight } = await sharp(file.filepath, { limitInputPixels: false }).metadata();
    return width && height ? { width, height, pages, pageHeight } : null;
  } catch {
    return null; // not an image: Strapi's own checks decide
  }
};

const fileName = (file: IncomingFile) => file.originalFilename ?? file.name ?? 'image';

/**
 * Refuses the first image over the limit with a 413 (PayloadTooLargeError) naming it;
 * resolves to whether any file is an image. Reads headers only.
 */
export const checkImageFiles = async (strapi: Core.Strapi, files: IncomingFile[]) => {
  const { maxPixels } = strapi.config.get('upload-limits') as Config;
  let images = 0;
  for (const file of files) {
    const header = await headerOf(file);
    if (!header) continue;
    images += 1;
    const refusal = checkPixels(fileName(file), header, maxPixels);
    if (refusal) throw new errors.PayloadTooLargeError(refusal.message, refusal.details);
  }
  return images > 0;
};

export const limitUploads = (strapi: Core.Strapi) => {
  const config = () => strapi.config.get('upload-limits') as Config;
  let turns: Sema | null = null;
  /** Set while a call chain holds a turn. */
  const holding = new AsyncLocalStorage<true>();
  let averageMs: number | null = null;

  const limited = async <T>(files: IncomingFile[], work: () => Promise<T>): Promise<T> => {
    const hasImages = await checkImageFiles(strapi, files);
    if (!hasImages || holding.getStore()) return work();
    turns ??= new Sema(Math.max(1, config().concurrency));
    const waiting = turns.nrWaiting();
    if (waiting >= config().queue) throw new UploadsBusy(retryAfterSeconds(waiting, averageMs));
    await turns.acquire();
    const started = Date.now();
    try {
      return await holding.run(true, work);
    } finally {
      const took = Date.now() - started;
      averageMs = averageMs === null ? took : averageMs * 0.7 + took * 0.3;
      turns.release();
    }
  };

  const service = uploadService<UploadService>(strapi);
  const upload = service.upload;
  const replace = service.replace;
  service.upload = (input, options) => limited([input.files].flat(), () => upload(input, options));
  service.replace = (id, input, options) => limited([input.file], () => replace(id, input, options));
};
