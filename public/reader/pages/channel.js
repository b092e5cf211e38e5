// A channel and its sub-channels: their articles, newest first, with paging.
import { PAGE_SIZE, locale } from '../i18n.js';
import { api, articleListQuery } from '../api.js';
import { h, render, setTitle, breadcrumb, articleList, pager, currentPage, notFound } from '../dom.js';

export const channelPage = async (slug, channels) => {
  const channel = channels.find((c) => c.slug === slug);
  if (!channel) return notFound('channel');
  // The channel and its sub-channels.
  const ids = [channel.documentId];
  for (let i = 0; i < ids.length; i += 1) for (const c of channels) if (c.parent?.documentId === ids[i]) ids.push(c.documentId);
  const page = currentPage();
  const query = articleListQuery(locale, page, PAGE_SIZE);
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
