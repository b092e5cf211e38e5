// What a version holds of a document: the attributes readers would see, read from its
// schema and the type registry's reader graph (readerGraphOf): every public field (text,
// blocks, numbers, dates, enumerations), its single and dynamic components, its files, and
// the linked entries the graph lists (an article's quotes, commended names and 栏目) as
// documentIds in their order. Private fields (定时发布, 原网页) and system fields are not
// content. Reads go through the query layer: inside a save they see its transaction.
import type { Core, UID } from '@strapi/strapi';
import { readerGraphOf, settingsOf } from '../../utils/type-settings';
import { contentTypeSchema } from '../../strapi-internals/schemas';
import { schemaOf } from '../review';
import type { FieldKind } from '../../lib/versions/diff';
import type { Snapshot } from '../../lib/versions/snapshot';

const SYSTEM = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);
const TEXT = new Set(['string', 'text', 'richtext', 'email']);
// updatedAt too: a file replaced in place may keep its name, url and hash.
const FILE_FIELDS = ['id', 'name', 'url', 'hash', 'mime', 'size', 'alternativeText', 'caption', 'updatedAt'];

type Attribute = { type: string; private?: boolean; relation?: string; target?: string; multiple?: boolean; repeatable?: boolean };

/** The types that keep versions: the project's declared types with draft & publish. */
export const isVersioned = (strapi: Core.Strapi, uid: string) =>
  uid.startsWith('api::') && Boolean(settingsOf(uid)) && contentTypeSchema(strapi, uid)?.options?.draftAndPublish !== false;

export const isLocalized = (strapi: Core.Strapi, uid: string) =>
  (contentTypeSchema(strapi, uid)?.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized === true;

/** The attributes a version holds, with their kinds (for the comparison), in schema order. */
export const contentAttributes = (strapi: Core.Strapi, uid: string) => {
  const attributes = (contentTypeSchema(strapi, uid)?.attributes ?? {}) as Record<string, Attribute>;
  const graph = readerGraphOf(schemaOf(strapi), uid);
  const out: Array<{ name: string; kind: FieldKind; attribute: Attribute }> = [];
  for (const [name, attribute] of Object.entries(attributes)) {
    if (SYSTEM.has(name) || attribute.private) continue;
    if (attribute.type === 'relation') {
      if (graph.relations.includes(name)) out.push({ name, kind: 'relation', attribute });
    } else if (attribute.type === 'media') out.push({ name, kind: 'media', attribute });
    else if (attribute.type === 'component' || attribute.type === 'dynamiczone') out.push({ name, kind: 'component', attribute });
    else if (attribute.type === 'blocks') out.push({ name, kind: 'blocks', attribute });
    else out.push({ name, kind: TEXT.has(attribute.type) ? 'text' : 'value', attribute });
  }
  return out;
};

export const kindsOf = (strapi: Core.Strapi, uid: string): Record<string, FieldKind> =>
  Object.fromEntries(contentAttributes(strapi, uid).map(({ name, kind }) => [name, kind]));

const isToMany = (attribute: Attribute) => /ToMany$/.test(attribute.relation ?? '');

/** Components as stored, without their row ids (two saves of the same text are the same version). */
const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'id')
      .map(([key, inner]) => [key, withoutIds(inner)])
  );
};

const fileOf = (file: Record<string, unknown> | null) =>
  file ? Object.fromEntries(FILE_FIELDS.filter((key) => file[key] !== undefined).map((key) => [key, file[key]])) : null;

