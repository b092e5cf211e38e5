// What a search request may ask for, checked the same way for REST (strings) and
// GraphQL (typed values). Pure; throws SearchQueryProblem with a message for the reader.
import { parseQuery, SearchQueryProblem, type SearchQuery } from './tokenize';
import { isValidSlug } from '../slug';

export const PAGE_SIZE_MAX = 50;
export const PAGE_MAX = 200;

export type SearchInput = {
  q?: unknown;
  locale?: unknown;
  channel?: unknown;
  from?: unknown;
  to?: unknown;
  sort?: unknown;
  page?: unknown;
  pageSize?: unknown;
};

export type ParsedSearch = {
  query: SearchQuery;
  locale: string;
  channel: string | null;
  fromMs: number | null;
  toMs: number | null;
  sort: 'relevance' | 'date';
  page: number;
  pageSize: number;
};

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A date bound in ms. A plain date is that whole day in Beijing time (the newsroom's
 * day), and so is a date-time without an offset; an impossible date (02-30) is refused.
 */
const dateBound = (value: unknown, name: string, endOfDay: boolean): number | null => {
  if (value === undefined || value === null || value === '') return null;
  const problem = new SearchQueryProblem(`${name} must be a date such as 2022-09-23`);
  if (typeof value !== 'string' || !DATE.test(value)) throw problem;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) throw problem;
  const withOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
  const ms =
    value.length === 10
      ? Date.parse(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00'}+08:00`)
      : Date.parse(withOffset ? value : `${value}+08:00`);
  if (Number.isNaN(ms)) throw problem;
  return ms;
};

const integer = (value: unknown, name: string, fallback: number, max: number) => {
  if (value === undefined || value === null || value === '') return fallback;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < 1 || number > max) throw new SearchQueryProblem(`${name} must be an integer from 1 to ${max}`);
  return number;
};

export const parseSearchInput = (input: SearchInput, defaultLocale: string): ParsedSearch => {
  const query = parseQuery(input.q);
  const locale = input.locale === undefined || input.locale === null || input.locale === '' ? defaultLocale : input.locale;
  if (typeof locale !== 'string' || locale.length > 32) throw new SearchQueryProblem('locale must be a locale code');
  const channel = input.channel === undefined || input.channel === null || input.channel === '' ? null : input.channel;
  if (channel !== null && !isValidSlug(channel)) {
    throw new SearchQueryProblem('channel must be a channel slug');
  }
  const sort = input.sort === undefined || input.sort === null || input.sort === '' ? 'relevance' : input.sort;
  if (sort !== 'relevance' && sort !== 'date') throw new SearchQueryProblem('sort must be relevance or date');
  const fromMs = dateBound(input.from, 'from', false);
  const toMs = dateBound(input.to, 'to', true);
  if (fromMs !== null && toMs !== null && fromMs > toMs) throw new SearchQueryProblem('from must not be after to');
  return {
    query,
    locale,
    channel: channel as string | null,
    fromMs,
    toMs,
    sort,
    page: integer(input.page, 'page', 1, PAGE_MAX),
    pageSize: integer(input.pageSize, 'pageSize', 10, PAGE_SIZE_MAX),
  };
};
