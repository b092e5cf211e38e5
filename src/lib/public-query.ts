// What a content-API read may ask for, so that every public request has a bounded
// cost: filters may follow at most MAX_FILTER_HOPS relations, populate may nest at most
// MAX_POPULATE_DEPTH levels, lists and strings are bounded, values fit their fields, and
// `localizations` (which reaches other locales' drafts) is never followed. Pure: the
// content model comes in as a lookup, so it is unit-tested without Strapi.

export type FieldKind = 'relation' | 'number' | 'date' | 'boolean' | 'text' | 'other';
/** The kind of `field` on `uid` and, for relations and media, the target type; null when there is no such field. */
export type SchemaLookup = (uid: string, field: string) => { kind: FieldKind; target?: string; many?: boolean } | null;

export const LIMITS = {
  filterHops: 2,
  /** Relations followed by one query's filters in all: each is a join, and joins multiply. */
  filterJoins: 3,
  /** Of those, to-many relations: each multiplies the rows the database walks. */
  filterManyJoins: 1,
  /** Objects nested in one filter ($and inside $or inside …): each level is work for the query builder. */
  filterNesting: 8,
  /** Substring conditions ($containsi…): each reads every row of the type. */
  substringConditions: 2,
  populateDepth: 2,
  conditions: 20,
  listItems: 100,
  stringLength: 1000,
  sortFields: 5,
  maxPageSize: 100,
};

/** Never followed by the public: other locales' drafts, admin users. */
const FORBIDDEN_FIELDS = new Set(['localizations', 'createdBy', 'updatedBy']);
const LOGICAL = new Set(['$and', '$or']);
const LIST_OPERATORS = new Set(['$in', '$notIn', '$between']);
const OPERATORS = new Set([
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$null',
  '$notNull',
  '$between',
]);
const SORT_ENTRY = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?(:(asc|desc|ASC|DESC))?$/;
const UNSIGNED = /^\d{1,9}$/;

export class QueryProblem extends Error {}

/** Types whose rows grow without bound (the article archive): never populated as a list. */
// src/lib is pure (it imports nothing of the project): the article's uid, written out.
const ARCHIVE_TYPES = new Set(['api::article.article', 'article']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** qs turns `a[0]=x&a[1]=y` into an array, but past 20 items into an object with numeric keys. */
const asList = (value: unknown): unknown[] | null => {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) return Object.values(value);
  return null;
};

type Budget = { conditions: number; joins: number; manyJoins: number; substrings: number };

const checkValue = (value: unknown, kind: FieldKind, path: string) => {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return;
  if (typeof value !== 'string') throw new QueryProblem(`${path}: a value must be a string, number or boolean`);
  if (value.length > LIMITS.stringLength) throw new QueryProblem(`${path}: values are limited to ${LIMITS.stringLength} characters`);
  if (kind === 'number' && !/^-?\d+(\.\d+)?$/.test(value.trim()))
    throw new QueryProblem(`${path}: ${JSON.stringify(value)} is not a number`);
  if (kind === 'date' && Number.isNaN(Date.parse(value))) throw new QueryProblem(`${path}: ${JSON.stringify(value)} is not a date`);
  if (kind === 'boolean' && !/^(true|false|1|0)$/.test(value))
    throw new QueryProblem(`${path}: ${JSON.stringify(value)} is not true or false`);
};

const SUBSTRING = /contains|endsWith|startsWith/i;

