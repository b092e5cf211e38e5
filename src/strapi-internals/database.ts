// Strapi's database layer below the document service: model metadata (table and column
// names, join tables), its field classes, and knex's pool of raw driver connections.
// Each is asserted by tests/integration/strapi-internals.test.ts (docs/upgrading-strapi.md).
import type { Core } from '@strapi/strapi';
// Not among @strapi/database's exports' types: its field classes convert a column's value
// as the document service does (dates, booleans, big integers, JSON), for src/features/reader.
import { createField } from '@strapi/database/dist/fields';

export type JoinColumn = { name: string; referencedColumn: string };
export type JoinTable = {
  name: string;
  joinColumn: JoinColumn;
  inverseJoinColumn?: JoinColumn;
  morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
  orderBy?: Record<string, 'asc' | 'desc'>;
  /** The position of the row in its target's list (a manyToOne's inverse side, e.g. an article's quotes). */
  inverseOrderColumnName?: string;
  /** A component's join table is shared by the entry's component fields: `{ field: name }`. */
  on?: Record<string, string>;
};
export type MetaAttribute = {
  type: string;
  relation?: string;
  target?: string;
  morphBy?: string;
  columnName?: string;
  joinTable?: JoinTable;
};
/** A model's metadata: its table, and each attribute's column or join table. */
export type ModelMetadata = { tableName: string; attributes: Record<string, MetaAttribute> };

/**
 * The metadata of a model (a content type, component or join table), by uid. Relies on:
 * strapi.db.metadata.get's `tableName`, attributes' `columnName` and `joinTable` (typed as
 * the private Meta of @strapi/database).
 */
export const modelMetadata = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid) as unknown as ModelMetadata;

type Field = { fromDB: (value: unknown) => unknown };

/** Strapi's field class for a metadata attribute. Relies on: @strapi/database/dist/fields `createField`. */
export const fieldFor = (attribute: MetaAttribute): Field => createField(attribute as never);

type Knex = Core.Strapi['db']['connection'];

/** The knex of a transaction strapi.db.transaction hands out (`{ trx }`): a knex bound to it. */
export const transactionKnex = (trx: unknown) => trx as Knex;

type Pool<C> = { acquireConnection: () => Promise<C>; releaseConnection: (connection: C) => Promise<void> };

/**
 * knex's pool of raw driver connections (a better-sqlite3 Database, a pg Client), typed by
 * the caller for its dialect. Relies on: knex's client `acquireConnection`/`releaseConnection`.
 */
export const rawConnectionPool = <C>(strapi: Core.Strapi) => strapi.db.connection.client as unknown as Pool<C>;

/**
 * Links new rows of `uid` to their targets through the manyToOne `field`'s join table, each
 * placed at the end of its target's list (the inverse order column: max + 1, in the order
 * given), as the query layer does for one created row at a time. In the running transaction
 * (`trx`, from strapi.db.transaction). For the importer's batch of new quotes
 * (src/features/import/quote-batch.ts), whose rows are compared with the document service's
 * in tests/integration/importer-speed.test.ts. Relies on: the metadata's `joinTable` with
 * `joinColumn`, `inverseJoinColumn` and `inverseOrderColumnName`.
 */
export const appendManyToOneLinks = async (
  strapi: Core.Strapi,
  trx: unknown,
  uid: string,
  field: string,
  links: Array<{ id: number; target: number }>
) => {
  const joinTable = modelMetadata(strapi, uid).attributes[field]?.joinTable;
  if (!joinTable?.inverseJoinColumn || !joinTable.inverseOrderColumnName)
    throw new Error(`${uid}.${field}: not a manyToOne with an ordered join table (src/strapi-internals/database.ts needs updating)`);
  if (links.length === 0) return;
  const knex = transactionKnex(trx);
  const own = joinTable.joinColumn.name;
  const target = joinTable.inverseJoinColumn.name;
  const order = joinTable.inverseOrderColumnName;
  const targets = [...new Set(links.map((link) => link.target))];
  const last = new Map<number, number>();
  for (const row of (await knex(joinTable.name).select(target).max(order, { as: 'max' }).whereIn(target, targets).groupBy(target)) as Array<
    Record<string, unknown>
  >)
    last.set(Number(row[target]), Number(row.max ?? 0));
  const rows = links.map((link) => {
    const position = (last.get(link.target) ?? 0) + 1;
    last.set(link.target, position);
    return { [own]: link.id, [target]: link.target, [order]: position };
  });
  await knex(joinTable.name).insert(rows);
};
