// RSS 2.0 (with atom:link self, content:encoded and dc:creator, as the W3C validator expects).
import { XMLBuilder } from 'fast-xml-parser';
import { cleanText, textAsHtml, type Feed } from './model';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });

/** RSS's language element takes the RFC 1766 codes of its day: zh-Hans is written zh-cn. */
const rssLanguage = (tag: string) => (/^zh(-hans|-cn)?$/i.test(tag) ? 'zh-cn' : /^zh-(hant|tw)$/i.test(tag) ? 'zh-tw' : tag.toLowerCase());

export const renderRss = (feed: Feed): string =>
  builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      channel: {
        title: cleanText(feed.title),
        link: feed.siteUrl,
        description: textAsHtml(feed.description),
        language: rssLanguage(feed.language),
        lastBuildDate: feed.updated.toUTCString(),
        generator: feed.generator,
        docs: 'https://www.rssboard.org/rss-specification',
        'atom:link': { '@_href': feed.selfUrl, '@_rel': 'self', '@_type': 'application/rss+xml' },
        item: feed.items.map((item) => ({
          title: cleanText(item.title),
          link: item.link,
          guid: { '#text': item.id, '@_isPermaLink': 'false' },
          pubDate: item.published.toUTCString(),
          ...(item.summary ? { description: textAsHtml(item.summary) } : {}),
          'content:encoded': cleanText(item.html),
          ...(item.author ? { 'dc:creator': cleanText(item.author) } : {}),
          ...(item.category ? { category: cleanText(item.category.label) } : {}),
          ...(item.image
            ? { enclosure: { '@_url': item.image.url, '@_length': String(item.image.length), '@_type': item.image.type } }
            : {}),
        })),
      },
    },
  });