const checkOperator = (operator: string, value: unknown, kind: FieldKind, path: string, budget?: Budget, hops = 0) => {
  if (!OPERATORS.has(operator)) throw new QueryProblem(`${path}: unknown operator ${operator}`);
  if (budget && SUBSTRING.test(operator)) {
    if (hops > 0) throw new QueryProblem(`${path}: ${operator} works on the type's own fields, not through a relation`);
    budget.substrings += 1;
    if (budget.substrings > LIMITS.substringConditions) {
      throw new QueryProblem(`filters: at most ${LIMITS.substringConditions} $contains/$startsWith/$endsWith conditions per query`);
    }
  }
  if (LIST_OPERATORS.has(operator)) {
    const list = asList(value) ?? [value];
    if (operator === '$between' && list.length !== 2)
      throw new QueryProblem(`${path}: $between takes two values, e.g. ${path}[0]=…&${path}[1]=…`);
    if (list.length > LIMITS.listItems) throw new QueryProblem(`${path}: at most ${LIMITS.listItems} values`);
    list.forEach((item, i) => checkValue(item, kind, `${path}[${i}]`));
    return;
  }
  if (operator === '$null' || operator === '$notNull') return checkValue(value, 'boolean', path);
  // Text operators compare as text whatever the field holds.
  const textual = /contains|startsWith|endsWith|eqi|nei/i.test(operator);
  checkValue(value, textual ? 'text' : kind, path);
};

/**
 * Walks a `filters` object of type `uid`. `hops` counts the relations already followed
 * (populate's own filters start from their relation).
 */
const walkFilters = (
  filters: unknown,
  uid: string,
  schema: SchemaLookup,
  path: string,
  hops: number,
  budget: Budget,
  nesting = 0,
  throughMany = false
): void => {
  if (nesting > LIMITS.filterNesting) throw new QueryProblem(`filters: nested at most ${LIMITS.filterNesting} levels`);
  if (!isPlainObject(filters)) {
    throw new QueryProblem(`${path} must be an object such as ${path}[title][$eq]=…`);
  }
  for (const [key, value] of Object.entries(filters)) {
    const at = `${path}[${key}]`;
    if (LOGICAL.has(key)) {
      const list = asList(value);
      if (!list) throw new QueryProblem(`${at} must be a list of conditions, e.g. ${at}[0][title][$eq]=…`);
      if (list.length > LIMITS.listItems) throw new QueryProblem(`${at}: at most ${LIMITS.listItems} conditions`);
      list.forEach((item, i) => walkFilters(item, uid, schema, `${at}[${i}]`, hops, budget, nesting + 1, throughMany));
      continue;
    }
    if (key === '$not') {
      walkFilters(value, uid, schema, at, hops, budget, nesting + 1, throughMany);
      continue;
    }
    if (key.startsWith('$')) throw new QueryProblem(`${at}: an operator needs a field before it, e.g. ${path}[title][${key}]`);
    if (FORBIDDEN_FIELDS.has(key)) throw new QueryProblem(`${at}: filtering on ${key} is not allowed`);
    const field = key === 'id' || key === 'documentId' ? { kind: (key === 'id' ? 'number' : 'text') as FieldKind } : schema(uid, key);
    if (!field) throw new QueryProblem(`${at}: there is no field "${key}" to filter on`);
    if (field.kind === 'other') throw new QueryProblem(`${at}: "${key}" cannot be filtered on`);
    if (field.kind === 'relation') {
      if (hops + 1 > LIMITS.filterHops) {
        throw new QueryProblem(`${at}: filters may follow at most ${LIMITS.filterHops} relations`);
      }
      if (!field.target) throw new QueryProblem(`${at}: this relation cannot be filtered on`);
      // A to-many relation multiplies the rows every further join walks (quotes → article
      // → … scanned the archive once per quote): past one, only its own fields.
      if (throughMany) {
        throw new QueryProblem(`${at}: after a to-many relation, filters may use only that type's own fields`);
      }
      // Into the archive through a list (a channel's or a commended unit's articles): every
      // article paired with every other of its channel, in one statement (seconds at 3,000).
      if (field.many && field.target && ARCHIVE_TYPES.has(field.target)) {
        throw new QueryProblem(`${at}: filters cannot go through a list of articles; filter the articles themselves`);
      }
      budget.joins += 1;
      if (budget.joins > LIMITS.filterJoins) {
        throw new QueryProblem(`filters: at most ${LIMITS.filterJoins} relations in all (each is a join)`);
      }
      if (field.many) budget.manyJoins += 1;
      if (budget.manyJoins > LIMITS.filterManyJoins) {
        throw new QueryProblem(`filters: at most ${LIMITS.filterManyJoins} to-many relation (such as ${key}) in all`);
      }
      walkFilters(value, field.target, schema, at, hops + 1, budget, nesting + 1, throughMany || Boolean(field.many));
      continue;
    }
    budget.conditions += 1;
    if (budget.conditions > LIMITS.conditions) throw new QueryProblem(`filters: at most ${LIMITS.conditions} conditions`);
    if (!isPlainObject(value)) {
      // filters[title]=x is Strapi's shorthand for $eq.
      checkOperator('$eq', value, field.kind, at);
      continue;
    }
    for (const [operator, operand] of Object.entries(value)) {
      if (operator === '$not' && isPlainObject(operand)) {
        for (const [inner, innerOperand] of Object.entries(operand))
          checkOperator(inner, innerOperand, field.kind, `${at}[$not][${inner}]`, budget, hops);
        continue;
      }
      checkOperator(operator, operand, field.kind, `${at}[${operator}]`, budget, hops);
    }
  }
};

