// 禁用词 / 敏感词 / 易错词: one Aho–Corasick automaton (the `ahocorasick` package) over
// every term, so a 20,000-character article is read once whatever the list's size.
// Text and terms are both matched as a reader reads them (normalize.ts: no invisible
// characters, NFKC, simplified characters, no spaces between Han characters), so
// 台湾\u200b政府, 臺灣政府 and ＴＡＩＷＡＮ are caught; offsets are the original text's.
import AhoCorasick from 'ahocorasick';
import { fingerprint } from './fingerprint';
import { normalizeForWords, originalRange, showInvisible } from './normalize';
import type { Finding, RuleName, TextPiece } from './types';

export type TermKind = 'forbidden' | 'sensitive' | 'misspelling';
export type Term = { term: string; kind: TermKind; replacement?: string | null; note?: string | null };
export type WordHit = { start: number; end: number; term: Term };

const RULE: Record<TermKind, RuleName> = { forbidden: 'forbidden-word', sensitive: 'sensitive-word', misspelling: 'misspelling' };
const RANK: Record<TermKind, number> = { forbidden: 3, misspelling: 2, sensitive: 1 };

export const TERM_KINDS: readonly TermKind[] = ['forbidden', 'sensitive', 'misspelling'];
export const MAX_TERM_LENGTH = 100;
/** Findings one text may give: past this the editor has enough to fix, and the answer stays small. */
export const MAX_HITS = 200;

/** A term as stored, checked: the reason it cannot be used, or null. */
export const termProblem = (term: Partial<Term>): string | null => {
  if (typeof term.term !== 'string' || term.term.trim() === '') return 'term is required';
  if (term.term.trim().length > MAX_TERM_LENGTH) return `term must be at most ${MAX_TERM_LENGTH} characters`;
  if (!TERM_KINDS.includes(term.kind as TermKind)) return `kind must be one of ${TERM_KINDS.join(', ')}`;
  if (term.kind === 'misspelling') {
    if (typeof term.replacement !== 'string' || term.replacement.trim() === '') return 'a misspelling needs its correct form (replacement)';
    if (term.replacement.trim() === term.term.trim()) return 'the correct form must differ from the misspelling';
    // Matched as read (normalize.ts), 裡面 → 里面 could never be found: refused rather than kept silently.
    if (normalizeForWords(term.replacement).text === normalizeForWords(term.term).text)
      return 'the correct form reads the same as the misspelling (they differ only in traditional, full-width or invisible characters)';
  }
  return null;
};

/** A term as the automaton knows it: its reading, and its correct form's. */
type Listed = { term: Term; read: string; replacementRead: string | null };

export class WordList {
  private readonly automaton: AhoCorasick | null;
  /** By the term's reading: 臺灣政府 and 台湾政府 are one word. */
  private readonly byWord = new Map<string, Listed>();

  constructor(terms: Term[]) {
    for (const raw of terms) {
      if (termProblem(raw)) continue;
      const term = { ...raw, term: raw.term.trim(), replacement: raw.replacement?.trim() || null };
      const read = normalizeForWords(term.term).text;
      if (!read) continue; // only invisible characters: nothing a reader could see
      const known = this.byWord.get(read);
      // The same word in two lists counts once, as the stricter.
      if (!known || RANK[term.kind] > RANK[known.term.kind])
        this.byWord.set(read, { term, read, replacementRead: term.replacement ? normalizeForWords(term.replacement).text : null });
    }
    this.automaton = this.byWord.size ? new AhoCorasick([...this.byWord.keys()]) : null;
  }

  get size() {
    return this.byWord.size;
  }

  /** Every listed word in `text`, at its original offsets; a hit inside a longer hit of the same kind is dropped. */
  scan(original: string): WordHit[] {
    if (!this.automaton || !original) return [];
    const read = normalizeForWords(original);
    const text = read.text;
    const hits: WordHit[] = [];
    for (const [last, words] of this.automaton.search(text)) {
      for (const word of words) {
        const listed = this.byWord.get(word)!;
        const start = last - word.length + 1;
        if (isInsideCorrectForm(text, start, listed)) continue;
        hits.push({ start, end: last + 1, term: listed.term });
      }
    }
    // Longest first at each start, then one sweep: a hit that ends inside an earlier,
    // longer hit of the same kind is part of it.
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const reach: Partial<Record<TermKind, number>> = {};
    const kept: WordHit[] = [];
    for (const hit of hits) {
      if (hit.end <= (reach[hit.term.kind] ?? -1)) continue;
      reach[hit.term.kind] = hit.end;
      kept.push(hit);
      if (kept.length >= MAX_HITS) break;
    }
    return kept.map((hit) => ({ ...hit, ...originalRange(read, hit.start, hit.end) }));
  }

  findings(pieces: TextPiece[]): Finding[] {
    return pieces.flatMap((piece) =>
      this.scan(piece.text).map(({ start, end, term }): Finding => {
        const match = piece.text.slice(start, end);
        const rule = RULE[term.kind];
        const note = term.note ? `（${term.note}）` : '';
        // Written otherwise than listed (hidden characters, traditional or full-width forms):
        // the message says how, since the editor sees no difference on screen.
        const written = match === term.term ? '' : `（原文写作“${showInvisible(match)}”）`;
        const message =
          term.kind === 'forbidden'
            ? `禁用词“${term.term}”${written}${note}，须修改后才能发布`
            : term.kind === 'sensitive'
              ? `敏感词“${term.term}”${written}${note}，请确认用法`
              : `易错词“${term.term}”${written}，应为“${term.replacement}”${note}`;
        return {
          id: fingerprint(rule, piece.field, match),
          rule,
          severity: term.kind === 'forbidden' ? 'block' : 'warn',
          field: piece.field,
          node: piece.node,
          start,
          end,
          match,
          message,
          suggestion: term.replacement ?? undefined,
          fixable: Boolean(term.replacement),
        };
      })
    );
  }
}

/** A wrong form that is part of its own correct form (共产党 in 中国共产党) is not an error there. */
const isInsideCorrectForm = (text: string, start: number, { term, read, replacementRead }: Listed) => {
  if (term.kind !== 'misspelling' || !replacementRead) return false;
  for (let at = replacementRead.indexOf(read); at >= 0; at = replacementRead.indexOf(read, at + 1)) {
    if (text.startsWith(replacementRead, start - at)) return true;
  }
  return false;
};
