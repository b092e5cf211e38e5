// 公示名单 must not expose personal data: 18-digit 居民身份证号 (GB 11643 check digit,
// checked by `id-validator`), mainland mobile numbers and bank card numbers (Luhn, by
// `luhn`). A masked form (138****1234) has no run of digits long enough to match again.
// Used by the publish checks (personalDataFindings) and, for any other text that must
// not keep a number, by maskPersonalData.
import IDValidator from 'id-validator';
import { validate as luhnValid } from 'luhn';
import { fingerprint } from './fingerprint';
import { normalize, type Mapped } from './normalize';
import type { Finding, RuleName, TextPiece } from './types';

const ids = new IDValidator();

export type PersonalHit = {
  rule: Extract<RuleName, 'id-number' | 'mobile-number' | 'bank-card'>;
  start: number;
  end: number;
  masked: string;
};

// Numbers are read as a reader reads them (normalize.ts: invisible characters dropped,
// full-width and other compatibility digits as ASCII), and then across the separators
// people put inside them: 138 1234 5678, 138.1234.5678, 138-1234-5678, 110105 19491231 002X,
// a line break. In the digit view below, a short run of separators between two digits is
// one `_`; the patterns allow a `_` between any two digits. A number must start and end a
// group of digits (the character before and after it is not a digit or letter, though it
// may be a separator): `13812345678 13987654321` are two numbers, `A13812345678B` is none.
const ID = /(?<![0-9A-Za-z])(?:\d_?){17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])(?:(?:\+|00_?)?86_?)?(?<number>1_?[3-9](?:_?\d){9})(?![0-9A-Za-z])/g;
const CARD = /(?<![0-9A-Za-z])\d{4}(?:_?\d{4}){3}(?:_?\d{1,3})?(?![0-9A-Za-z])/g;

/**
 * What may stand between two digits of one number: spaces (any, line breaks included: HTML
 * shows a run of them as one), dots, hyphens and dashes, middle dots, underscores. Commas
 * and slashes are not (13,812,345,678 is an amount; 2024/01/01 a date).
 */
const SEPARATOR = /[\s._\-\p{Pd}\u00B7\u2022\u2027\u30FB]/u;
/** At most this many separators in a row; spaces beyond one do not count (shown as one). */
const MAX_SEPARATORS = 3;

/**
 * Other decimal digits (Arabic-Indic ٣, Devanagari ३, …) read as their value: NFKC leaves
 * them, a reader of them still reads the number. Unicode encodes every decimal digit in
 * a run of ten from 0 to 9, so the value is the distance from the run's zero.
 */
const DIGIT = /\p{Nd}/u;
const digitValue = (ch: string) => {
  if (ch >= '0' && ch <= '9') return ch;
  const code = ch.codePointAt(0)!;
  let zero = code;
  while (zero > 0 && code - zero < 100 && DIGIT.test(String.fromCodePoint(zero - 1))) zero -= 1;
  // Runs may follow one another (mathematical digits come five runs in a row): each starts at a 0.
  return String((code - zero) % 10);
};

/** A run of separators between a digit and the next digit (or an ID's final X). */
const SEPARATOR_RUN = new RegExp(`(?<=[0-9])(?:${SEPARATOR.source})+(?=[0-9Xx])`, 'gu');
/** Decimal digits other than ASCII; those outside the BMP (NFKC already made the mathematical ones ASCII) are left. */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;

type View = { text: string; range: (start: number, end: number) => { start: number; end: number } };

/**
 * The digit view of a reading: digits as ASCII, each short run of separators between two
 * digits as one `_`, everything else as it is; `range` gives a view range's range in the
 * original. Built with one pass of a regular expression and a list of the runs replaced
 * (most text has few), so a 20,000-character article costs little more than the reading.
 */
