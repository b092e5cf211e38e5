// The public read of one whole article (GET /api/articles/:documentId and
// /api/articles/by-slug/:slug, anonymous, no query but `locale`) in a few fixed SQL
// statements. Through the document service the same read validates and sanitizes the
// default populate, builds each relation's query with knex, and walks the answer again
// to sanitize it: about 8 ms of CPU for the sample article, 6 of them spent apart from
// the database. Here the statements are written once from the database metadata, each
// relation is one statement keyed by the parent rows' ids, and values are converted by
// Strapi's own field classes. The answer is the one the document service gives, which
// tests/integration/article-reader.test.ts checks field by field on both databases.
//
// It is used only where it gives that answer: the public role may read every relation
// of the default populate, and no output sanitizer is registered (./article-reads.ts
// checks both). Anything else takes the core path.
import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { isSqlite, withSqliteStatements } from '../../utils/sqlite-statements';
import { fieldFor, modelMetadata } from '../../strapi-internals/database';

/** What to read of a relation: its fields (all public ones when absent), sort and nested relations. */
export type ReadSpec = {
  fields?: string[];
  sort?: string[];
  populate?: Record<string, ReadSpec | boolean>;
};

type Row = Record<string, unknown>;
type Entry = Record<string, unknown>;

type Attribute = {
  type: string;
  relation?: string;
  target?: string;
  morphBy?: string;
  columnName?: string;
  joinTable?: JoinTable;
};
type JoinTable = {
  name: string;
  joinColumn: { name: string; referencedColumn: string };
  inverseJoinColumn?: { name: string; referencedColumn: string };
  morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
  orderBy?: Record<string, 'asc' | 'desc'>;
  /** A component's join table is shared by the entry's component fields: `{ field: name }`. */
  on?: Record<string, string>;
};
type Meta = { tableName: string; attributes: Record<string, Attribute> };

// Not columns of the entry's row (relations, media, components), or never shown (passwords).
const NOT_SHOWN = new Set(['relation', 'media', 'component', 'dynamiczone', 'password']);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A column of an entry: its name in SQL, its key in the answer, and how to read its value. */
type Column = { column: string; key: string; fromDB: (value: unknown) => unknown };

