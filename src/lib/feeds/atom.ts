// Atom 1.0 (RFC 4287).
import { XMLBuilder } from 'fast-xml-parser';
import { cleanText, type Feed } from './model';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });

export const renderAtom = (feed: Feed): string =>
  builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': feed.language,
      id: feed.id,
      title: { '#text': cleanText(feed.title), '@_type': 'text' },
      subtitle: { '#text': cleanText(feed.description), '@_type': 'text' },
      updated: feed.updated.toISOString(),
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': feed.selfUrl },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': feed.siteUrl },
      ],
      author: { name: cleanText(feed.author) },
      generator: feed.generator,
      entry: feed.items.map((item) => ({
        id: item.id,
        title: { '#text': cleanText(item.title), '@_type': 'text' },
        link: [
          { '@_rel': 'alternate', '@_type': 'text/html', '@_href': item.link },
          ...(item.image
            ? [{ '@_rel': 'enclosure', '@_type': item.image.type, '@_length': String(item.image.length), '@_href': item.image.url }]
            : []),
        ],
        published: item.published.toISOString(),
        updated: item.updated.toISOString(),
        ...(item.author ? { author: { name: cleanText(item.author) } } : {}),
        ...(item.category ? { category: { '@_term': item.category.term, '@_label': cleanText(item.category.label) } } : {}),
        ...(item.summary ? { summary: { '#text': cleanText(item.summary), '@_type': 'text' } } : {}),
        content: { '#text': cleanText(item.html), '@_type': 'html' },
      })),
    },
  });
