// One tokenizer for every search backend (SQLite FTS5 and PostgreSQL tsvector): Chinese
// runs become overlapping character bigrams, so any word of two characters or more is
// found wherever it stands (管理 inside 管理局), and a longer query is split into words
// with ICU's dictionary (Intl.Segmenter), each matched as a phrase of its bigrams. Letters
// and digits of other scripts are words, lowercased. Pure: no Strapi, no database.

/** Han, kana and hangul: scripts written without spaces between words. */
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const MAX_WORD = 40;

export const LIMITS = { queryLength: 100, terms: 10 };

export class SearchQueryProblem extends Error {}

const normalize = (text: string) => text.normalize('NFKC').toLowerCase();

type Run = { cjk: boolean; text: string };

/** Splits text into runs of CJK characters and runs of other letters and digits; the rest separates. */
const runs = (text: string): Run[] => {
  const result: Run[] = [];
  let current: Run | null = null;
  for (const char of normalize(text)) {
    const cjk = CJK.test(char);
    if (!cjk && !WORD_CHAR.test(char)) {
      current = null;
      continue;
    }
    if (!current || current.cjk !== cjk) {
      current = { cjk, text: '' };
      result.push(current);
    }
    current.text += char;
  }
  return result;
};

const bigrams = (run: string): string[] => {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(chars[i] + chars[i + 1]);
  return grams;
};

/** The tokens of a text, in order, separated by spaces: what both backends index. */
export const indexTokens = (text: string): string => {
  const tokens: string[] = [];
  for (const run of runs(text)) {
    if (run.cjk) tokens.push(...bigrams(run.text));
    else tokens.push(Array.from(run.text).slice(0, MAX_WORD).join(''));
  }
  return tokens.join(' ');
};

/**
 * A parsed query: every term must match; a term is a phrase of consecutive tokens.
 * `highlights` are what a snippet marks: the words, and the runs typed as one piece.
 */
export type SearchQuery = { terms: string[][]; words: string[]; highlights: string[] };

let segmenter: Intl.Segmenter | null = null;

/** Dictionary words of a CJK run, single characters joined to a neighbour (a term needs two). */
const cjkWords = (run: string): string[] => {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(run)) {
    const word = pending + segment;
    if (Array.from(word).length < 2) {
      pending = word;
      continue;
    }
    words.push(word);
    pending = '';
  }
  if (pending) {
    if (words.length) words[words.length - 1] += pending;
    else words.push(pending);
  }
  return words;
};

/** Reads what a reader typed; throws SearchQueryProblem with a message for them. */
export const parseQuery = (q: unknown): SearchQuery => {
  if (typeof q !== 'string' || !q.trim()) throw new SearchQueryProblem('q is required: the words to search for');
  if (Array.from(q).length > LIMITS.queryLength) {
    throw new SearchQueryProblem(`q is limited to ${LIMITS.queryLength} characters`);
  }
  const words: string[] = [];
  const pieces: string[] = [];
  for (const run of runs(q)) {
    if (run.cjk) {
      words.push(...cjkWords(run.text));
      if (Array.from(run.text).length >= 2) pieces.push(run.text);
    } else words.push(Array.from(run.text).slice(0, MAX_WORD).join(''));
  }
  // A single Chinese character is not indexed on its own (bigrams are): it cannot be a term.
  const usable = [...new Set(words)].filter((word) => !(CJK.test(word) && Array.from(word).length < 2));
  if (!usable.length) {
    throw new SearchQueryProblem(
      words.length ? '搜索词至少两个汉字 (a Chinese search word needs at least two characters)' : 'q has no letters or digits to search for'
    );
  }
  if (usable.length > LIMITS.terms) throw new SearchQueryProblem(`q may hold at most ${LIMITS.terms} words`);
  return {
    terms: usable.map((word) => indexTokens(word).split(' ')),
    words: usable,
    highlights: [...new Set([...pieces, ...usable])],
  };
};

/** FTS5 MATCH text: each term a quoted phrase, all required. Tokens hold only letters and digits. */
export const toFtsMatch = (query: SearchQuery) => query.terms.map((term) => `"${term.join(' ')}"`).join(' AND ');

const tsLexeme = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** PostgreSQL tsquery text (cast with ::tsquery, no parser involved): phrases with <->, all required. */
export const toTsQuery = (query: SearchQuery) =>
  query.terms.map((term) => (term.length === 1 ? tsLexeme(term[0]) : `(${term.map(tsLexeme).join(' <-> ')})`)).join(' & ');

/** PostgreSQL positions stop at 16,383: tokens past it share that position (phrases there may miss). */
const TS_MAX_POSITION = 16_383;

/** PostgreSQL tsvector text (cast with ::tsvector) of indexed tokens, with their positions. */
export const toTsVector = (tokens: string): string => {
  if (!tokens) return '';
  const positions = new Map<string, number[]>();
  tokens.split(' ').forEach((token, i) => {
    const list = positions.get(token) ?? [];
    if (list.length < 256) list.push(Math.min(i + 1, TS_MAX_POSITION));
    positions.set(token, list);
  });
  return [...positions].map(([token, list]) => `${tsLexeme(token)}:${[...new Set(list)].join(',')}`).join(' ');
};
