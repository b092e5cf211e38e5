// Section headings pasted as paragraphs (from Word or the old site: 殷殷嘱托 激励奋进 on a
// line of its own) become 小标题, level-2 heading blocks, on save, as the importer makes
// them: the same test of a line (isHeading in src/lib/legacy-page.ts: short, without a
// sentence's punctuation, not a bare number). More careful than the importer, since an
// editor's body is not a page's lines: only a paragraph of plain text, with a paragraph of
// body text after it (a heading introduces text). So a one-line body, a last line (a
// signature, 责任编辑 …), and runs of short lines (a list of commended units or names)
// stay paragraphs.
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

/** Body blocks with each stand-alone heading line made a level-2 heading; everything else as it was. Pure. */
export const markHeadings = (blocks: unknown): unknown => {
  if (!Array.isArray(blocks)) return blocks;
  const list = blocks as Block[];
  let changed = false;
  const marked = list.map((block, i) => {
    if (!readsAsHeading(block)) return block;
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

export const markPastedHeadings: DocumentRule = () => async (context, next) => {
  if (context.uid !== ARTICLE_UID || (context.action !== 'create' && context.action !== 'update')) return next();
  const data = paramsOf(context).data;
  if (data && 'body' in data) data.body = markHeadings(data.body);
  return next();
};
