// The reader: a small static front end that uses only the public REST API, the click
// endpoint and the feeds, as any front end of this CMS would. No framework, nothing
// loaded from outside. All text from the API is set with textContent (never innerHTML).
// The router: which page a path is; each page is a module under pages/.
import { locale } from './i18n.js';
import { api } from './api.js';
import { h, render, notFound } from './dom.js';
import { setupHeader } from './header.js';
import { homePage } from './pages/home.js';
import { channelPage } from './pages/channel.js';
import { articlePage, previewPage } from './pages/article.js';
import { commendationPage } from './pages/commendation.js';
import { searchPage } from './pages/search.js';

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
  else if (section === 'search' && !slug) await searchPage(channels);
  else if (section === 'preview' && !slug) await previewPage();
  else notFound();
  document.body.dataset.ready = 'true';
};

start().catch((error) => {
  render(h('p', { class: 'notice', role: 'alert', text: `${error.message}` }));
  document.body.dataset.ready = 'error';
});
