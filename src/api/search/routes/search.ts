// The public may search (the permission is granted by src/features/public-api/permissions.ts).
export default {
  routes: [{ method: 'GET', path: '/search', handler: 'api::search.search.find' }],
};