const checkFields = (fields: unknown, uid: string, schema: SchemaLookup, path: string) => {
  const list = typeof fields === 'string' ? fields.split(',') : asList(fields);
  if (!list) throw new QueryProblem(`${path} must be a list of field names`);
  for (const name of list) {
    if (typeof name !== 'string') throw new QueryProblem(`${path} must be a list of field names`);
    const field = name === 'documentId' || name === 'id' ? { kind: 'text' as FieldKind } : schema(uid, name.trim());
    if (!field || field.kind === 'relation') throw new QueryProblem(`${path}: "${name}" is not a field that can be selected`);
  }
};

const checkSort = (sort: unknown, uid: string, schema: SchemaLookup, path: string) => {
  const list = typeof sort === 'string' ? sort.split(',') : asList(sort);
  if (!list) throw new QueryProblem(`${path} must be field:asc or field:desc, or a list of them`);
  if (list.length > LIMITS.sortFields) throw new QueryProblem(`${path}: at most ${LIMITS.sortFields} sort fields`);
  for (const entry of list) {
    if (typeof entry !== 'string' || !SORT_ENTRY.test(entry.trim())) {
      throw new QueryProblem(`${path}: ${JSON.stringify(entry)} is not field, field:asc or field:desc`);
    }
    const [first, second] = entry.trim().split(':')[0].split('.');
    if (FORBIDDEN_FIELDS.has(first)) throw new QueryProblem(`${path}: sorting on ${first} is not allowed`);
    const field = first === 'id' || first === 'documentId' ? { kind: 'text' as FieldKind } : schema(uid, first);
    if (!field) throw new QueryProblem(`${path}: there is no field "${first}" to sort on`);
    if (field.kind === 'relation') {
      if (field.many) throw new QueryProblem(`${path}: cannot sort on a list of related items (${first})`);
      const target = second && field.target ? schema(field.target, second) : null;
      if (!target || target.kind === 'relation') throw new QueryProblem(`${path}: sort on a relation's field, e.g. ${first}.name`);
    } else if (second) {
      throw new QueryProblem(`${path}: "${first}" has no field "${second}"`);
    }
  }
};

