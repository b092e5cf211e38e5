// CSV for the audit export, as Excel reads it: a UTF-8 byte order mark (or Excel takes
// the Chinese for GBK), CRLF line ends, RFC 4180 quoting, and no cell that a
// spreadsheet would run as a formula (a value starting with = + - @, a tab or a
// carriage return gets a leading apostrophe, as OWASP advises).

export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvLine = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;
