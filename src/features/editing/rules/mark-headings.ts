// Section headings pasted as paragraphs (from Word or the old site: 殷殷嘱托 激励奋进 on a
// line of its own) become 小标题, level-2 heading blocks, on save, as the importer makes
// them: the same test of a line (isHeading in src/lib/legacy-page.ts: short, without a
// sentence's punctuation, not a bare number). More careful than the importer, since an
// editor's body is not a page's lines: only a paragraph of plain text, with a paragraph of
// body text after it (a heading introduces text). So a one-line body, a last line (a
// signature, 责任编辑 …), and runs of short lines (a list of commended units or names)
// stay paragraphs. Only lines new in this save: a line the stored draft already holds (as a
// paragraph or a heading) is left as the editor sends it, so a heading turned back into a
// paragraph stays one.
import type { Core } from '@strapi/strapi';
import { isHeading } from '../../../lib/legacy-page';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { ARTICLE_UID } from '../../../api/article/newsroom';

type Child = { type?: string; text?: string; [key: string]: unknown };
type Block = { type?: string; children?: Child[]; [key: string]: unknown };

/** The text of a paragraph made of text nodes only (bold or not), trimmed; null for anything else. */
const plainText = (block: Block | undefined): string | null => {
  if (!block || block.type !== 'paragraph' || !Array.isArray(block.children) || block.children.length === 0) return null;
  if (!block.children.every((child) => child && child.type === 'text' && typeof child.text === 'string')) return null;
  return block.children
    .map((child) => child.text)
    .join('')
    .replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
};

const readsAsHeading = (block: Block | undefined) => {
  const text = plainText(block);
  return text !== null && text !== '' && isHeading(text);
};

/** The lines of a stored body, paragraphs and headings alike: what an earlier save already settled. */
export const linesOf = (blocks: unknown): Set<string> =>
  new Set(
    Array.isArray(blocks)
      ? (blocks as Block[])
          .map((block) => plainText(block?.type === 'heading' ? { ...block, type: 'paragraph' } : block))
          .filter((text): text is string => text !== null)
      : []
  );

/**
 * Body blocks with each stand-alone heading line made a level-2 heading; everything else as
 * it was. Lines in `kept` (those the stored draft already has) are left alone. Pure.
 */
export const markHeadings = (blocks: unknown, kept: Set<string> = new Set()): unknown => {
  if (!Array.isArray(blocks)) return blocks;
  const list = blocks as Block[];
  let changed = false;
  const marked = list.map((block, i) => {
    if (!readsAsHeading(block) || kept.has(plainText(block) as string)) return block;
    const before = list[i - 1];
    const after = list[i + 1];
    // Body text follows, and the line is not one of a run of short lines (a list).
    if (plainText(after) === null || readsAsHeading(after) || readsAsHeading(before)) return block;
    changed = true;
    const { children, ...rest } = block;
    return { ...rest, type: 'heading', level: 2, children };
  });
  return changed ? marked : blocks;
};

/** The lines of the draft this update replaces (in the request's locale, or the default one's when it names none). */
const storedParagraphs = async (strapi: Core.Strapi, documentId: unknown, locale: unknown) => {
  if (typeof documentId !== 'string') return new Set<string>();
  const where: Record<string, unknown> = { documentId, publishedAt: null };
  if (typeof locale === 'string' && locale !== '*') where.locale = locale;
  const draft = (await strapi.db.query(ARTICLE_UID).findOne({ where, select: ['body'] })) as { body?: unknown } | null;
  return linesOf(draft?.body);
};

export const markPastedHeadings: DocumentRule = (strapi) => async (context, next) => {
  if (context.uid !== ARTICLE_UID || (context.action !== 'create' && context.action !== 'update')) return next();
  const params = paramsOf(context);
  const data = params.data;
  if (data && 'body' in data) {
    const kept = context.action === 'update' ? await storedParagraphs(strapi, params.documentId, params.locale) : new Set<string>();
    data.body = markHeadings(data.body, kept);
  }
  return next();
};
