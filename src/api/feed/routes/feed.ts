// The feeds the types declare (src/api/<name>/newsroom.ts `feed`): site-wide at
// /feeds/<name>.<format>, and per channel (sub-channels included) for the type that serves them.
import { typesWith } from '../../../utils/type-settings';

const formats = ['rss', 'atom', 'json'] as const;

export default {
  routes: formats.flatMap((format) => [
    ...typesWith('feed').map(({ feed }) => ({ method: 'GET', path: `/feeds/${feed.name}.${format}`, handler: `api::feed.feed.${format}` })),
    { method: 'GET', path: `/channels/:slug/feed.${format}`, handler: `api::feed.feed.${format}` },
  ]),
};
