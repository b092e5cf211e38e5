// 禁用词 / 敏感词 / 易错词: one Aho–Corasick automaton (the `ahocorasick` package) over
// every term, so a 20,000-character article is read once whatever the list's size.
import AhoCorasick from 'ahocorasick';
import { fingerprint } from './fingerprint';
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
  }
  return null;
};

export class WordList {
  private readonly automaton: AhoCorasick | null;
  private readonly byWord = new Map<string, Term>();

  constructor(terms: Term[]) {
    for (const raw of terms) {
      if (termProblem(raw)) continue;
      const term = { ...raw, term: raw.term.trim(), replacement: raw.replacement?.trim() || null };
      const known = this.byWord.get(term.term);
      // The same word in two lists counts once, as the stricter.
      if (!known || RANK[term.kind] > RANK[known.kind]) this.byWord.set(term.term, term);
    }
    this.automaton = this.byWord.size ? new AhoCorasick([...this.byWord.keys()]) : null;
  }

  get size() {
    return this.byWord.size;
  }

  /** Every listed word in `text`; a hit inside a longer hit of the same kind is dropped. */
  scan(text: string): WordHit[] {
    if (!this.automaton || !text) return [];
    const hits: WordHit[] = [];
    for (const [last, words] of this.automaton.search(text)) {
      for (const word of words) {
        const term = this.byWord.get(word)!;
        const start = last - word.length + 1;
        if (isInsideCorrectForm(text, start, term)) continue;
        hits.push({ start, end: last + 1, term });
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
    return kept;
  }

  findings(pieces: TextPiece[]): Finding[] {
    return pieces.flatMap((piece) =>
      this.scan(piece.text).map(({ start, end, term }): Finding => {
        const match = piece.text.slice(start, end);
        const rule = RULE[term.kind];
        const note = term.note ? `（${term.note}）` : '';
        const message =
          term.kind === 'forbidden'
            ? `禁用词“${match}”${note}，须修改后才能发布`
            : term.kind === 'sensitive'
              ? `敏感词“${match}”${note}，请确认用法`
              : `易错词“${match}”，应为“${term.replacement}”${note}`;
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
const isInsideCorrectForm = (text: string, start: number, term: Term) => {
  if (term.kind !== 'misspelling' || !term.replacement) return false;
  for (let at = term.replacement.indexOf(term.term); at >= 0; at = term.replacement.indexOf(term.term, at + 1)) {
    if (text.startsWith(term.replacement, start - at)) return true;
  }
  return false;
};
