// 站内搜索: results of /api/search with the matched words highlighted, a channel filter,
// relevance or date order, and paging. The query stays in the URL (?q=…&channel=…).
import { locale, params, t, withLocale, formatTime } from '../i18n.js';
import { h, render, setTitle, marked, pager, currentPage } from '../dom.js';

export const searchPage = async (channels) => {
  const q = (params.get('q') ?? '').trim();
  const channel = params.get('channel') ?? '';
  const sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  const page = currentPage();
  document.getElementById('site-search-q').value = q;
  setTitle(q ? t.searchTitle(q) : t.siteSearch);
  const filters = h(
    'form',
    { class: 'search-filters', action: '/search', method: 'get' },
    h('input', { type: 'hidden', name: 'q', value: q }),
    locale === 'zh-Hans' ? null : h('input', { type: 'hidden', name: 'locale', value: locale }),
    h('label', { for: 'search-channel', text: t.channel }),
    h(
      'select',
      { id: 'search-channel', name: 'channel', onchange: (event) => event.target.form.submit() },
      h('option', { value: '', text: t.allChannels }),
      channels.filter((c) => c.parent).map((c) => h('option', { value: c.slug, selected: c.slug === channel, text: c.name }))
    ),
    h(
      'select',
      { name: 'sort', 'aria-label': t.sortRelevance, onchange: (event) => event.target.form.submit() },
      h('option', { value: 'relevance', selected: sort === 'relevance', text: t.sortRelevance }),
      h('option', { value: 'date', selected: sort === 'date', text: t.sortDate })
    )
  );
  if (!q) return render(h('h1', { text: t.siteSearch }), filters);
  const url = new URL('/api/search', location.origin);
  for (const [key, value] of Object.entries({ q, locale, channel, sort, page, pageSize: 10 })) if (value) url.searchParams.set(key, value);
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok)
    return render(
      h('h1', { text: t.searchTitle(q) }),
      filters,
      h('p', { class: 'notice', role: 'alert', text: body.error?.message ?? res.status })
    );
  const { data, meta } = body;
  const path = `/search?q=${encodeURIComponent(q)}${channel ? `&channel=${encodeURIComponent(channel)}` : ''}${sort === 'date' ? '&sort=date' : ''}`;
  render(
    h('h1', { text: t.searchTitle(q) }),
    filters,
    h('p', { class: 'search-count', role: 'status', text: data.length ? t.searchCount(meta.pagination.total) : t.searchNone }),
    h(
      'ol',
      { class: 'search-results' },
      data.map((hit) =>
        h(
          'li',
          {},
          h('a', { href: withLocale(`/articles/${hit.slug}`), text: hit.subtitle ? `${hit.title}——${hit.subtitle}` : hit.title }),
          h('p', { class: 'snippet' }, marked(hit.snippet)),
          h(
            'p',
            { class: 'meta' },
            hit.channel ? `${hit.channel.name} · ` : '',
            h('time', { datetime: hit.publishDate, text: hit.publishDate ? formatTime(hit.publishDate).slice(0, 10) : '' })
          )
        )
      )
    ),
    meta.pagination.pageCount > 1 ? pager(page, meta.pagination.pageCount, path) : null
  );
};
