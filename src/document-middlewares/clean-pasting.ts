// Text pasted from Word or from the old site, cleaned on save (every path: the admin
// panel, REST, the importer): the empty paragraph Word leaves after each one goes, the
// leading full-width (U+3000 U+3000) or ASCII indent of a paragraph goes (the reader indents by
// CSS, so it was indented twice), and a pasted `主标题——副标题` title is split into title
// and subtitle when the subtitle is empty.
import { paramsOf, type DocumentRule } from './types';

type Child = { type?: string; text?: string; children?: Child[]; [key: string]: unknown };
type Block = { type?: string; children?: Child[]; [key: string]: unknown };

const INDENT = /^[\s\u3000\u00a0]+/;

/** Whether an inline node shows anything (text other than spaces, a link with text, an image). */
const showsSomething = (child: Child): boolean =>
  child.type === 'text' || child.type === undefined
    ? (child.text ?? '').replace(/[\s\u3000\u00a0]/g, '') !== ''
    : (child.children ?? []).some(showsSomething) || child.type !== 'link';

/** Body blocks without empty paragraphs and without leading indents; other blocks as they were. */
export const cleanBody = (blocks: unknown): unknown => {
  if (!Array.isArray(blocks)) return blocks;
  const cleaned: Block[] = [];
  for (const block of blocks as Block[]) {
    if (!block || typeof block !== 'object' || (block.type !== 'paragraph' && block.type !== 'heading') || !Array.isArray(block.children)) {
      cleaned.push(block);
      continue;
    }
    if (!block.children.some(showsSomething)) continue;
    const children = block.children.map((child) => ({ ...child }));
    // The indent is at the start of the first text that shows something.
    for (const child of children) {
      if (child.type !== 'text' || typeof child.text !== 'string') break;
      child.text = child.text.replace(INDENT, '');
      if (child.text !== '') break;
    }
    cleaned.push({ ...block, children });
  }
  return cleaned;
};

/** `主标题——副标题` with no subtitle → both; anything else unchanged. */
export const splitTitle = (title: unknown, subtitle: unknown): { title: unknown; subtitle: unknown } => {
  if (
    typeof title !== 'string' ||
    (typeof subtitle === 'string' && subtitle.trim() !== '') ||
    (subtitle !== undefined && subtitle !== null && typeof subtitle !== 'string')
  ) {
    return { title, subtitle };
  }
  const at = title.indexOf('——');
  if (at <= 0 || at + 2 >= title.trim().length) return { title, subtitle };
  return {
    title: title.slice(0, at).trim(),
    subtitle: title
      .slice(at + 2)
      .replace(/^—+/, '')
      .trim(),
  };
};

export const cleanPasting: DocumentRule = () => async (context, next) => {
  if (context.uid !== 'api::article.article' || (context.action !== 'create' && context.action !== 'update')) return next();
  const data = paramsOf(context).data;
  if (!data) return next();
  if ('body' in data) data.body = cleanBody(data.body);
  // On update only when the editor sent both (the admin panel always does): an absent subtitle is "unchanged".
  if ('title' in data && (context.action === 'create' || 'subtitle' in data)) {
    const split = splitTitle(data.title, data.subtitle);
    if (split.title !== data.title) Object.assign(data, split);
  }
  return next();
};
