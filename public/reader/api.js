// The public REST API, as any front end reads it.

export const api = async (path, query = {}) => {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) url.searchParams.set(key, value);
  const res = await fetch(url);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${res.status} ${url.pathname}`);
  return res.json();
};

/** One page of an article list, newest first, with what a list shows of each article. */
export const articleListQuery = (locale, page, pageSize) => ({
  locale,
  'sort[0]': 'publishDate:desc',
  'pagination[page]': page,
  'pagination[pageSize]': pageSize,
  'fields[0]': 'title',
  'fields[1]': 'subtitle',
  'fields[2]': 'slug',
  'fields[3]': 'publishDate',
  'populate[channel][fields][0]': 'name',
});
