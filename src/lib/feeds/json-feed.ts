// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). Control characters are dropped
// here too, so every format carries the same text.
import { cleanText, type Feed } from './model';

export const renderJsonFeed = (feed: Feed): string =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: cleanText(feed.title),
    home_page_url: feed.siteUrl,
    feed_url: feed.selfUrl,
    description: cleanText(feed.description),
    language: feed.language,
    authors: [{ name: cleanText(feed.author) }],
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.link,
      title: cleanText(item.title),
      ...(item.summary ? { summary: cleanText(item.summary) } : {}),
      content_html: cleanText(item.html),
      date_published: item.published.toISOString(),
      date_modified: item.updated.toISOString(),
      ...(item.author ? { authors: [{ name: cleanText(item.author) }] } : {}),
      ...(item.category ? { tags: [cleanText(item.category.label)] } : {}),
      ...(item.image
        ? {
            image: item.image.url,
            attachments: [{ url: item.image.url, mime_type: item.image.type, size_in_bytes: item.image.length }],
          }
        : {}),
    })),
  });
