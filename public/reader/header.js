// The header: language switch, large text, channel tree, feeds.
import { DEFAULT_LOCALE, locale, t, withLocale } from './i18n.js';
import { h } from './dom.js';

export const setupHeader = (channels) => {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t[node.dataset.i18n];
  // The search box keeps the language being read.
  const searchForm = document.getElementById('site-search');
  if (locale !== DEFAULT_LOCALE) searchForm.append(h('input', { type: 'hidden', name: 'locale', value: locale }));
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
