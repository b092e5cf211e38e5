// Which links of an article point into this site: an article of the reader
// (/articles/<slug>) or an uploaded file (/uploads/<name>). Everything else is left alone.

export type LinkTarget = { kind: 'article'; slug: string } | { kind: 'upload'; path: string } | { kind: 'other' };

/** Relative URLs and URLs on one of `hosts` (the news site's and the API's) are internal. */
export const linkTarget = (url: string, hosts: string[]): LinkTarget => {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://relative.invalid');
  } catch {
    return { kind: 'other' };
  }
  const internal = parsed.hostname === 'relative.invalid' || hosts.includes(parsed.host);
  if (!internal || !['http:', 'https:'].includes(parsed.protocol)) return { kind: 'other' };
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'other' };
  }
  const article = /^\/articles\/([^/]+)\/?$/.exec(path);
  if (article) return { kind: 'article', slug: article[1] };
  if (/^\/uploads\/[^/]+$/.test(path) && !path.includes('..')) return { kind: 'upload', path };
  return { kind: 'other' };
};

/** The hosts (host:port) of the configured public URLs. */
export const hostsOf = (urls: Array<string | undefined>) =>
  urls.flatMap((url) => {
    try {
      return url ? [new URL(url).host] : [];
    } catch {
      return [];
    }
  });