const digitView = (read: Mapped): View => {
  // One UTF-16 unit for one: offsets into the reading hold.
  const text = /[^\u0000-\u007f]/.test(read.text)
    ? read.text.replace(OTHER_DIGIT, (ch) => (ch.length === 1 ? digitValue(ch) : ch))
    : read.text;
  const runs: Array<{ at: number; from: number; to: number }> = []; // `_` at view index `at` stands for reading [from, to)
  let view = '';
  let copied = 0;
  for (const match of text.matchAll(SEPARATOR_RUN)) {
    // Spaces count once however many there are (HTML shows them as one).
    if (match[0].replace(/\s+/g, ' ').length > MAX_SEPARATORS) continue;
    view += text.slice(copied, match.index);
    runs.push({ at: view.length, from: match.index!, to: match.index! + match[0].length });
    view += '_';
    copied = match.index! + match[0].length;
  }
  view += text.slice(copied);
  /** The reading's range of one view unit. */
  const unit = (index: number) => {
    let low = 0;
    let high = runs.length - 1;
    let before = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (runs[middle].at <= index) {
        before = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (before < 0) return { from: index, to: index + 1 };
    const run = runs[before];
    if (run.at === index) return run;
    const at = run.to + (index - run.at - 1);
    return { from: at, to: at + 1 };
  };
  return {
    text: view,
    range: (start, end) => ({ start: read.from[unit(start).from], end: read.to[unit(end - 1).to - 1] }),
  };
};

const digitsOf = (text: string) => text.replace(/[^0-9Xx]/g, '');

export const maskId = (id: string) => `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(-4)}`;
export const maskMobile = (digits: string) => `${digits.slice(0, 3)}****${digits.slice(-4)}`;
export const maskCard = (digits: string) => `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;

export const isIdNumber = (candidate: string) => candidate.length === 18 && ids.isValid(candidate.toUpperCase());

/**
 * Every unmasked ID, mobile and bank card number in `original`, with its range in
 * `original` (separators and invisible characters inside included, so replacing
 * [start, end) by `masked` leaves a clean masked form) and its masked form.
 */
export const findPersonalData = (original: string): PersonalHit[] => {
  if (!original) return [];
  const view = digitView(normalize(original));
  const text = view.text;
  const hits: PersonalHit[] = [];
  const taken = (start: number, end: number) => hits.some((hit) => start < hit.end && end > hit.start);
  const add = (rule: PersonalHit['rule'], start: number, end: number, masked: string) =>
    hits.push({ rule, ...view.range(start, end), masked });
  for (const match of text.matchAll(ID)) {
    const digits = digitsOf(match[0]);
    if (isIdNumber(digits)) add('id-number', match.index!, match.index! + match[0].length, maskId(digits.toUpperCase()));
  }
  for (const match of text.matchAll(CARD)) {
    const digits = digitsOf(match[0]);
    const range = view.range(match.index!, match.index! + match[0].length);
    if (digits.length >= 16 && digits.length <= 19 && !taken(range.start, range.end) && luhnValid(digits)) {
      add('bank-card', match.index!, match.index! + match[0].length, maskCard(digits));
    }
  }
  for (const match of text.matchAll(MOBILE)) {
    const range = view.range(match.index!, match.index! + match[0].length);
    if (!taken(range.start, range.end))
      add('mobile-number', match.index!, match.index! + match[0].length, maskMobile(digitsOf(match.groups!.number)));
  }
  return hits.sort((a, b) => a.start - b.start);
};

/**
 * `text` with every number findPersonalData finds replaced by its masked form
 * (`联系电话 138 1234 5678` → `联系电话 138****5678`): for anything that keeps or shows text
 * beyond the article itself (the 操作日志's excerpts and CSV). Text without any is returned as is.
 */
export const maskPersonalData = (text: string): string => {
  const hits = findPersonalData(text);
  let masked = text;
  for (const hit of hits.reverse()) masked = masked.slice(0, hit.start) + hit.masked + masked.slice(hit.end);
  return masked;
};

const WHAT = { 'id-number': '身份证号', 'mobile-number': '手机号码', 'bank-card': '银行卡号' } as const;

export const personalDataFindings = (pieces: TextPiece[]): Finding[] =>
  pieces.flatMap((piece) =>
    findPersonalData(piece.text).map((hit): Finding => ({
      // From the masked form and its place: a hash of the number itself could be reversed
      // (an 11-digit mobile with 7 digits shown takes milliseconds to brute-force).
      id: fingerprint(hit.rule, `${piece.field}${JSON.stringify(piece.node ?? [])}@${hit.start}`, hit.masked),
      rule: hit.rule,
      severity: 'block',
      field: piece.field,
      node: piece.node,
      start: hit.start,
      end: hit.end,
      // The report shows the masked form: it may be logged or sent back over the API.
      match: hit.masked,
      message: `${WHAT[hit.rule]} ${hit.masked} 未脱敏，须遮盖后才能发布`,
      suggestion: hit.masked,
      fixable: true,
    }))
  );
