// The 操作日志 keeps personal data masked, found by the publish checks' own detectors
// (src/lib/inspection/personal-data.ts: 身份证号, 手机号码, 银行卡号): a number typed into an
// entry and later masked never stays readable in the log's excerpts or its CSV export.
// A change records which kinds of number it masked (`masked`), so the log still says
// that a number changed when both sides read alike once masked (138****5678 → 138****5678).
// A masked form has no run of digits the detectors match again: masking is idempotent.
import { findPersonalData, type PersonalHit } from '../inspection/personal-data';

export type MaskedKind = PersonalHit['rule'];
export type Masked<T> = { value: T; kinds: MaskedKind[] };

const KIND_ORDER: readonly MaskedKind[] = ['id-number', 'mobile-number', 'bank-card'];
export const mergeKinds = (...lists: ReadonlyArray<readonly MaskedKind[] | undefined>): MaskedKind[] => {
  const found = new Set(lists.flatMap((list) => list ?? []));
  return KIND_ORDER.filter((kind) => found.has(kind));
};

/** Hits in order, none inside another (the detectors give them so; kept safe here). */
const hitsOf = (text: string) => {
  const hits: PersonalHit[] = [];
  for (const hit of [...findPersonalData(text)].sort((a, b) => a.start - b.start)) {
    if (hit.start >= (hits.at(-1)?.end ?? 0) && hit.end > hit.start) hits.push(hit);
  }
  return hits;
};

/** The text with every personal number replaced by its masked form, and the kinds replaced. */
export const maskText = (text: string): Masked<string> => {
  const hits = hitsOf(text);
  if (!hits.length) return { value: text, kinds: [] };
  let value = '';
  let at = 0;
  for (const hit of hits) {
    value += text.slice(at, hit.start) + hit.masked;
    at = hit.end;
  }
  return { value: value + text.slice(at), kinds: mergeKinds(hits.map((hit) => hit.rule)) };
};

/** Where `offset` of the text lands in its masked form (a number's masked form may be shorter). */
export const maskedOffset = (text: string, offset: number) => {
  let shift = 0;
  for (const hit of hitsOf(text)) {
    if (hit.start >= offset) break;
    if (hit.end > offset) return hit.start + shift; // inside a number: its start
    shift += hit.masked.length - (hit.end - hit.start);
  }
  return offset + shift;
};

/** Every string in a JSON value masked (object keys are field names, kept). */
export const maskDeep = (value: unknown): Masked<unknown> => {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) {
    const items = value.map(maskDeep);
    return { value: items.map((item) => item.value), kinds: mergeKinds(...items.map((item) => item.kinds)) };
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return { value, kinds: [] };
  const entries = Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, maskDeep(inner)] as const);
  return {
    value: Object.fromEntries(entries.map(([key, inner]) => [key, inner.value])),
    kinds: mergeKinds(...entries.map(([, inner]) => inner.kinds)),
  };
};

/**
 * An audit entry's changes (`{ field: { before, after, … } }`) with every string masked;
 * a field whose values held a number names its kinds in `masked`, beside any it named already.
 */
export const maskChanges = (changes: unknown): Masked<unknown> => {
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) return maskDeep(changes);
  const kinds: MaskedKind[][] = [];
  const out: Record<string, unknown> = {};
  for (const [field, change] of Object.entries(changes as Record<string, unknown>)) {
    const masked = maskDeep(change);
    kinds.push(masked.kinds);
    if (masked.kinds.length && masked.value !== null && typeof masked.value === 'object' && !Array.isArray(masked.value)) {
      const value = masked.value as { masked?: MaskedKind[] };
      out[field] = { ...value, masked: mergeKinds(value.masked, masked.kinds) };
    } else out[field] = masked.value;
  }
  return { value: out, kinds: mergeKinds(...kinds) };
};
