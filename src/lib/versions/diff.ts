// 版本记录's comparison of two versions of a document, pure: per field `before`/`after`;
// rich text (Strapi blocks) compared by paragraph, with the words inserted and deleted
// inside a changed paragraph marked (words as Intl.Segmenter cuts Chinese and English);
// linked entries as added, removed and moved; files by id and content hash (a replaced
// file keeps its id). The longest common subsequence is diff-sequences' (Jest's, pinned).
import diffSequence from 'diff-sequences';

/** One attribute's kind in a snapshot (src/lib/versions/snapshot.ts). */
export type FieldKind = 'value' | 'text' | 'blocks' | 'relation' | 'media' | 'component';

export type WordOp = { op: 'equal' | 'insert' | 'delete'; text: string };
export type ParagraphDiff =
  | { op: 'equal'; text: string }
  | { op: 'insert'; text: string }
  | { op: 'delete'; text: string }
  | { op: 'change'; before: string; after: string; words: WordOp[] };
export type RelationDiff = { added: string[]; removed: string[]; moved: string[] };

export type FieldDiff = {
  field: string;
  kind: FieldKind;
  before: unknown;
  after: unknown;
  /** Blocks: the paragraphs of both versions aligned. */
  paragraphs?: ParagraphDiff[];
  /** Text fields: the words inserted and deleted. */
  words?: WordOp[];
  /** Linked entries and multiple files: by documentId (files by id). */
  relation?: RelationDiff;
};

/** Pairs of [index in a, index in b] that the longest common subsequence keeps. */
const commonPairs = <T>(a: T[], b: T[], same: (x: T, y: T) => boolean) => {
  const pairs: Array<[number, number]> = [];
  diffSequence(
    a.length,
    b.length,
    (i, j) => same(a[i], b[j]),
    (count, i, j) => {
      for (let k = 0; k < count; k += 1) pairs.push([i + k, j + k]);
    }
  );
  return pairs;
};

/** Walks two sequences as the common subsequence aligns them: deletes, inserts and keeps, in order. */
const align = <T, R>(a: T[], b: T[], same: (x: T, y: T) => boolean, emit: (op: 'equal' | 'insert' | 'delete', x: T) => R) => {
  const out: R[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...commonPairs(a, b, same), [a.length, b.length] as [number, number]]) {
    while (i < ai) out.push(emit('delete', a[i++]));
    while (j < bj) out.push(emit('insert', b[j++]));
    if (ai < a.length) out.push(emit('equal', b[bj]));
    i = ai + 1;
    j = bj + 1;
  }
  return out;
};

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** Words and the spaces and punctuation between them, as a reader reads them. */
export const wordsOf = (text: string) => Array.from(segmenter.segment(text), (part) => part.segment);

/** The words of `after` against `before`, runs of one kind joined. */
export const diffWords = (before: string, after: string): WordOp[] => {
  const ops = align(
    wordsOf(before),
    wordsOf(after),
    (x, y) => x === y,
    (op, text) => ({ op, text })
  );
  const joined: WordOp[] = [];
  for (const op of ops) {
    const last = joined[joined.length - 1];
    if (last && last.op === op.op) last.text += op.text;
    else joined.push({ ...op });
  }
  return joined;
};

type BlockNode = { type?: unknown; text?: unknown; children?: unknown; image?: { url?: unknown; name?: unknown } };
const textOf = (node: unknown): string => {
  if (typeof node !== 'object' || node === null) return '';
  const n = node as BlockNode;
  if (typeof n.text === 'string') return n.text;
  if (n.type === 'image') return `[图片 ${String(n.image?.name ?? n.image?.url ?? '')}]`;
  return Array.isArray(n.children) ? n.children.map(textOf).join(n.type === 'list' ? '\n' : '') : '';
};

/** A blocks value as the paragraphs a reader sees: each top-level block's text (a heading, list, quote, image). */
export const paragraphsOf = (blocks: unknown): string[] => (Array.isArray(blocks) ? blocks.map(textOf) : []);

/** Paragraphs aligned; a deleted paragraph followed by an inserted one is one changed paragraph, its words marked. */
export const diffParagraphs = (before: string[], after: string[]): ParagraphDiff[] => {
  const ops = align(
    before,
    after,
    (x, y) => x === y,
    (op, text) => ({ op, text })
  );
  const out: ParagraphDiff[] = [];
  for (let k = 0; k < ops.length; k += 1) {
    if (ops[k].op !== 'delete') {
      out.push(ops[k] as ParagraphDiff);
      continue;
    }
    // A run of deletes then a run of inserts: pair them in order (edited paragraphs).
    const deletes: string[] = [];
    while (k < ops.length && ops[k].op === 'delete') deletes.push(ops[k++].text);
    const inserts: string[] = [];
    while (k < ops.length && ops[k].op === 'insert') inserts.push(ops[k++].text);
    k -= 1;
    const pairs = Math.min(deletes.length, inserts.length);
    for (let p = 0; p < pairs; p += 1)
      out.push({ op: 'change', before: deletes[p], after: inserts[p], words: diffWords(deletes[p], inserts[p]) });
    for (const text of deletes.slice(pairs)) out.push({ op: 'delete', text });
    for (const text of inserts.slice(pairs)) out.push({ op: 'insert', text });
  }
  return out;
};

/** Linked entries of two versions: added, removed, and those kept whose order changed. */
export const diffRelation = (before: string[], after: string[]): RelationDiff => {
  const kept = after.filter((id) => before.includes(id));
  const keptBefore = before.filter((id) => after.includes(id));
  const inOrder = new Set(commonPairs(keptBefore, kept, (x, y) => x === y).map(([, j]) => kept[j]));
  return {
    added: after.filter((id) => !before.includes(id)),
    removed: before.filter((id) => !after.includes(id)),
    moved: kept.filter((id) => !inOrder.has(id)),
  };
};

const canonical = (value: unknown) => JSON.stringify(value ?? null);

/** The ids of a relation or files value (one or many), in order. */
export const idsOf = (value: unknown): string[] => {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.map((item) => (typeof item === 'object' && item !== null ? String((item as { id?: unknown }).id) : String(item)));
};

/** The fields whose values differ, in the order of `kinds`. */
export const changedFields = (kinds: Record<string, FieldKind>, before: Record<string, unknown> | null, after: Record<string, unknown>) =>
  Object.keys({ ...kinds, ...after, ...(before ?? {}) }).filter((field) => canonical(before?.[field]) !== canonical(after[field]));

/** Every field of two versions, each with what changed (unchanged ones too, for a side-by-side view). */
export const diffVersions = (
  kinds: Record<string, FieldKind>,
  before: Record<string, unknown>,
  after: Record<string, unknown>
): Array<FieldDiff & { changed: boolean }> =>
  Object.keys({ ...kinds, ...before, ...after }).map((field) => {
    const kind = kinds[field] ?? 'value';
    const changed = canonical(before[field]) !== canonical(after[field]);
    const diff: FieldDiff & { changed: boolean } = { field, kind, before: before[field] ?? null, after: after[field] ?? null, changed };
    if (kind === 'blocks') diff.paragraphs = diffParagraphs(paragraphsOf(before[field]), paragraphsOf(after[field]));
    else if (kind === 'text' && changed) diff.words = diffWords(String(before[field] ?? ''), String(after[field] ?? ''));
    else if ((kind === 'relation' || kind === 'media') && changed) diff.relation = diffRelation(idsOf(before[field]), idsOf(after[field]));
    return diff;
  });
