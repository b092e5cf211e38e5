// Click counts (点击率). Loaded before the core router, so /articles/popular is not
// taken for a documentId. POST is normally answered earlier by the click fast path
// (src/features/clicks/fast-path.ts); this route serves it through the full stack
// when the fast path steps aside (authenticated caller, CLICK_FAST_PATH=false).
export default {
  routes: [
    {
      method: 'POST',
      path: '/articles/:documentId/clicks',
      handler: 'api::article.article.registerClick',
    },
    {
      method: 'GET',
      path: '/articles/:documentId/clicks',
      handler: 'api::article.article.clickStats',
    },
    {
      method: 'GET',
      path: '/articles/popular',
      handler: 'api::article.article.popular',
    },
    // An article page by its URL, without a filter array (not a click route, but it too
    // must come before the core router's /articles/:documentId).
    {
      method: 'GET',
      path: '/articles/by-slug/:slug',
      handler: 'api::article.article.bySlug',
    },
    // The reader's /preview page (src/features/preview/controller.ts). Not a public draft
    // route: the signed, short-lived token in the Authorization header is the credential.
    {
      method: 'GET',
      path: '/articles/preview',
      handler: 'api::article.preview.read',
      config: { auth: false },
    },
  ],
};
