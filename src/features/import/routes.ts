// 识别引语 behind admin authentication (controller.ts; the service is quote-proposals.ts),
// for editors who may edit articles and create 讲话摘录 in the content manager, checked by
// the service on the article itself:
//   POST /admin/newsroom/quotes/propose   the quotes found in the article's draft
//   POST /admin/newsroom/quotes/accept    those accepted, made into 讲话摘录 of the article
import type { AdminRoute } from '../../utils/feature';

export const QUOTES_CONTROLLER = 'api::article.quotes-admin';

const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };

export const quoteRoutes: AdminRoute[] = [
  { method: 'POST', path: '/newsroom/quotes/propose', handler: `${QUOTES_CONTROLLER}.propose`, config: authenticated },
  { method: 'POST', path: '/newsroom/quotes/accept', handler: `${QUOTES_CONTROLLER}.accept`, config: authenticated },
];
