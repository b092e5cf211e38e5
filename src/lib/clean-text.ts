// Invisible characters taken out of saved text (clean pasting): what Word, web pages and
// chat apps leave in a paste (zero-width spaces, soft hyphens, byte order marks, bidi
// marks, word joiners) shows nothing to readers, yet splits words for search and hides
// words from the publish checks. The checks ignore them whatever is saved
// (src/lib/inspection/normalize.ts); this keeps them out of the stored text as well.
//
// Kept where they mean something:
//  - U+200D ZWJ between two emoji (👨‍👩‍👧 is one family, not three people), and
//    U+200C/U+200D between letters of scripts whose shaping they change (Arabic, the
//    Indic scripts, Mongolian …; not Han, Latin, Cyrillic, Greek or kana);
//  - variation selectors U+FE00–U+FE0F after a visible character (❤️ vs ❤, standardised
//    glyph variants), and ideographic variation selectors U+E0100–U+E01EF after a Han
//    character (the registered glyph of a character in a person's or place's name);
//  - tag characters U+E0020–U+E007F inside an emoji tag sequence (the flag of Scotland);
//  - Mongolian free variation selectors and vowel separator U+180B–U+180F after a
//    Mongolian letter;
//  - Hangul fillers U+115F/U+1160 inside a sequence of conjoining jamo;
//  - bidi controls (U+061C, U+200E/U+200F, U+202A–U+202E, U+2066–U+2069) in text that
//    holds right-to-left letters, where they order the display; elsewhere they only serve
//    to disguise text (an override that shows 9876 for 6789).
// Everything else in Unicode's Default_Ignorable_Code_Point set, and U+FFF9–U+FFFB, goes.
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** What may sit between an emoji and a ZWJ: presentation selectors and skin tones. */
const EMOJI_TAIL = {
  test: (ch: string) => ch === '\uFE0E' || ch === '\uFE0F' || (ch.codePointAt(0)! >= 0x1f3fb && ch.codePointAt(0)! <= 0x1f3ff),
};
const JOINING_LETTER = /[\p{L}\p{M}]/u;
const NON_JOINING_SCRIPT =
  /[\p{Script=Han}\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\p{Script=Common}\p{Script=Inherited}]/u;
const HAN = /\p{Script=Han}/u;
const MONGOLIAN = /\p{Script=Mongolian}/u;
const RIGHT_TO_LEFT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const BIDI = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/u;
const VARIATION = /^[\uFE00-\uFE0F]$/u;
const IVS = /^[\u{E0100}-\u{E01EF}]$/u;
const TAG = /^[\u{E0020}-\u{E007F}]$/u;
const JAMO = /[\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]/u;

const isVisible = (ch: string | undefined) => ch !== undefined && !/\s/.test(ch) && !IGNORABLE.test(ch);

/** The code point before index `i` of `chars`, skipping those `skip` matches. */
const before = (chars: string[], i: number, skip?: { test: (ch: string) => boolean }) => {
  let j = i - 1;
  while (j >= 0 && skip?.test(chars[j])) j -= 1;
  return chars[j];
};

const keeps = (chars: string[], i: number, rtl: boolean): boolean => {
  const ch = chars[i];
  const prev = chars[i - 1];
  const next = chars[i + 1];
  if (ch === '\u200d' && PICTOGRAPHIC.test(before(chars, i, EMOJI_TAIL) ?? '') && PICTOGRAPHIC.test(next ?? '')) return true;
  if (
    (ch === '\u200c' || ch === '\u200d') &&
    [prev, next].every((c) => c !== undefined && JOINING_LETTER.test(c) && !NON_JOINING_SCRIPT.test(c))
  )
    return true;
  if (VARIATION.test(ch)) return isVisible(prev) && !VARIATION.test(prev);
  if (IVS.test(ch)) return prev !== undefined && HAN.test(prev);
  if (TAG.test(ch)) {
    const base = before(chars, i, /^[\u{E0020}-\u{E007F}]$/u);
    return base === '\u{1F3F4}';
  }
  if (/^[\u180B-\u180F]$/.test(ch)) return prev !== undefined && MONGOLIAN.test(prev);
  if (ch === '\u115f' || ch === '\u1160') return [prev, next].some((c) => c !== undefined && JAMO.test(c));
  if (BIDI.test(ch)) return rtl;
  return false;
};

/** `text` without the invisible characters that carry no meaning there; the same string when it has none. */
export const stripInvisible = (text: string): string => {
  if (!IGNORABLE.test(text)) return text;
  const chars = [...text];
  const rtl = RIGHT_TO_LEFT.test(text);
  let out = '';
  chars.forEach((ch, i) => {
    if (!IGNORABLE.test(ch) || keeps(chars, i, rtl)) out += ch;
  });
  return out;
};

type Node = { text?: unknown; children?: unknown; [key: string]: unknown };

/** A copy of Strapi blocks with every text node's text stripped (stripInvisible); anything else as it was. */
export const stripInvisibleInBlocks = (blocks: unknown): unknown => {
  if (!Array.isArray(blocks)) return blocks;
  return blocks.map((node: unknown) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
    const copy: Node = { ...(node as Node) };
    if (typeof copy.text === 'string') copy.text = stripInvisible(copy.text);
    if (Array.isArray(copy.children)) copy.children = stripInvisibleInBlocks(copy.children);
    return copy;
  });
};
