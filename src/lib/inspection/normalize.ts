// Text as a reader reads it, for the publish checks: what looks the same on the page is
// the same here. `台湾\u200b政府`, `臺灣政府` and `台湾政府` all read 台湾政府, so the word
// list must see 台湾政府 in each. The checks match on this reading and report offsets in
// the ORIGINAL text (every unit of the reading knows the original range it came from), so
// a one-click fix replaces the original characters, invisible ones inside a match included.
//
// The reading, in order:
//  1. Characters nobody sees are dropped (INVISIBLE below).
//  2. Unicode NFKC: full-width and compatibility forms become their plain form (１３８ →
//     138, Ｘ → X, ＴＡＩＷＡＮ → TAIWAN, ideographic space and NBSP → space, CJK
//     compatibility ideographs → the unified ones, ① → 1, 𝐀 → A).
//  3. Combining marks on a Han character are dropped: Chinese has none, so 台\u0301湾 is
//     台湾 with noise on it, still read as 台湾.
//  4. Traditional characters become simplified ones (opencc-js), with OpenCC's phrase
//     tables so that 乾隆 stays and 乾燥 becomes 干燥.
// Case is kept (the word list matches as written).
import OpenCC from 'opencc-js';

/**
 * A derived text and, for each of its UTF-16 units, the original range it stands for:
 * `text[i]` came from `original.slice(from[i], to[i])`.
 */
export type Mapped = { text: string; from: number[]; to: number[] };

/**
 * What nobody sees on the page, dropped from the reading: Unicode's
 * Default_Ignorable_Code_Point set (U+00AD soft hyphen, U+034F combining grapheme joiner,
 * U+061C and U+200E/U+200F and U+202A–U+202E and U+2066–U+2069 bidi controls, U+115F/U+1160
 * and U+3164 and U+FFA0 Hangul fillers, U+17B4/U+17B5, U+180B–U+180F Mongolian selectors
 * and vowel separator, U+200B–U+200D zero-width space/non-joiner/joiner, U+2060–U+206F word
 * joiner and invisible operators, U+FE00–U+FE0F and U+E0100–U+E01EF variation selectors,
 * U+FEFF, U+1BCA0–U+1BCA3, U+1D173–U+1D17A, U+E0000–U+E0FFF tags), and the interlinear
 * annotation controls U+FFF9–U+FFFB. Other format characters (Cf) such as U+0600–U+0605
 * Arabic number signs are visible and stay. For matching, a ZWJ inside an emoji or a
 * variation selector changes nothing a word list cares about; what is SAVED keeps them
 * where they mean something (src/lib/clean-text.ts).
 */
export const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]/u;
const INVISIBLES = new RegExp(INVISIBLE.source, 'gu');
const HAN = /\p{Script=Han}/u;
const MARKS = /\p{M}/gu;
const MARK = /\p{M}/u;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Traditional → simplified, built once on first use. Taiwan's and Hong Kong's variant
 * forms are first read as OpenCC's standard traditional forms (Locale.from.tw and .hk:
 * 臺, 裡, 著, 衞, 粧 …), then OpenCC's traditional → mainland simplified characters and
 * phrases (Locale.to.cn): 臺灣 and 台灣 both read 台湾. `from: 'tw'` or `'hk'` alone would
 * miss the other's variants (衞 stays with 'tw', 著 with 'hk'). Both tables together over-merge
 * a few forms of simplified text too (著 → 着, 么 → 幺); harmless, since the listed words
 * are read the same way (WordList normalises them with this function).
 * OpenCC maps code point to code point (checked in the unit tests over all its tables),
 * which keeps the offset map exact; should a future table not, the text is converted one
 * character at a time instead.
 */
let converter: ((text: string) => string) | null = null;
const toSimplified = (text: string) => {
  converter ??= OpenCC.ConverterFactory(...OpenCC.Locale.from.tw, ...OpenCC.Locale.from.hk, ...OpenCC.Locale.to.cn);
  return converter(text);
};

class Builder {
  text = '';
  from: number[] = [];
  to: number[] = [];
  push(piece: string, from: number, to: number) {
    this.text += piece;
    for (let i = 0; i < piece.length; i += 1) {
      this.from.push(from);
      this.to.push(to);
    }
  }
  done(): Mapped {
    return { text: this.text, from: this.from, to: this.to };
  }
}

