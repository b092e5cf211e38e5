// An article: breadcrumb, its 信息公开 metadata when it is in the catalogue, source and
// time, its cover with caption, the body, attachments, its quotes, commended units and
// individuals; registers the view.
import { DEFAULT_LOCALE, locale, t, formatTime } from '../i18n.js';
import { api } from '../api.js';
import { h, render, setTitle, breadcrumb, notFound } from '../dom.js';
import { disclosureRows, disclosureTable } from '../disclosure.js';

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

const speakerLine = (quote) => [quote.speakerOrganization, quote.speakerPosition, quote.speakerName].filter(Boolean).join(' ');

/**
 * A paragraph's text with the article's quotes marked where they are said: the quote
 * keeps its place in the text, and its speaker shows on hover or focus (and is read out).
 * `marked` collects the quotes found, so the list below holds only the others.
 */
const withQuotes = (text, quotes, marked) => {
  const parts = [];
  let rest = text;
  for (;;) {
    let best = null;
    for (const quote of quotes) {
      // A quote's words as the text quotes them (“…”), or a long enough passage: a short text would match anywhere.
      const words = (quote.text ?? '').trim();
      if (words.length < 2) continue;
      const quoted = rest.indexOf(`“${words}`);
      const at = quoted >= 0 ? quoted + 1 : words.length >= 8 ? rest.indexOf(words) : -1;
      if (at >= 0 && (!best || at < best.at)) best = { at, quote };
    }
    if (!best) break;
    const { quote } = best;
    // The quotation marks around it belong to the marked span.
    const start = best.at > 0 && rest[best.at - 1] === '“' ? best.at - 1 : best.at;
    const endAt = best.at + quote.text.trim().length;
    const end = rest[endAt] === '”' ? endAt + 1 : endAt;
    if (start > 0) parts.push(rest.slice(0, start));
    parts.push(
      h(
        'q',
        { class: 'speaker-quote', tabindex: '0', 'data-speaker': quote.speakerName },
        rest.slice(start, end),
        h('span', { class: 'speaker-note', text: `（${t.saidBy}${speakerLine(quote)}）` })
      )
    );
    marked.add(quote);
    rest = rest.slice(end);
  }
  if (rest) parts.push(rest);
  return parts;
};

const renderBlocks = (blocks, quotes = [], marked = new Set()) =>
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
    return h('p', {}, ...withQuotes(text, quotes, marked));
  });

/** The cover image with its caption (图片说明), as the agency's pages show a photo. */
const cover = (image) =>
  image
    ? h(
        'figure',
        { class: 'cover' },
        h('img', {
          src: image.url,
          alt: image.alternativeText ?? '',
          width: image.width ?? null,
          height: image.height ?? null,
          decoding: 'async',
        }),
        image.caption ? h('figcaption', { text: image.caption }) : null
      )
    : null;

/** Strapi gives sizes in KB. */
const fileSize = (kb) => (kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(kb))} KB`);

const attachmentList = (files) =>
  files.length
    ? h(
        'section',
        { class: 'attachments', 'aria-labelledby': 'attachments-heading' },
        h('h2', { id: 'attachments-heading', text: t.attachments }),
        h(
          'ul',
          {},
          files.map((file) =>
            h(
              'li',
              {},
              h('a', { href: file.url, text: file.name }),
              ` (${[file.ext?.replace('.', '').toUpperCase(), fileSize(Number(file.size ?? 0))].filter(Boolean).join(', ')})`
            )
          )
        )
      )
    : null;

/**
 * Shows an article. `preview` is set for a version opened by a preview link (the admin's
 * preview button): it is marked as such and registers no view.
 */
const showArticle = async (article, { fallback = false, preview = null } = {}) => {
  const fullTitle = article.subtitle ? `${article.title}——${article.subtitle}` : article.title;
  setTitle(fullTitle);
  const clicks = h('dd', { id: 'click-count', text: '…' });
  const allQuotes = article.quotes ?? [];
  // Quotes are marked in the body where they are said; the list holds those the body does not quote.
  const marked = new Set();
  const body = renderBlocks(article.body, allQuotes, marked);
  const quotes = allQuotes.filter((quote) => !marked.has(quote));
  const units = article.commendedUnits ?? [];
  const people = article.commendedIndividuals ?? [];
  render(
    preview
      ? h('p', {
          class: 'notice preview-notice',
          role: 'status',
          text: [t.previewNotice(preview.status), preview.visibleFrom ? t.previewNotYetVisible(formatTime(preview.visibleFrom)) : null]
            .filter(Boolean)
            .join('；'),
        })
      : null,
    breadcrumb(article.breadcrumb ?? [], null),
    fallback ? h('p', { class: 'notice', role: 'note', text: t.noTranslation }) : null,
    h(
      'article',
      { lang: article.locale },
      disclosureTable(
        h,
        disclosureRows(article.disclosure, article.publishDate, t, (iso) => formatTime(iso).slice(0, 10)),
        t
      ),
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
      cover(article.cover),
      h('div', { class: 'article-body' }, body),
      attachmentList(article.attachments ?? []),
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
  if (preview) {
    clicks.textContent = '—';
    return;
  }
  const total = await registerView(article.documentId, article.locale);
  clicks.textContent = total === null ? '—' : String(total);
};

export const articlePage = async (slug) => {
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
  await showArticle(article, { fallback });
};

/**
 * /preview#<token>: the version a preview link names. The token is in the fragment, which
 * the browser never sends; it goes to the API in the Authorization header. Inside the
 * admin's preview page, each save posts `strapiUpdate` and the draft is read again.
 */
export const previewPage = async () => {
  let token = '';
  try {
    token = decodeURIComponent(location.hash.slice(1));
  } catch {
    token = '';
  }
  const show = async () => {
    const res = token ? await fetch('/api/articles/preview', { headers: { Authorization: `Preview ${token}` }, cache: 'no-store' }) : null;
    if (!res || res.status === 401 || res.status === 403 || res.status === 404) {
      const text = res?.status === 404 ? t.previewGone : res?.status === 403 ? t.previewForbidden : t.previewExpired;
      setTitle(text);
      render(h('p', { class: 'notice', role: 'alert', text }));
      return;
    }
    if (!res.ok) throw new Error(`${res.status} /api/articles/preview`);
    const { data, meta } = await res.json();
    await showArticle(data, { preview: meta.preview });
  };
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== location.origin || event.data?.type !== 'strapiUpdate') return;
    show().catch((error) => render(h('p', { class: 'notice', role: 'alert', text: error.message })));
  });
  await show();
};
