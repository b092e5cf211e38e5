/**
 * Import and 识别引语: old sites' pages become articles, and quotes with named speakers
 * are found in the text and proposed to the editor, not typed by hand.
 */
import type { Feature } from '../../utils/feature';
import createImporter from './service';
import createQuoteProposals from './quote-proposals';
import { registerArticleQuotesAdmin } from './article-quotes-admin';
import createQuotesAdminController from './controller';
import { QUOTES_CONTROLLER, quoteRoutes } from './routes';

export type { ImporterService } from './service';
export type { QuoteProposalsService } from './quote-proposals';

export const importFeature: Feature = {
  name: 'import',
  promise: 'legacy pages are imported whole, and quotes are found, not retyped',
  services: { 'api::article.importer': createImporter, 'api::article.quote-proposals': createQuoteProposals },
  controllers: { [QUOTES_CONTROLLER]: createQuotesAdminController },
  adminRoutes: quoteRoutes,
  register: registerArticleQuotesAdmin,
};