/** The content of one version of a document in one locale (null: no such row). */
export const readSnapshot = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale: string | null,
  published: boolean
): Promise<Snapshot | null> => {
  const attributes = contentAttributes(strapi, uid);
  const populate: Record<string, unknown> = {};
  for (const { name, kind } of attributes) {
    if (kind === 'relation') populate[name] = { select: ['id', 'documentId'] };
    else if (kind === 'media') populate[name] = { select: FILE_FIELDS };
    else if (kind === 'component') populate[name] = true;
  }
  const row = (await strapi.db.query(uid as UID.ContentType).findOne({
    where: { documentId, ...(locale ? { locale } : {}), publishedAt: published ? { $notNull: true } : null },
    populate: populate as never,
  })) as Record<string, unknown> | null;
  if (!row) return null;
  const snapshot: Snapshot = {};
  for (const { name, kind, attribute } of attributes) {
    const value = row[name];
    if (kind === 'relation') {
      const ids = ([] as Array<{ documentId?: string } | null>).concat((value as never) ?? []).map((entry) => entry?.documentId ?? null);
      snapshot[name] = isToMany(attribute) ? ids.filter(Boolean) : (ids[0] ?? null);
    } else if (kind === 'media') {
      snapshot[name] = Array.isArray(value) ? value.map((file) => fileOf(file)) : fileOf((value as Record<string, unknown>) ?? null);
    } else if (kind === 'component') snapshot[name] = withoutIds(value ?? null);
    else snapshot[name] = value ?? null;
  }
  return snapshot;
};

/** The label of a linked entry for the comparison: its type's main field, as the content manager shows it. */
export const labelsOf = async (strapi: Core.Strapi, uid: string, ids: Record<string, string[]>, locale: string | null) => {
  const attributes = Object.fromEntries(contentAttributes(strapi, uid).map((entry) => [entry.name, entry.attribute]));
  const labels: Record<string, string> = {};
  for (const [field, documentIds] of Object.entries(ids)) {
    const target = attributes[field]?.target;
    if (!target || documentIds.length === 0) continue;
    const mainField = settingsOf(target)?.admin?.mainField ?? 'documentId';
    const rows = (await strapi.db.query(target as UID.ContentType).findMany({
      where: { documentId: { $in: documentIds }, publishedAt: null, ...(locale && isLocalized(strapi, target) ? { locale } : {}) },
      select: ['documentId', mainField],
    })) as Array<Record<string, unknown>>;
    for (const row of rows) labels[row.documentId as string] = String(row[mainField] ?? row.documentId);
  }
  return labels;
};

/** A snapshot as the document service's `data` for the draft: linked entries and files that no longer exist are left out and named. */
export const dataOf = async (strapi: Core.Strapi, uid: string, snapshot: Snapshot, locale: string | null) => {
  const data: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const { name, kind, attribute } of contentAttributes(strapi, uid)) {
    if (!(name in snapshot)) continue;
    const value = snapshot[name];
    if (kind === 'relation') {
      const target = attribute.target as UID.ContentType;
      const wanted = ([] as Array<string | null>).concat((value as never) ?? []).filter((id): id is string => Boolean(id));
      const localized = Boolean(locale) && isLocalized(strapi, target);
      const found = new Set(
        (
          (await strapi.db.query(target).findMany({
            where: { documentId: { $in: wanted }, publishedAt: null, ...(localized ? { locale } : {}) },
            select: ['documentId'],
          })) as Array<{ documentId: string }>
        ).map((row) => row.documentId)
      );
      for (const id of wanted) if (!found.has(id)) missing.push(`${name}:${id}`);
      data[name] = { set: wanted.filter((id) => found.has(id)).map((documentId) => (localized ? { documentId, locale } : { documentId })) };
    } else if (kind === 'media') {
      const files = ([] as Array<{ id?: number } | null>)
        .concat((value as never) ?? [])
        .filter((file): file is { id: number } => Boolean(file?.id));
      const found = new Set(
        (
          (await strapi.db
            .query('plugin::upload.file')
            .findMany({ where: { id: { $in: files.map((file) => file.id) } }, select: ['id'] })) as Array<{ id: number }>
        ).map((row) => row.id)
      );
      for (const file of files) if (!found.has(file.id)) missing.push(`${name}:${file.id}`);
      const ids = files.map((file) => file.id).filter((id) => found.has(id));
      data[name] = attribute.multiple ? ids : (ids[0] ?? null);
    } else data[name] = value;
  }
  return { data, missing };
};
