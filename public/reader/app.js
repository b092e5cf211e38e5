// The reader: a small static front end that uses only the public REST API, the click
// endpoint and the feeds, as any front end of this CMS would. No framework, nothing
// loaded from outside. All text from the API is set with textContent (never innerHTML).

const DEFAULT_LOCALE = 'zh-Hans';
const LOCALES = ['zh-Hans', 'en'];
const PAGE_SIZE = 10;

const TEXT = {
  'zh-Hans': {
    siteName: '浙江省机关事务管理局',
    footer: '浙江省机关事务管理局 版权所有',
    here: '当前位置',
    home: '首页',
    latest: '最新动态',
    popular: '点击排行',
    commendations: '表彰名单',
    source: '来源',
    published: '发布时间',
    clicks: '点击率',
    quotes: '讲话摘录',
    units: '先进集体',
    individuals: '先进个人',
    mentioned: '文中提及的受表彰者',
    feeds: '订阅',
    previous: '上一页',
    next: '下一页',
    page: (n, total) => `第 ${n} / ${total} 页`,
    largeText: '适老化 大字号',
    notFound: {
      article: '没有找到这篇文章。',
      channel: '没有找到这个栏目。',
      commendation: '没有找到这项表彰。',
      page: '没有找到这个页面。',
    },
    noTranslation: '本文暂无中文版本，以下为原文。',
    city: '地市',
    allCities: '全部地市',
    search: '按名称搜索',
    name: '名称',
    region: '地区',
    organization: '单位',
    position: '职务',
    none: '暂无',
    quota: (units, individuals) => `表彰先进集体 ${units} 个、先进个人 ${individuals} 名`,
    conferredBy: '表彰单位',
    channel: '栏目',
  },
  en: {
    siteName: 'Zhejiang Provincial Government Offices Administration',
    footer: 'Zhejiang Provincial Government Offices Administration',
    here: 'You are here',
    home: 'Home',
    latest: 'Latest news',
    popular: 'Most read',
    commendations: 'Commendations',
    source: 'Source',
    published: 'Published',
    clicks: 'Views',
    quotes: 'Quotes',
    units: 'Advanced collectives',
    individuals: 'Advanced individuals',
    mentioned: 'Commended in this article',
    feeds: 'Subscribe',
    previous: 'Previous',
    next: 'Next',
    page: (n, total) => `Page ${n} of ${total}`,
    largeText: 'Large text',
    notFound: {
      article: 'This article could not be found.',
      channel: 'This channel could not be found.',
      commendation: 'This commendation could not be found.',
      page: 'This page could not be found.',
    },
    noTranslation: 'This article is not available in English yet; the Chinese original is shown below.',
    city: 'City',
    allCities: 'All cities',
    search: 'Search by name',
    name: 'Name',
    region: 'Region',
    organization: 'Organization',
    position: 'Position',
    none: 'None',
    quota: (units, individuals) => `${units} advanced collectives and ${individuals} advanced individuals commended`,
    conferredBy: 'Conferred by',
    channel: 'Channel',
  },
};

// ---- state: locale and large-text mode, both remembered ---------------------------

const params = new URLSearchParams(location.search);
const locale = LOCALES.includes(params.get('locale'))
  ? params.get('locale')
  : LOCALES.includes(localStorage.getItem('reader-locale'))
    ? localStorage.getItem('reader-locale')
    : DEFAULT_LOCALE;
const t = TEXT[locale];
document.documentElement.lang = locale;

// ---- helpers ----------------------------------------------------------------------

const h = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
};

