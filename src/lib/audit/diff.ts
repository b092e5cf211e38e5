// The field-level change an audit entry records: for each field whose value differs, its
// value before and after, bounded so that an entry never holds megabytes (long text
// and rich text are recorded as their length and an excerpt around the first
// difference), never holds a secret (private and password-like fields are recorded
// as changed, without values) and never holds an unmasked ID, mobile or bank card number
// (masked before the excerpt is cut, so no excerpt starts or ends inside a number; the
// change names the kinds it masked). Pure: the caller reads the rows and the schema.
import { blockTexts } from '../inspection/blocks-text';
import { maskDeep, maskedOffset, maskText, mergeKinds, type MaskedKind } from './mask-personal-data';

export type AttributeInfo = { type: string; private?: boolean };
export type Row = Record<string, unknown>;
/** A value as recorded: as it is when short, else a summary. */
export type Recorded = unknown;
/** `masked`: the kinds of personal number masked in its values (身份证号, 手机号码, 银行卡号). */
export type FieldChange = { before?: Recorded; after?: Recorded; redacted?: true; masked?: MaskedKind[] };
export type Changes = Record<string, FieldChange>;

/** Text longer than this is summarised; an excerpt holds about as much. */
export const MAX_TEXT = 200;
const EXCERPT_BEFORE = 40;
const EXCERPT_AFTER = 120;
/** A structured value (JSON, components) whose JSON is longer than this is summarised. */
export const MAX_JSON = 1000;
/** Relations and media listed by id up to this many; beyond, the count. */
export const MAX_IDS = 50;

/** Bookkeeping fields every row has; a change of these is not the editor's. */
const IGNORED = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);
const SECRET_NAME = /pass(word)?|secret|token|salt|api[-_]?key|private[-_]?key|credential/i;

export const isSecret = (name: string, attribute: AttributeInfo) =>
  attribute.private === true || attribute.type === 'password' || SECRET_NAME.test(name);

/** A relation or media value as the ids a reader can follow (documentId, else the file's name and id). */
const idsOf = (value: unknown): unknown => {
  const one = (item: unknown) => {
    if (item === null || typeof item !== 'object') return item;
    const entry = item as Row;
    if (typeof entry.documentId === 'string') return entry.documentId;
    if (typeof entry.name === 'string' && entry.id !== undefined) return `${entry.name}#${entry.id}`;
    return entry.id ?? null;
  };
  if (!Array.isArray(value)) return value === undefined ? null : one(value);
  const ids = value.map(one);
  return ids.length > MAX_IDS ? { count: ids.length, first: ids.slice(0, MAX_IDS) } : ids;
};

/** Components and dynamic zones without their row ids, which change at every save. */
const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Row)
      .filter(([key]) => key !== 'id')
      .map(([key, inner]) => [key, withoutIds(inner)])
  );
};

/** The comparable form of a field: what decides whether it changed. */
export const comparable = (attribute: AttributeInfo, value: unknown): unknown => {
  // Empty is empty: no relation, no text and nothing at all compare equal.
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  if (attribute.type === 'relation' || attribute.type === 'media') return idsOf(value);
  if (attribute.type === 'component' || attribute.type === 'dynamiczone') return withoutIds(value);
  if (attribute.type === 'datetime' || attribute.type === 'date' || attribute.type === 'time') {
    const date = value instanceof Date ? value : new Date(String(value));
    return attribute.type === 'datetime' && !Number.isNaN(date.getTime()) ? date.toISOString() : String(value);
  }
  return value;
};

const textOf = (attribute: AttributeInfo, value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (attribute.type === 'blocks')
    return blockTexts(value)
      .map((piece) => piece.text)
      .join('\n');
  return typeof value === 'string' ? value : null;
};

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
};

/** A long text as its length and the part around `at` (where it first differs from the other version). */
export const excerpt = (text: string, at: number) => {
  const from = Math.max(0, Math.min(at, text.length) - EXCERPT_BEFORE);
  const to = Math.min(text.length, from + EXCERPT_BEFORE + EXCERPT_AFTER);
  return { length: text.length, offset: from, excerpt: `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}` };
};

/** Where two texts first differ, in the first one's masked form (`masked`). */
const changeAt = (text: string, masked: string, other: string) => {
  const maskedOther = maskText(other).value;
  // Both sides read alike once masked (only a number changed): the place of the raw change.
  return masked === maskedOther ? maskedOffset(text, commonPrefix(text, other)) : commonPrefix(masked, maskedOther);
};

/** One side of a change as recorded, bounded and masked; `other` is the other side's value, to place an excerpt. */
const recorded = (attribute: AttributeInfo, value: unknown, other: unknown): { value: Recorded; kinds: MaskedKind[] } => {
  const plain = comparable(attribute, value);
  if (plain === null) return { value: null, kinds: [] };
  const otherText = () => {
    const text = attribute.type === 'blocks' ? textOf(attribute, other) : comparable(attribute, other);
    return typeof text === 'string' ? text : '';
  };
  const bounded = (text: string) => {
    const masked = maskText(text);
    return { masked, long: masked.value.length > MAX_TEXT, at: () => changeAt(text, masked.value, otherText()) };
  };
  if (attribute.type === 'blocks') {
    // Rich text is always summarised: its JSON is many times its text.
    const { masked, long, at } = bounded(textOf(attribute, value) ?? '');
    const shown = long ? excerpt(masked.value, at()) : { length: masked.value.length, offset: 0, excerpt: masked.value };
    return { value: shown, kinds: masked.kinds };
  }
  if (typeof plain === 'string') {
    const { masked, long, at } = bounded(plain);
    return { value: long ? excerpt(masked.value, at()) : masked.value, kinds: masked.kinds };
  }
  const masked = maskDeep(plain);
  const json = JSON.stringify(masked.value);
  if (json !== undefined && json.length > MAX_JSON)
    return { value: { length: json.length, excerpt: `${json.slice(0, MAX_TEXT)}…` }, kinds: masked.kinds };
  return { value: masked.value, kinds: masked.kinds };
};

/**
 * The fields that differ between two versions of an entry (null: did not exist), with
 * their bounded values. Fields absent from both rows (not read) are not compared.
 */
export const diffFields = (attributes: Record<string, AttributeInfo>, before: Row | null, after: Row | null): Changes => {
  const changes: Changes = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (IGNORED.has(name)) continue;
    const had = before !== null && name in before;
    const has = after !== null && name in after;
    if (!had && !has) continue;
    const old = comparable(attribute, before?.[name]);
    const now = comparable(attribute, after?.[name]);
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    if (isSecret(name, attribute)) {
      changes[name] = { redacted: true };
      continue;
    }
    const was = recorded(attribute, before?.[name], after?.[name]);
    const is = recorded(attribute, after?.[name], before?.[name]);
    const masked = mergeKinds(was.kinds, is.kinds);
    changes[name] = { before: was.value, after: is.value, ...(masked.length ? { masked } : {}) };
  }
  return changes;
};

/** A title to show for an entry: its title, name or term, bounded. */
export const titleOf = (row: Row | null, mainField?: string): string | null => {
  if (!row) return null;
  for (const field of [mainField, 'title', 'name', 'term', 'text']) {
    const value = field ? row[field] : undefined;
    if (typeof value === 'string' && value.trim()) {
      const masked = maskText(value).value;
      return masked.length > MAX_TEXT ? `${masked.slice(0, MAX_TEXT)}…` : masked;
    }
  }
  return null;
};