const walkPopulate = (populate: unknown, uid: string, schema: SchemaLookup, path: string, depth: number): void => {
  if (populate === undefined || populate === null || populate === false || populate === 'false') return;
  if (populate === true || populate === 'true') return;
  if (typeof populate === 'string') {
    if (populate === '*') throw new QueryProblem(`${path}: * is not available; name the relations, e.g. ${path}[0]=channel`);
    for (const name of populate.split(',')) checkPopulateName(name.trim(), uid, schema, path, depth);
    return;
  }
  const list = asList(populate);
  if (list) {
    for (const name of list) {
      if (typeof name !== 'string') throw new QueryProblem(`${path} must name relations`);
      // populate[0]=quotes.article is a path of relations
      const names = name.split('.');
      if (depth + names.length - 1 > LIMITS.populateDepth)
        throw new QueryProblem(`${path}: populate may nest at most ${LIMITS.populateDepth} levels`);
      let current = uid;
      for (const part of names) current = checkPopulateName(part, current, schema, path, depth);
    }
    return;
  }
  if (!isPlainObject(populate)) throw new QueryProblem(`${path} must name relations`);
  for (const [name, options] of Object.entries(populate)) {
    const at = `${path}[${name}]`;
    if (name === '*') throw new QueryProblem(`${path}: * is not available; name the relations, e.g. ${path}[0]=channel`);
    const target = checkPopulateName(name, uid, schema, path, depth);
    if (options === true || options === 'true' || options === false || options === 'false') continue;
    if (!isPlainObject(options)) throw new QueryProblem(`${at} must be true or options such as ${at}[fields][0]=name`);
    for (const [option, value] of Object.entries(options)) {
      const inner = `${at}[${option}]`;
      if (option === 'populate') walkPopulate(value, target, schema, inner, depth + 1);
      else if (option === 'filters') walkFilters(value, target, schema, inner, 1, { conditions: 0, joins: 0, manyJoins: 0, substrings: 0 });
      else if (option === 'fields') checkFields(value, target, schema, inner);
      else if (option === 'sort') checkSort(value, target, schema, inner);
      else if (option === 'on' || option === 'count') continue;
      else throw new QueryProblem(`${inner}: populate takes fields, filters, sort and populate`);
    }
  }
};

/** The relation's target type; throws past the depth or for a field that is not a relation. */
const checkPopulateName = (name: string, uid: string, schema: SchemaLookup, path: string, depth: number): string => {
  if (depth > LIMITS.populateDepth) throw new QueryProblem(`${path}: populate may nest at most ${LIMITS.populateDepth} levels`);
  if (FORBIDDEN_FIELDS.has(name)) throw new QueryProblem(`${path}: ${name} cannot be populated`);
  const field = schema(uid, name);
  if (!field || field.kind !== 'relation' || !field.target)
    throw new QueryProblem(`${path}: "${name}" is not a relation that can be populated`);
  // A list that grows with the archive (a channel's articles) is read page by page from
  // /api/articles with a filter, never populated whole.
  if (field.many && ARCHIVE_TYPES.has(field.target)) {
    throw new QueryProblem(`${path}: ${name} grows with the archive; read it from /api/articles with filters and pagination`);
  }
  return field.target;
};

const checkPagination = (pagination: unknown) => {
  if (!isPlainObject(pagination)) throw new QueryProblem('pagination must be an object such as pagination[page]=1&pagination[pageSize]=10');
  for (const [key, value] of Object.entries(pagination)) {
    if (key === 'withCount') {
      if (!['true', 'false', true, false].includes(value as string | boolean))
        throw new QueryProblem('pagination[withCount] must be true or false');
      continue;
    }
    if (!['page', 'pageSize', 'start', 'limit'].includes(key))
      throw new QueryProblem(`pagination[${key}] is not known; use page and pageSize, or start and limit`);
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !UNSIGNED.test(text)) throw new QueryProblem(`pagination[${key}] must be a whole number`);
    const n = Number(text);
    if ((key === 'pageSize' || key === 'limit') && (n < 1 || n > LIMITS.maxPageSize)) {
      throw new QueryProblem(`pagination[${key}] must be from 1 to ${LIMITS.maxPageSize}`);
    }
    if (key === 'page' && n < 1) throw new QueryProblem('pagination[page] starts at 1');
  }
};

