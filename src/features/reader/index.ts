/**
 * The bundled reader: a plain news site served by this app at `/`, reading the public API.
 */
import type { Feature } from '../../utils/feature';
import readerRoutes from './reader-routes';

export { createReader } from './service';
export { createArticleReads, DEFAULT_POPULATE, type ReadRequest } from './article-reads';

export const readerFeature: Feature = {
  name: 'reader',
  promise: 'a site to read the news on, with nothing to set up',
  middlewares: { 'reader-routes': readerRoutes },
};
