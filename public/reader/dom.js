// Building the page: elements (text only, never innerHTML), lists, breadcrumbs, pager.
import { params, t, withLocale, formatTime } from './i18n.js';

export const h = (tag, attrs = {}, ...children) => {
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

const main = document.getElementById('main');
export const render = (...nodes) => {
  main.replaceChildren(...nodes.filter((node) => node !== null && node !== undefined));
};
export const setTitle = (text) => {
  document.title = text ? `${text} · ${t.siteName}` : t.siteName;
};

export const breadcrumb = (items, extra) =>
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

export const articleList = (articles, { withCount = false } = {}) =>
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

/** Previous / page n of m / next, for a list at `path` (?page=n, after any query `path` has). */
export const pager = (page, pageCount, path) => {
  const at = (n) => withLocale(`${path}${path.includes('?') ? '&' : '?'}page=${n}`);
  return h(
    'nav',
    { class: 'pager', 'aria-label': t.page(page, Math.max(1, pageCount)) },
    page > 1 ? h('a', { href: at(page - 1), rel: 'prev', text: t.previous }) : null,
    h('span', { text: t.page(page, Math.max(1, pageCount)) }),
    page < pageCount ? h('a', { href: at(page + 1), rel: 'next', text: t.next }) : null
  );
};

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** A search snippet (escaped text with <mark>) as text nodes and <mark> elements: never innerHTML. */
export const marked = (snippet) =>
  snippet
    .split(/(<mark>.*?<\/mark>)/)
    .filter(Boolean)
    .map((part) => {
      const text = part.replace(/^<mark>|<\/mark>$/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
      return part.startsWith('<mark>') ? h('mark', { text }) : document.createTextNode(text);
    });

export const currentPage = () => Math.max(1, Number(params.get('page')) || 1);

export const notFound = (kind = 'page') => {
  setTitle('');
  render(h('h1', { text: t.notFound[kind] }), h('p', {}, h('a', { href: withLocale('/'), text: t.home })));
};
