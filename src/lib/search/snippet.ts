import { CJK } from './tokenize';
import { escapeRegExp } from '../text';

// The excerpt a search result shows: text around the first match, every matched word
// wrapped in <mark>, everything else HTML-escaped.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

export const snippet = (text: string, words: string[], length = 120): string => {
  const plain = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(plain);
  const pattern = words.length
    ? new RegExp(
        [...words]
          .sort((a, b) => b.length - a.length)
          // Chinese is matched inside words (that is how it is searched); other scripts
          // as whole words, so `a` does not mark every letter a.
          .map((word) => (CJK.test(word) ? escapeRegExp(word) : `(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`))
          .join('|'),
        'giu'
      )
    : null;
  // Where the first match starts, counted in characters (not UTF-16 units).
  let first = 0;
  const found = pattern ? pattern.exec(plain) : null;
  if (found) first = Array.from(plain.slice(0, found.index)).length;
  const start = Math.max(0, Math.min(first - Math.floor(length / 4), chars.length - length));
  const end = Math.min(chars.length, start + length);
  const window = chars.slice(start, end).join('');
  let html = '';
  let last = 0;
  if (pattern) {
    pattern.lastIndex = 0;
    for (const match of window.matchAll(pattern)) {
      html += escapeHtml(window.slice(last, match.index)) + `<mark>${escapeHtml(match[0])}</mark>`;
      last = (match.index ?? 0) + match[0].length;
    }
  }
  html += escapeHtml(window.slice(last));
  return `${start > 0 ? '…' : ''}${html}${end < chars.length ? '…' : ''}`;
};

/** The plain text of Strapi blocks (paragraphs, headings, lists, quotes, links), one line per block. */
export const blocksText = (blocks: unknown): string => {
  const lines: string[] = [];
  const walk = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const { text, children } = node as { text?: unknown; children?: unknown };
    if (typeof text === 'string') return text;
    return Array.isArray(children) ? children.map(walk).join('') : '';
  };
  if (Array.isArray(blocks)) for (const block of blocks) lines.push(walk(block));
  return lines.filter(Boolean).join('\n');
};