// Most text is plain CJK and ASCII: one code point's reading is computed once.
const single = new Map<string, string>();
const readSegment = (segment: string) => {
  // ASCII and C1 controls are their own reading (U+00A0 and above may not be).
  if (segment.length === 1 && segment.charCodeAt(0) < 0xa0) return segment;
  if (segment.length <= 2) {
    const known = single.get(segment);
    if (known !== undefined) return known;
  }
  let read = segment.replace(INVISIBLES, '').normalize('NFKC').replace(INVISIBLES, '');
  if (HAN.test(read)) read = read.replace(MARKS, '');
  if (segment.length <= 2 && single.size < 50_000) single.set(segment, read);
  return read;
};

/** The reading of `original` (steps 1–4 above), mapped back to it. */
export const normalize = (original: string): Mapped => {
  const folded = new Builder();
  // One code point with the combining marks that follow it at a time (é from e + U+0301 is
  // normalised together); a plain loop, as a regular expression's matchAll costs more.
  for (let at = 0; at < original.length;) {
    const start = at;
    at += (original.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
    for (let code = original.codePointAt(at) ?? 0; at < original.length && code >= 0x300 && MARK.test(String.fromCodePoint(code));) {
      at += code > 0xffff ? 2 : 1;
      code = original.codePointAt(at) ?? 0;
    }
    folded.push(readSegment(original.slice(start, at)), start, at);
  }
  const { text, from, to } = folded.done();
  if (!text) return { text, from, to };
  let converted = toSimplified(text);
  const source = [...text];
  let target = [...converted];
  if (target.length !== source.length) {
    target = source.map((ch) => [...toSimplified(ch)].join(''));
    converted = target.join('');
  }
  if (converted === text) return { text, from, to };
  // The usual case: one BMP character for one, so every unit keeps its origin.
  if (converted.length === text.length && !SURROGATE.test(text) && !SURROGATE.test(converted)) return { text: converted, from, to };
  const out = new Builder();
  let at = 0;
  source.forEach((ch, index) => {
    out.push(target[index], from[at], to[at + ch.length - 1]);
    at += ch.length;
  });
  return out.done();
};

/** `mapped` without the units `drop(text, index)` says to leave out; the rest keep their origin. */
export const without = (mapped: Mapped, drop: (text: string, index: number) => boolean): Mapped => {
  const out = new Builder();
  for (let i = 0; i < mapped.text.length; i += 1) {
    if (!drop(mapped.text, i)) out.push(mapped.text[i], mapped.from[i], mapped.to[i]);
  }
  return out.done();
};

const isHanAt = (text: string, index: number) => {
  if (index < 0 || index >= text.length) return false;
  const code = text.codePointAt(index)!;
  // A low surrogate: look at the whole code point it ends.
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) return HAN.test(text.slice(index - 1, index + 1));
  return HAN.test(String.fromCodePoint(code));
};

/**
 * The reading for word lists: also without spaces (any kind, line breaks too) between two
 * Han characters. Chinese does not separate words, so 台湾 政府 reads 台湾政府; between
 * Latin words a space is kept (it separates words there).
 */
export const normalizeForWords = (original: string): Mapped => {
  const read = normalize(original);
  if (!/\s/.test(read.text)) return read;
  const drop = new Array<boolean>(read.text.length).fill(false);
  const space = /\s+/g;
  for (const match of read.text.matchAll(space)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (isHanAt(read.text, start - 1) && isHanAt(read.text, end)) for (let i = start; i < end; i += 1) drop[i] = true;
  }
  return without(read, (_text, index) => drop[index]);
};

/** The original range of the reading's [start, end) (end exclusive). */
export const originalRange = (mapped: Mapped, start: number, end: number) => ({
  start: mapped.from[start],
  end: end > start ? mapped.to[end - 1] : mapped.from[start],
});

/** Invisible characters written out (`[U+200B]`), for messages that must show them. */
export const showInvisible = (text: string) =>
  text.replace(INVISIBLES, (ch) => `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
