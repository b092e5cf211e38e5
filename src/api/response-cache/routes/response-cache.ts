// GET /api/response-cache: hit/miss counters and memory of this instance's response cache.
// Not granted to the public role: read it with an API token (Settings → API Tokens).
export default {
  routes: [{ method: 'GET', path: '/response-cache', handler: 'api::response-cache.response-cache.stats' }],
};
