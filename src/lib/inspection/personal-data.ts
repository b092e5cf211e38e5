// 公示名单 must not expose personal data: 18-digit 居民身份证号 (GB 11643 check digit,
// checked by `id-validator`), mainland mobile numbers and bank card numbers (Luhn, by
// `luhn`). A masked form (138****1234) has no run of digits long enough to match again.
import IDValidator from 'id-validator';
import { validate as luhnValid } from 'luhn';
import { fingerprint } from './fingerprint';
import type { Finding, RuleName, TextPiece } from './types';

const ids = new IDValidator();

export type PersonalHit = {
  rule: Extract<RuleName, 'id-number' | 'mobile-number' | 'bank-card'>;
  start: number;
  end: number;
  masked: string;
};

// Digits and letters around a candidate make it part of something longer (an order
// number, a URL, a file name): not a number on its own.
const ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])(?:(?:\+|00)?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?![0-9A-Za-z])/g;
const CARD = /(?<![0-9A-Za-z])\d{4}(?:[\s-]?\d{4}){3}(?:[\s-]?\d{1,3})?(?![0-9A-Za-z])/g;

export const maskId = (id: string) => `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(-4)}`;
export const maskMobile = (digits: string) => `${digits.slice(0, 3)}****${digits.slice(-4)}`;
export const maskCard = (digits: string) => `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;

export const isIdNumber = (candidate: string) => candidate.length === 18 && ids.isValid(candidate.toUpperCase());

// Full-width digits, X and hyphens (１３８－…) read as ASCII; one UTF-16 unit for one, so offsets hold.
const toAscii = (text: string) =>
  text.replace(/[\uFF10-\uFF19\uFF38\uFF58\uFF0D]/g, (ch) => (ch === '\uFF0D' ? '-' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));

export const findPersonalData = (original: string): PersonalHit[] => {
  const text = toAscii(original);
  const hits: PersonalHit[] = [];
  const taken = (start: number, end: number) => hits.some((hit) => start < hit.end && end > hit.start);
  for (const match of text.matchAll(ID)) {
    if (isIdNumber(match[0]))
      hits.push({ rule: 'id-number', start: match.index!, end: match.index! + 18, masked: maskId(match[0].toUpperCase()) });
  }
  for (const match of text.matchAll(CARD)) {
    const digits = match[0].replace(/\D/g, '');
    const end = match.index! + match[0].length;
    if (digits.length >= 16 && digits.length <= 19 && !taken(match.index!, end) && luhnValid(digits)) {
      hits.push({ rule: 'bank-card', start: match.index!, end, masked: maskCard(digits) });
    }
  }
  for (const match of text.matchAll(MOBILE)) {
    const end = match.index! + match[0].length;
    if (!taken(match.index!, end))
      hits.push({ rule: 'mobile-number', start: match.index!, end, masked: maskMobile(match[1] + match[2] + match[3]) });
  }
  return hits.sort((a, b) => a.start - b.start);
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
