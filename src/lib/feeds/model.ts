// The format-neutral feed that the RSS, Atom and JSON Feed serializers write.

export type FeedImage = { url: string; type: string; length: number };

export type FeedItem = {
  /** Permanent: survives edits and re-publishes (derived from documentId and locale). */
  id: string;
  title: string;
  link: string;
  summary: string | null;
  /** Sanitized HTML of the body. */
  html: string;
  published: Date;
  updated: Date;
  author: string | null;
  category: { term: string; label: string } | null;
  image: FeedImage | null;
};

export type Feed = {
  id: string;
  title: string;
  description: string;
  /** BCP 47 tag of the content (zh-Hans, en). */
  language: string;
  siteUrl: string;
  selfUrl: string;
  updated: Date;
  author: string;
  generator: string;
  items: FeedItem[];
};

// XML 1.0 forbids these code points; they cannot be escaped, only dropped.
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const cleanText = (value: string) => value.replace(INVALID_XML_CHARS, '');

/**
 * Plain text for an element that feed readers render as HTML (RSS's description):
 * escaped once more, so `<img onerror…>` in a summary shows as text, never as markup.
 */
export const textAsHtml = (value: string) =>
  cleanText(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