const api = async (path, query = {}) => {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) url.searchParams.set(key, value);
  const res = await fetch(url);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${res.status} ${url.pathname}`);
  return res.json();
};

const withLocale = (path) => (locale === DEFAULT_LOCALE ? path : `${path}${path.includes('?') ? '&' : '?'}locale=${locale}`);

/** 发布时间 as the agency shows it: YYYY-MM-DD HH:MM, Beijing time. */
const formatTime = (iso) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value])
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
};

const main = document.getElementById('main');
const render = (...nodes) => {
  main.replaceChildren(...nodes.filter((node) => node !== null && node !== undefined));
};
const setTitle = (text) => {
  document.title = text ? `${text} · ${t.siteName}` : t.siteName;
};

// ---- header: language switch, large text, channel tree, feeds ---------------------

const setupHeader = (channels) => {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t[node.dataset.i18n];
  document.querySelector('.skip-link').textContent = locale === 'en' ? 'Skip to content' : '跳到正文';
  for (const button of document.querySelectorAll('.lang-switch button')) {
    const target = button.dataset.locale;
    if (target === locale) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => {
      localStorage.setItem('reader-locale', target);
      const url = new URL(location.href);
      if (target === DEFAULT_LOCALE) url.searchParams.delete('locale');
      else url.searchParams.set('locale', target);
      location.assign(url);
    });
  }
  const toggle = document.getElementById('large-text-toggle');
  const sync = () => {
    const on = document.documentElement.classList.contains('large-text');
    toggle.setAttribute('aria-pressed', String(on));
  };
  toggle.textContent = t.largeText;
  toggle.addEventListener('click', () => {
    const on = document.documentElement.classList.toggle('large-text');
    localStorage.setItem('reader-large-text', on ? 'on' : 'off');
    sync();
  });
  sync();

  // The channel tree, roots first, children nested, by sortOrder.
  const byParent = new Map();
  for (const channel of channels) {
    const key = channel.parent?.documentId ?? null;
    if (!byParent.has(key)) byParent.set(key, []);
    byParent.get(key).push(channel);
  }
  const current = location.pathname.startsWith('/channels/') ? decodeURIComponent(location.pathname.split('/')[2]) : null;
  const tree = (parentId) => {
    const children = (byParent.get(parentId) ?? []).sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
    if (!children.length) return null;
    return h(
      'ul',
      {},
      children.map((channel) =>
        h(
          'li',
          {},
          h('a', {
            href: channel.parent ? withLocale(`/channels/${channel.slug}`) : withLocale('/'),
            'aria-current': channel.slug === current ? 'page' : null,
            text: channel.name,
          }),
          tree(channel.documentId)
        )
      )
    );
  };
  document.getElementById('channel-nav').replaceChildren(tree(null) ?? '');

  const feeds = document.getElementById('feed-links');
  const q = locale === DEFAULT_LOCALE ? '' : `?locale=${locale}`;
  feeds.replaceChildren(
    `${t.feeds}: `,
    h('a', { href: `/api/feeds/articles.rss${q}`, text: 'RSS' }),
    ' · ',
    h('a', { href: `/api/feeds/articles.atom${q}`, text: 'Atom' }),
    ' · ',
    h('a', { href: `/api/feeds/articles.json${q}`, text: 'JSON Feed' })
  );
  // Discovery tags follow the language being read.
  for (const link of document.querySelectorAll('link[rel="alternate"]')) link.href = link.getAttribute('href').split('?')[0] + q;
};

const breadcrumb = (items, extra) =>
  h(
    'nav',
    { class: 'breadcrumb', 'aria-label': t.here },
    `${t.here}:`,
    h(
      'ol',
      {},
      [
        ...items.map((item, i) => h('li', {}, h('a', { href: withLocale(i === 0 ? '/' : `/channels/${item.slug}`), text: item.name }))),
        extra ? h('li', { 'aria-current': 'page', text: extra }) : null,
      ]
        .filter(Boolean)
        // The agency's separator, as text so it reads and copies like the original page.
        .map((li, i) => (i === 0 ? li : (li.prepend(h('span', { class: 'sep', 'aria-hidden': 'true', text: ' >> ' })), li)))
    )
  );

const articleList = (articles, { withCount = false } = {}) =>
  h(
    'ul',
    { class: 'list' },
    articles.map((article) =>
      h(
        'li',
        {},
        h('a', {
          href: withLocale(`/articles/${article.slug}`),
          text: article.subtitle ? `${article.title}——${article.subtitle}` : article.title,
        }),
        withCount
          ? h('span', { class: 'count', text: `${t.clicks} ${article.clickCount}` })
          : h('time', { datetime: article.publishDate, text: article.publishDate ? formatTime(article.publishDate).slice(0, 10) : '' })
      )
    )
  );

/** Previous / page n of m / next, for a list at `path` (?page=n). */
const pager = (page, pageCount, path) =>
  h(
    'nav',
    { class: 'pager', 'aria-label': t.page(page, Math.max(1, pageCount)) },
    page > 1 ? h('a', { href: withLocale(`${path}?page=${page - 1}`), rel: 'prev', text: t.previous }) : null,
    h('span', { text: t.page(page, Math.max(1, pageCount)) }),
    page < pageCount ? h('a', { href: withLocale(`${path}?page=${page + 1}`), rel: 'next', text: t.next }) : null
  );

const currentPage = () => Math.max(1, Number(params.get('page')) || 1);

// ---- pages ------------------------------------------------------------------------

const homePage = async () => {
  const page = currentPage();
  const [latest, popularMonth, commendations] = await Promise.all([
    api('/api/articles', {
      locale,
      'sort[0]': 'publishDate:desc',
      'pagination[page]': page,
      'pagination[pageSize]': PAGE_SIZE,
      'fields[0]': 'title',
      'fields[1]': 'subtitle',
      'fields[2]': 'slug',
      'fields[3]': 'publishDate',
      'populate[channel][fields][0]': 'name',
    }),
    api('/api/articles/popular', { locale, period: 'month', limit: 10 }),
    api('/api/commendations', { locale, 'fields[0]': 'title', 'fields[1]': 'slug', 'sort[0]': 'date:desc' }),
  ]);
  const popular = popularMonth?.data?.length ? popularMonth : await api('/api/articles/popular', { locale, period: 'all', limit: 10 });
  const { pageCount } = latest.meta.pagination;
  setTitle('');
  render(
    h(
      'div',
      { class: 'layout' },
      h(
        'section',
        { 'aria-labelledby': 'latest-heading' },
        h('h1', { id: 'latest-heading', text: t.latest }),
        articleList(latest.data),
        pager(page, pageCount, '/')
      ),
      h(
        'aside',
        {},
        h(
          'section',
          { 'aria-labelledby': 'popular-heading' },
          h('h2', { id: 'popular-heading', text: t.popular }),
          articleList(popular?.data ?? [], { withCount: true })
        ),
        h(
          'section',
          { 'aria-labelledby': 'commendations-heading' },
          h('h2', { id: 'commendations-heading', text: t.commendations }),
          h(
            'ul',
            { class: 'list' },
            commendations.data.map((c) => h('li', {}, h('a', { href: withLocale(`/commendations/${c.slug}`), text: c.title })))
          )
        )
      )
    )
  );
};

const channelPage = async (slug, channels) => {
  const channel = channels.find((c) => c.slug === slug);
  if (!channel) return notFound('channel');
  // The channel and its sub-channels.
  const ids = [channel.documentId];
  for (let i = 0; i < ids.length; i += 1) for (const c of channels) if (c.parent?.documentId === ids[i]) ids.push(c.documentId);
  const page = currentPage();
  const query = {
    locale,
    'sort[0]': 'publishDate:desc',
    'pagination[page]': page,
    'pagination[pageSize]': PAGE_SIZE,
    'fields[0]': 'title',
    'fields[1]': 'subtitle',
    'fields[2]': 'slug',
    'fields[3]': 'publishDate',
    'populate[channel][fields][0]': 'name',
  };
  ids.forEach((id, i) => (query[`filters[channel][documentId][$in][${i}]`] = id));
  const articles = await api('/api/articles', query);
  setTitle(channel.name);
  render(
    breadcrumb(channel.breadcrumb.slice(0, -1), channel.name),
    h('h1', { text: channel.name }),
    articleList(articles.data),
    pager(page, articles.meta.pagination.pageCount, `/channels/${encodeURIComponent(channel.slug)}`)
  );
};

const registerView = async (documentId, articleLocale) => {
  // One view per article per visit; the server also ignores repeats within its window.
  const key = `reader-viewed:${documentId}`;
  if (!sessionStorage.getItem(key)) {
    const res = await fetch(`/api/articles/${documentId}/clicks?locale=${articleLocale}`, { method: 'POST', keepalive: true });
    if (res.status === 202) {
      sessionStorage.setItem(key, '1');
      return (await res.json()).data.total;
    }
  }
  const stats = await api(`/api/articles/${documentId}/clicks`);
  return stats?.data?.total ?? null;
};

const renderBlocks = (blocks) =>
  (blocks ?? []).map((block) => {
    const text = (block.children ?? []).map((child) => child.text ?? (child.children ?? []).map((c) => c.text ?? '').join('')).join('');
    if (block.type === 'heading') return h('h2', { text });
    if (block.type === 'quote') return h('blockquote', {}, h('p', { text }));
    if (block.type === 'list')
      return h(
        block.format === 'ordered' ? 'ol' : 'ul',
        {},
        (block.children ?? []).map((item) => h('li', { text: (item.children ?? []).map((c) => c.text ?? '').join('') }))
      );
    return h('p', { text });
  });

const articlePage = async (slug) => {
  const query = { 'filters[slug][$eq]': slug };
  let fallback = false;
  let result = await api('/api/articles', { ...query, locale });
  let article = result?.data?.[0];
  if (!article && locale !== DEFAULT_LOCALE) {
    result = await api('/api/articles', { ...query, locale: DEFAULT_LOCALE });
    article = result?.data?.[0];
    fallback = Boolean(article);
  }
  if (!article) return notFound('article');
  const fullTitle = article.subtitle ? `${article.title}——${article.subtitle}` : article.title;
  setTitle(fullTitle);
  const clicks = h('dd', { id: 'click-count', text: '…' });
  const quotes = article.quotes ?? [];
  const units = article.commendedUnits ?? [];
  const people = article.commendedIndividuals ?? [];
  render(
    breadcrumb(article.breadcrumb ?? [], null),
    fallback ? h('p', { class: 'notice', role: 'note', text: t.noTranslation }) : null,
    h(
      'article',
      { lang: article.locale },
      h('h1', { text: article.title }),
      article.subtitle ? h('p', { class: 'subtitle', text: `——${article.subtitle}` }) : null,
      h(
        'dl',
        { class: 'meta' },
        article.source ? h('div', {}, h('dt', { text: t.source }), h('dd', { text: article.source })) : null,
        article.publishDate
          ? h(
              'div',
              {},
              h('dt', { text: t.published }),
              h('dd', {}, h('time', { datetime: article.publishDate, text: formatTime(article.publishDate) }))
            )
          : null,
        h('div', {}, h('dt', { text: t.clicks }), clicks)
      ),
      h('div', { class: 'article-body' }, renderBlocks(article.body)),
      quotes.length
        ? h(
            'section',
            { class: 'quotes', 'aria-labelledby': 'quotes-heading' },
            h('h2', { id: 'quotes-heading', text: t.quotes }),
            quotes.map((quote) =>
              h(
                'figure',
                {},
                h('blockquote', {}, h('p', { text: `“${quote.text}”` })),
                h(
                  'figcaption',
                  {},
                  h('cite', { class: 'speaker-name', text: quote.speakerName }),
                  [quote.speakerOrganization, quote.speakerPosition].filter(Boolean).length
                    ? ` · ${[quote.speakerOrganization, quote.speakerPosition].filter(Boolean).join(' ')}`
                    : ''
                )
              )
            )
          )
        : null,
      units.length || people.length
        ? h(
            'section',
            { 'aria-labelledby': 'mentioned-heading' },
            h('h2', { id: 'mentioned-heading', text: t.mentioned }),
            units.length ? h('h3', { text: t.units }) : null,
            units.length
              ? h(
                  'ul',
                  {},
                  units.map((unit) => h('li', { text: unit.name }))
                )
              : null,
            people.length ? h('h3', { text: t.individuals }) : null,
            people.length
              ? h(
                  'ul',
                  {},
                  people.map((person) => h('li', { text: [person.name, person.organization, person.position].filter(Boolean).join(' · ') }))
                )
              : null
          )
        : null
    )
  );
  const total = await registerView(article.documentId, article.locale);
  clicks.textContent = total === null ? '—' : String(total);
};

const commendationPage = async (slug) => {
  const result = await api('/api/commendations', {
    locale,
    'filters[slug][$eq]': slug,
    'populate[units][fields][0]': 'name',
    'populate[units][fields][1]': 'city',
    'populate[units][fields][2]': 'district',
    'populate[individuals][fields][0]': 'name',
    'populate[individuals][fields][1]': 'organization',
    'populate[individuals][fields][2]': 'position',
    'populate[individuals][fields][3]': 'city',
  });
  const commendation = result?.data?.[0];
  if (!commendation) return notFound('commendation');
  setTitle(commendation.title);
  const units = commendation.units ?? [];
  const people = commendation.individuals ?? [];
  const cities = [...new Set([...units, ...people].map((x) => x.city).filter(Boolean))].sort();
  const city = h(
    'select',
    { id: 'city-filter' },
    h('option', { value: '', text: t.allCities }),
    cities.map((c) => h('option', { value: c, text: c }))
  );
  const search = h('input', { id: 'name-search', type: 'search', autocomplete: 'off' });
  const unitBody = h('tbody');
  const peopleBody = h('tbody');
  const empty = (cols) => h('tr', {}, h('td', { colspan: cols, text: t.none }));
  const update = () => {
    const term = search.value.trim().toLowerCase();
    const keep = (x) => (!city.value || x.city === city.value) && (!term || x.name.toLowerCase().includes(term));
    const shownUnits = units.filter(keep);
    const shownPeople = people.filter(keep);
    unitBody.replaceChildren(
      ...(shownUnits.length
        ? shownUnits.map((u) => h('tr', {}, h('td', { text: u.name }), h('td', { text: [u.city, u.district].filter(Boolean).join(' ') })))
        : [empty(2)])
    );
    peopleBody.replaceChildren(
      ...(shownPeople.length
        ? shownPeople.map((p) =>
            h(
              'tr',
              {},
              h('td', { text: p.name }),
              h('td', { text: p.organization ?? '' }),
              h('td', { text: p.position ?? '' }),
              h('td', { text: p.city ?? '' })
            )
          )
        : [empty(4)])
    );
  };
  city.addEventListener('change', update);
  search.addEventListener('input', update);
  update();
  render(
    breadcrumb([{ name: t.home, slug: '' }], commendation.title),
    h('h1', { text: commendation.title }),
    h(
      'p',
      {},
      commendation.conferredBy ? `${t.conferredBy}: ${commendation.conferredBy}. ` : '',
      commendation.unitQuota || commendation.individualQuota ? t.quota(commendation.unitQuota ?? 0, commendation.individualQuota ?? 0) : ''
    ),
    h(
      'div',
      { class: 'filters', role: 'search' },
      h('div', {}, h('label', { for: 'city-filter', text: t.city }), city),
      h('div', {}, h('label', { for: 'name-search', text: t.search }), search)
    ),
    h('h2', { text: t.units }),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t.name }), h('th', { scope: 'col', text: t.region }))),
      unitBody
    ),
    h('h2', { text: t.individuals }),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t.name, t.organization, t.position, t.city].map((label) => h('th', { scope: 'col', text: label }))
        )
      ),
      peopleBody
    )
  );
};

const notFound = (kind = 'page') => {
  setTitle('');
  render(h('h1', { text: t.notFound[kind] }), h('p', {}, h('a', { href: withLocale('/'), text: t.home })));
};

// ---- router -----------------------------------------------------------------------

const start = async () => {
  const channels = (
    await api('/api/channels', {
      locale,
      'pagination[pageSize]': 100,
      'sort[0]': 'sortOrder:asc',
      'fields[0]': 'name',
      'fields[1]': 'slug',
      'fields[2]': 'sortOrder',
      'populate[parent][fields][0]': 'slug',
    })
  ).data;
  setupHeader(channels);
  const [, section, rawSlug] = location.pathname.split('/');
  const slug = rawSlug ? decodeURIComponent(rawSlug) : null;
  if (!section) await homePage();
  else if (section === 'articles' && slug) await articlePage(slug);
  else if (section === 'channels' && slug) await channelPage(slug, channels);
  else if (section === 'commendations' && slug) await commendationPage(slug);
  else notFound();
  document.body.dataset.ready = 'true';
};

start().catch((error) => {
  render(h('p', { class: 'notice', role: 'alert', text: `${error.message}` }));
  document.body.dataset.ready = 'error';
});