/** Throws a QueryProblem naming the first part of a content-API query that is not allowed. */
export const checkPublicQuery = (query: Record<string, unknown>, uid: string, schema: SchemaLookup) => {
  // Strapi's undocumented `_q` scans every text field of the archive.
  if (query._q !== undefined) throw new QueryProblem('_q is not available; filter on a field instead');
  const budget: Budget = { conditions: 0, joins: 0, manyJoins: 0, substrings: 0 };
  if (query.filters !== undefined) walkFilters(query.filters, uid, schema, 'filters', 0, budget);
  if (query.populate !== undefined) walkPopulate(query.populate, uid, schema, 'populate', 1);
  if (query.fields !== undefined) checkFields(query.fields, uid, schema, 'fields');
  if (query.sort !== undefined) checkSort(query.sort, uid, schema, 'sort');
  if (query.pagination !== undefined) checkPagination(query.pagination);
  // A scan costs its page many times over (populates, joins): such pages stay small.
  if (pageSize(query) > LIGHT_PAGE && scans(query, uid, schema)) {
    throw new QueryProblem(`pagination: a query with such filters or nested populate takes at most ${LIGHT_PAGE} per page`);
  }
};

/** Only filters (GraphQL's `filters` argument), with the same limits. */
export const checkPublicFilters = (filters: unknown, uid: string, schema: SchemaLookup, path = 'filters') => {
  walkFilters(filters, uid, schema, path, 0, { conditions: 0, joins: 0, manyJoins: 0, substrings: 0 });
};

/** GraphQL spells operators without `$` (`{ title: { eq: "x" }, or: [...] }`); REST's walker wants them with it. */
export const fromGraphqlFilters = (filters: unknown): unknown => {
  if (Array.isArray(filters)) return filters.map(fromGraphqlFilters);
  if (!isPlainObject(filters)) return filters;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    const operator = ['and', 'or', 'not'].includes(key) || OPERATORS.has(`$${key}`) ? `$${key}` : key;
    out[operator] = fromGraphqlFilters(value);
  }
  return out;
};

/** Fields a lookup by value is answered from an index for (see src/features/platform/indexes.ts). */
const INDEXED = new Set(['id', 'documentId', 'slug', 'locale']);
const LIGHT_PAGE = 25;

const lightFilters = (filters: unknown, uid: string, schema: SchemaLookup, hops: number): boolean => {
  if (!isPlainObject(filters)) return true;
  return Object.entries(filters).every(([key, value]) => {
    if (LOGICAL.has(key)) return false; // $or/$and of scans
    if (key === '$not') return false;
    const field = schema(uid, key);
    if (field?.kind === 'relation') return hops === 0 && !!field.target && lightFilters(value, field.target, schema, 1);
    if (!INDEXED.has(key)) return false;
    return !isPlainObject(value) || Object.keys(value).every((op) => op === '$eq' || op === '$in');
  });
};

/**
 * 'light' when a query reads by indexed values (documentId, slug, one relation's
 * documentId or slug), a page of at most 25 and one level of populate; anything else
 * may scan the archive and is 'heavy' (the server runs few of those at a time).
 */
export const queryWeight = (query: Record<string, unknown>, uid: string, schema: SchemaLookup): 'light' | 'heavy' =>
  scans(query, uid, schema) || pageSize(query) > LIGHT_PAGE ? 'heavy' : 'light';

const pageSize = (query: Record<string, unknown>) => {
  const pagination = isPlainObject(query.pagination) ? query.pagination : {};
  return Number(pagination.pageSize ?? pagination.limit ?? LIGHT_PAGE);
};

/** Whether a query may read more of the archive than the page it returns. */
const scans = (query: Record<string, unknown>, uid: string, schema: SchemaLookup) => {
  if (query.filters !== undefined && !lightFilters(query.filters, uid, schema, 0)) return true;
  const populated =
    typeof query.populate === 'string'
      ? query.populate.split(',')
      : isPlainObject(query.populate)
        ? Object.keys(query.populate)
        : (asList(query.populate) ?? []);
  // A to-many populate reads every related row.
  if (populated.some((name) => typeof name === 'string' && schema(uid, name.split('.')[0].trim())?.many)) return true;
  if (
    isPlainObject(query.populate) &&
    Object.values(query.populate).some((options) => isPlainObject(options) && (options.populate || options.filters))
  ) {
    return true;
  }
  return Array.isArray(query.populate) && query.populate.some((name) => typeof name === 'string' && name.includes('.'));
};