export const createReader = (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  const schemaName = strapi.db.getSchemaName?.();
  const table = (name: string) => (schemaName ? `${quote(schemaName)}.${quote(name)}` : quote(name));
  const metaOf = (uid: string): Meta => modelMetadata(strapi, uid);

  /**
   * The columns an answer shows: id, documentId and the model's scalar attributes that
   * are not private (what sanitizeOutput leaves), or the asked fields, in the model's order.
   */
  const columnsOf = (uid: string, fields?: string[]): Column[] => {
    const meta = metaOf(uid);
    const model = strapi.getModel(uid as never);
    const wanted = fields ? new Set(['id', 'documentId', ...fields]) : null;
    const columns: Column[] = [];
    for (const [key, attribute] of Object.entries(meta.attributes)) {
      if (NOT_SHOWN.has(attribute.type) || contentTypes.isPrivateAttribute(model, key)) continue;
      if (wanted && !wanted.has(key)) continue;
      const field = fieldFor(attribute);
      columns.push({ column: attribute.columnName ?? key, key, fromDB: (value) => (value === null ? null : field.fromDB(value)) });
    }
    return columns;
  };

  const toEntry = (columns: Column[], row: Row, prefix = ''): Entry => {
    const entry: Entry = {};
    for (const { column, key, fromDB } of columns) entry[key] = fromDB(row[prefix + column]);
    return entry;
  };

  const select = (columns: Column[], alias: string, prefix = '') =>
    columns.map(({ column }) => `${alias}.${quote(column)}${prefix ? ` AS ${quote(prefix + column)}` : ''}`).join(', ');

  const orderBy = (uid: string, sort: string[] | undefined, alias: string) =>
    (sort ?? []).map((item) => {
      const [key, direction = 'asc'] = item.split(':');
      const attribute = metaOf(uid).attributes[key];
      return `${alias}.${quote(attribute?.columnName ?? key)} ${direction.toLowerCase() === 'desc' ? 'DESC' : 'ASC'}`;
    });

  /** Runs one of the reader's statements: prepared once on SQLite, through knex on PostgreSQL. */
  const sqlite = isSqlite(strapi);
  const rowsOf = async (sql: string, bindings: Array<string | number>): Promise<Row[]> => {
    if (!sqlite) return ((await knex.raw(sql, bindings)) as { rows: Row[] }).rows;
    return withSqliteStatements(strapi, (statement) => statement(sql).all(...bindings));
  };

  /**
   * One relation of many parents: a statement per number of parents (the IN list),
   * written on first use. Answers each parent's entries in the order Strapi gives them.
   */
  type Loader = { many: boolean; load: (parentIds: number[]) => Promise<Map<number, Entry[]>> };

  const relationLoader = (uid: string, name: string, spec: ReadSpec): Loader => {
    const attribute = metaOf(uid).attributes[name];
    // Components are relations in the database metadata too (a join table keyed by field).
    if (!attribute || attribute.type !== 'relation' || !attribute.target) throw new Error(`${uid}.${name} is not a relation`);
    const target = attribute.target;
    const columns = columnsOf(target, spec.fields);
    const targetTable = table(metaOf(target).tableName);
    const statements = new Map<number, string>();
    let many: boolean;
    let write: (placeholders: string) => string;

    if (attribute.relation === 'morphOne' || attribute.relation === 'morphMany') {
      // Media: the file's side holds the join table (files_related_mph), keyed by type and field.
      const joinTable = metaOf(target).attributes[attribute.morphBy!].joinTable!;
      const { idColumn, typeColumn } = joinTable.morphColumn!;
      many = attribute.relation === 'morphMany';
      const order = Object.entries(joinTable.orderBy ?? {}).map(([column, dir]) => `l.${quote(column)} ${dir.toUpperCase()}`);
      write = (placeholders) =>
        `SELECT l.${quote(idColumn.name)} AS "__parent", ${select(columns, 't')} FROM ${table(joinTable.name)} l ` +
        `JOIN ${targetTable} t ON t.${quote(joinTable.joinColumn.referencedColumn)} = l.${quote(joinTable.joinColumn.name)} ` +
        `WHERE l.${quote(idColumn.name)} IN (${placeholders}) AND l.${quote(typeColumn.name)} = ${knex.raw('?', [uid]).toQuery()} ` +
        `AND l."field" = ${knex.raw('?', [name]).toQuery()} ORDER BY ${[...order, 't."id" ASC'].join(', ')}`;
    } else if (attribute.joinTable) {
      const { joinTable } = attribute;
      many = attribute.relation === 'oneToMany' || attribute.relation === 'manyToMany';
      const order = spec.sort
        ? orderBy(target, spec.sort, 't')
        : Object.entries(joinTable.orderBy ?? {}).map(([column, dir]) => `l.${quote(column)} ${dir.toUpperCase()}`);
      const on = Object.entries(joinTable.on ?? {})
        .map(([column, value]) => ` AND l.${quote(column)} = ${knex.raw('?', [value]).toQuery()}`)
        .join('');
      write = (placeholders) =>
        `SELECT l.${quote(joinTable.joinColumn.name)} AS "__parent", ${select(columns, 't')} FROM ${table(joinTable.name)} l ` +
        `JOIN ${targetTable} t ON t.${quote(joinTable.inverseJoinColumn!.referencedColumn)} = l.${quote(joinTable.inverseJoinColumn!.name)} ` +
        `WHERE l.${quote(joinTable.joinColumn.name)} IN (${placeholders})${on}` +
        (order.length ? ` ORDER BY ${[...order, 't."id" ASC'].join(', ')}` : '');
    } else {
      throw new Error(`${uid}.${name}: relations without a join table are not read here`);
    }

    const nested = Object.entries(spec.populate ?? {})
      .filter(([, value]) => value)
      .map(([key, value]) => [key, relationLoader(target, key, value === true ? {} : (value as ReadSpec))] as const);

    const load = async (parentIds: number[]) => {
      const byParent = new Map<number, Entry[]>();
      if (parentIds.length === 0) return byParent;
      let sql = statements.get(parentIds.length);
      if (!sql) {
        sql = write(parentIds.map(() => '?').join(', '));
        if (statements.size < 64) statements.set(parentIds.length, sql);
      }
      const rows = await rowsOf(sql, parentIds);
      const entries: Entry[] = [];
      for (const row of rows) {
        const parent = Number(row.__parent);
        const entry = toEntry(columns, row);
        entries.push(entry);
        const list = byParent.get(parent);
        if (list) list.push(entry);
        else byParent.set(parent, [entry]);
      }
      await attach(nested, entries);
      return byParent;
    };
    return { many, load };
  };

  /** Fills each entry's relations, one statement per relation for all the entries. */
  const attach = async (loaders: ReadonlyArray<readonly [string, Loader]>, entries: Entry[]) => {
    if (loaders.length === 0 || entries.length === 0) return;
    const ids = [...new Set(entries.map((entry) => entry.id as number))];
    const loaded = await Promise.all(loaders.map(([, loader]) => loader.load(ids)));
    loaders.forEach(([key, loader], i) => {
      for (const entry of entries) {
        const found = loaded[i].get(entry.id as number) ?? [];
        entry[key] = loader.many ? found : (found[0] ?? null);
      }
    });
  };

  /**
   * A reader of one model's published entries by documentId or by a unique field, with
   * the relations of `populate` (the shape the controller's default populate names).
   */
  const entryReader = (uid: string, populate: Record<string, ReadSpec | boolean>) => {
    const columns = columnsOf(uid);
    const loaders = Object.entries(populate)
      .filter(([, value]) => value)
      .map(([key, value]) => [key, relationLoader(uid, key, value === true ? {} : (value as ReadSpec))] as const);
    const attributes = metaOf(uid).attributes;
    // A 发布时间 still ahead is not public before it comes (as guard-public-reads.ts filters the core path).
    const dated = attributes.publishDate ? quote(attributes.publishDate.columnName ?? 'publishDate') : null;
    const statementFor = (field: string) =>
      `SELECT ${select(columns, 't')} FROM ${table(metaOf(uid).tableName)} t ` +
      `WHERE t.${quote(attributes[field].columnName ?? field)} = ? AND t."locale" = ? AND t."published_at" IS NOT NULL` +
      `${dated ? ` AND (t.${dated} IS NULL OR t.${dated} <= ?)` : ''} LIMIT 1`;
    const byField = new Map<string, string>();
    return async (field: 'documentId' | 'slug', value: string, locale: string) => {
      let sql = byField.get(field);
      if (!sql) byField.set(field, (sql = statementFor(field)));
      // SQLite stores a datetime as milliseconds; PostgreSQL reads an ISO time as a timestamp.
      const now = sqlite ? Date.now() : new Date().toISOString();
      const [row] = await rowsOf(sql, dated ? [value, locale, now] : [value, locale]);
      if (!row) return null;
      const entry = toEntry(columns, row);
      await attach(loaders, [entry]);
      return entry;
    };
  };

  return { entryReader };
};
