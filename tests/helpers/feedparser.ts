// An independent feed parser: Debian's python3-feedparser (installed by .ci/run).
import { execFileSync, spawnSync } from 'child_process';

const PYTHON = '/usr/bin/python3';

const SCRIPT = `
import sys, json, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
def entry(e):
    return {
        'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'),
        'published': e.get('published'),
        'published_parsed': list(e.published_parsed)[:6] if e.get('published_parsed') else None,
        'updated_parsed': list(e.updated_parsed)[:6] if e.get('updated_parsed') else None,
        'summary': e.get('summary'),
        'content': [c.value for c in e.get('content', [])],
        'author': e.get('author'),
        'tags': [t.get('term') for t in e.get('tags', [])],
        'enclosures': [dict(x) for x in e.get('enclosures', [])],
    }
print(json.dumps({
    'bozo': bool(d.bozo), 'bozo_exception': str(d.get('bozo_exception', '')), 'version': d.version,
    'feed': {k: d.feed.get(k) for k in ['title', 'link', 'language', 'subtitle', 'id', 'updated']},
    'links': [dict(l) for l in d.feed.get('links', [])],
    'entries': [entry(e) for e in d.entries],
}, default=str))
`;

export const feedparserAvailable = (() => {
  const probe = spawnSync(PYTHON, ['-c', 'import feedparser'], { encoding: 'utf8' });
  // CI installs it (.ci/run): there, its absence fails the run instead of skipping checks.
  if (probe.status !== 0 && process.env.CI) throw new Error('python3-feedparser is required in CI (apt-get install python3-feedparser)');
  return probe.status === 0;
})();

export type Parsed = {
  bozo: boolean;
  bozo_exception: string;
  version: string;
  feed: Record<string, string | null>;
  links: Array<Record<string, string>>;
  entries: Array<{
    id: string;
    title: string;
    link: string;
    published: string;
    published_parsed: number[] | null;
    updated_parsed: number[] | null;
    summary: string | null;
    content: string[];
    author: string | null;
    tags: string[];
    enclosures: Array<Record<string, string>>;
  }>;
};

export const parseFeed = (body: string): Parsed =>
  JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT], { input: body, encoding: 'utf8' })) as Parsed;
