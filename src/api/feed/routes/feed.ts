// Site-wide and per-channel (sub-channels included) feeds of published articles.
const formats = ['rss', 'atom', 'json'] as const;

export default {
  routes: formats.flatMap((format) => [
    { method: 'GET', path: `/feeds/articles.${format}`, handler: `api::feed.feed.${format}` },
    { method: 'GET', path: `/channels/:slug/feed.${format}`, handler: `api::feed.feed.${format}` },
  ]),
};
