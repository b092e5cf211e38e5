// Text pasted from Word or from the old site, cleaned on save (every path: the admin
// panel, REST, the importer): invisible characters that mean nothing there go from every
// text readers see (the fields each type declares in `inspect`, its 信息公开 fields
// included; src/lib/clean-text.ts says which are kept), the empty paragraph Word leaves
// after each one goes, the leading full-width (U+3000 U+3000) or ASCII indent of a
// paragraph goes (the reader indents by CSS, so it was indented twice), and a pasted
// `主标题——副标题` title is split into title and subtitle when the subtitle is empty.
import { stripInvisible, stripInvisibleInBlocks } from '../../../lib/clean-text';
import { settingsOf } from '../../../utils/type-settings';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { ARTICLE_UID } from '../../../api/article/newsroom';

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

/** A field's value without meaningless invisible characters: text, or the text nodes of blocks. */
const stripValue = (value: unknown) =>
  typeof value === 'string' ? stripInvisible(value) : Array.isArray(value) ? stripInvisibleInBlocks(value) : value;

/** Strips the reader-visible fields `uid` declares, in place, in the data a write sends. */
export const stripInvisibleFields = (uid: string, data: Record<string, unknown>) => {
  const inspect = settingsOf(uid)?.inspect;
  if (!inspect) return;
  for (const field of inspect.fields) if (field in data) data[field] = stripValue(data[field]);
  for (const [component, fields] of Object.entries(inspect.components ?? {})) {
    const value = data[component];
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    const copy = { ...(value as Record<string, unknown>) };
    for (const field of fields) if (field in copy) copy[field] = stripValue(copy[field]);
    data[component] = copy;
  }
};

export const cleanPasting: DocumentRule = () => async (context, next) => {
  if (context.action !== 'create' && context.action !== 'update') return next();
  const data = paramsOf(context).data;
  if (!data) return next();
  stripInvisibleFields(context.uid, data);
  if (context.uid !== ARTICLE_UID) return next();
  if ('body' in data) data.body = cleanBody(data.body);
  // On update only when the editor sent both (the admin panel always does): an absent subtitle is "unchanged".
  if ('title' in data && (context.action === 'create' || 'subtitle' in data)) {
    const split = splitTitle(data.title, data.subtitle);
    if (split.title !== data.title) Object.assign(data, split);
  }
  return next();
};
