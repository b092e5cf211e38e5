// Home: latest articles with paging, most read, commendations.
import { PAGE_SIZE, locale, t, withLocale } from '../i18n.js';
import { api, articleListQuery } from '../api.js';
import { h, render, setTitle, articleList, pager, currentPage } from '../dom.js';

export const homePage = async () => {
  const page = currentPage();
  const [latest, popularMonth, commendations] = await Promise.all([
    api('/api/articles', articleListQuery(locale, page, PAGE_SIZE)),
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
