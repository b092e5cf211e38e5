// An agency's own word list as CSV (UTF-8, with or without BOM): a header row naming
// the columns term (词语), kind (类别: 禁用词/敏感词/易错词 or forbidden/sensitive/misspelling),
// replacement (正确写法) and note (说明). Every row is checked; one bad row refuses the file.
import { parse } from 'csv-parse/sync';
import { termProblem, type Term, type TermKind } from './word-list';

const KINDS: Record<string, TermKind> = {
  forbidden: 'forbidden',
  禁用词: 'forbidden',
  sensitive: 'sensitive',
  敏感词: 'sensitive',
  misspelling: 'misspelling',
  易错词: 'misspelling',
};
const COLUMNS: Record<string, keyof Term> = {
  term: 'term',
  词语: 'term',
  kind: 'kind',
  类别: 'kind',
  replacement: 'replacement',
  正确写法: 'replacement',
  note: 'note',
  说明: 'note',
};
export const MAX_CSV_ROWS = 100_000;

export type CsvResult = { terms: Term[]; errors: string[] };

export const parseTermsCsv = (content: string): CsvResult => {
  let rows: string[][];
  try {
    rows = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    return { terms: [], errors: [`not valid CSV: ${(error as Error).message}`] };
  }
  if (rows.length === 0) return { terms: [], errors: ['the file is empty'] };
  if (rows.length - 1 > MAX_CSV_ROWS) return { terms: [], errors: [`more than ${MAX_CSV_ROWS} rows`] };
  const header = rows[0].map((name) => COLUMNS[name.toLowerCase()] ?? COLUMNS[name]);
  if (!header.includes('term') || !header.includes('kind'))
    return { terms: [], errors: ['the header must name the columns term (词语) and kind (类别)'] };
  const terms: Term[] = [];
  const errors: string[] = [];
  rows.slice(1).forEach((row, index) => {
    const entry: Record<string, string> = {};
    header.forEach((column, i) => column && row[i] !== undefined && (entry[column] = row[i]));
    const term: Term = {
      term: entry.term ?? '',
      kind: KINDS[(entry.kind ?? '').toLowerCase()] ?? KINDS[entry.kind ?? ''] ?? (entry.kind as TermKind),
      replacement: entry.replacement || null,
      note: entry.note || null,
    };
    const problem = termProblem(term);
    if (problem) errors.push(`row ${index + 2}: ${problem}`);
    else terms.push({ ...term, term: term.term.trim() });
  });
  return { terms, errors };
};
