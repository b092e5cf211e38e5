/**
 * Preview: an editor opens a draft in the reader with a signed, short-lived token; the
 * token shows that draft only, and nothing of it is cached.
 */
import type { Feature } from '../../utils/feature';
import createPreviewService from './service';
import createPreviewController from './controller';
import { guardPreviewRoute } from './guard-route';

export type { PreviewService } from './service';

export const previewFeature: Feature = {
  name: 'preview',
  promise: 'a draft is seen only by who holds its preview token',
  services: { 'api::article.preview': createPreviewService },
  // GET /api/articles/preview (its route is declared in src/api/article/routes/01-clicks.ts).
  controllers: { 'api::article.preview': createPreviewController },
  register: guardPreviewRoute,
};
