// What the project needs to know about each content type, declared once in the type's
// own folder (src/api/<name>/newsroom.ts) and read here by the bootstraps and rules:
// public read, slug source, admin layout, rebuild trigger, seed group. A component a type
// uses may be declared beside it (its uid and admin layout only).
// A new type needs its folder and that file, nothing else.
import fs from 'fs';
import path from 'path';

export type LayoutField = {
  label: string;
  description?: string;
  placeholder?: string;
  mainField?: string;
  /** false: shown but not editable (a value the server owns, such as 索引号). */
  editable?: false;
};

export type AdminLayout = {
  fields: Record<string, LayoutField>;
  list?: string[];
  edit?: Array<Array<[string, number]>>;
  mainField?: string;
  defaultSortBy?: string;
  defaultSortOrder?: 'ASC' | 'DESC';
  /** Every field shown but not editable (a log written by the system). */
  readOnly?: boolean;
};

type Fields = Record<string, unknown>;

export type ReviewMode = 'own' | 'with-article' | 'none';

export type TypeSettings = {
  uid: string;
  /** The public role may find/findOne it (published versions only). */
  publicRead?: boolean;
  /** A readable slug is made from `from` when `field` is left empty. */
  slug?: { field: string; from: string };
  /** Publishing, unpublishing or deleting it triggers a static-site rebuild. */
  rebuild?: boolean;
  admin?: AdminLayout;
  /**
   * What readers see of it, the one declaration read by the publish checks
   * (src/features/inspection), the review reset and the guard on linked entries
   * (src/features/review/rules/reset-review-on-edit.ts, guard-linked-edits.ts): its
   * reader-visible text fields (string, text or blocks, images in blocks included), the
   * linked entries shown with it (`relations`: each checked with its own type's fields; a
   * write to one of them is an edit of this entry), its media fields (their captions, alt
   * texts and names), its components' text fields, and whether it needs 来源/栏目/发布时间.
   * Which side of a link holds it, and whether a linked entry belongs to one entry only
   * (a quote to one article), is read from the schema (`readerGraphOf`).
   */
  inspect?: {
    fields: string[];
    relations?: string[];
    media?: string[];
    /** Single components shown to readers, with their reader-visible text fields (信息公开: 发布机构, 主题分类, 文号). */
    components?: Record<string, string[]>;
    facts?: boolean;
  };
  /**
   * 三审 (src/features/review/check-review-stage.ts): `own` passes 草稿 → 初审 → 复审 → 终审
   * itself before it may be published; `with-article` goes public with an article that
   * passed (its publish needs a linked article in 可发布); `none` is not reviewed.
   * Types that declare `inspect` and leave this out are `own`.
   */
  review?: ReviewMode;
  /**
   * Demo seed group (database/seed/demo.json): its key there, the prefix its entries
   * are referred to by, its place in dependency order, and how an entry already in
   * the database is found.
   */
  seed?: {
    group: string;
    ref: string;
    order: number;
    match: (entry: { data?: Fields; relations?: Record<string, string | string[]> }, primary: Fields, refs: Map<string, string>) => Fields;
  };
};

let cache: TypeSettings[] | null = null;

/** Every type's declaration, from src/api/<name>/newsroom.(ts|js), in folder order. */
export const allTypeSettings = (): TypeSettings[] => {
  if (cache) return cache;
  const apiDir = path.join(__dirname, '..', 'api');
  const found: TypeSettings[] = [];
  for (const name of fs.readdirSync(apiDir).sort()) {
    const file = ['newsroom.js', 'newsroom.ts'].map((base) => path.join(apiDir, name, base)).find((candidate) => fs.existsSync(candidate));
    if (!file) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- declarations are found on disk, not listed by hand
    const declared = require(file).default as TypeSettings | TypeSettings[];
    found.push(...(Array.isArray(declared) ? declared : [declared]));
  }
  cache = found;
  return found;
};

export const settingsOf = (uid: string) => allTypeSettings().find((settings) => settings.uid === uid);

export const readableTypes = () =>
  allTypeSettings()
    .filter((settings) => settings.publicRead)
    .map((settings) => settings.uid);

/** How a type is reviewed (三审); types without publish checks are not. */
export const reviewModeOf = (uid: string): ReviewMode => {
  const settings = settingsOf(uid);
  if (!settings?.inspect) return 'none';
  return settings.review ?? 'own';
};

/** The types that pass 三审 themselves. */
export const reviewedTypes = () =>
  allTypeSettings()
    .filter((settings) => reviewModeOf(settings.uid) === 'own')
    .map((settings) => settings.uid);

/** The parts of a Strapi attribute the reader graph reads. */
type Attribute = { type: string; repeatable?: boolean; relation?: string; target?: string; inversedBy?: string; mappedBy?: string };
/** How the graph reads a type's schema (strapi.getModel): passed in, so this file needs no Strapi. */
export type SchemaLookup = (uid: string) => { attributes: Record<string, unknown> } | undefined;

/** A linked entry shown with its owner (an article's quotes, commended units and individuals). */
export type ReaderLink = {
  /** The owner's attribute (`quotes`). */
  field: string;
  /** The linked type (`api::speaker-quote.speaker-quote`). */
  target: string;
  /** The linked type's attribute pointing back (`article`), written from that side too. */
  inverse: string | null;
  /** A linked entry belongs to one owner at most (a quote to one article): linking it elsewhere takes it away. */
  single: boolean;
};

/** What readers see of an entry of one type: its own fields, files and components, and the entries linked into it. */
export type ReaderGraph = {
  fields: string[];
  media: string[];
  /** Single components, shown whole (the 信息公开 table). */
  components: string[];
  /** Every relation compared by the review reset: the links, and 栏目 for types with facts. */
  relations: string[];
  links: ReaderLink[];
};

const attributesOf = (schema: SchemaLookup, uid: string) => (schema(uid)?.attributes ?? {}) as Record<string, Attribute>;

/** The reader-visible graph of `uid`, from its declaration and its schema. */
export const readerGraphOf = (schema: SchemaLookup, uid: string): ReaderGraph => {
  const inspect = settingsOf(uid)?.inspect;
  const attributes = attributesOf(schema, uid);
  const links = (inspect?.relations ?? []).map((field): ReaderLink => {
    const attribute = attributes[field] ?? { type: 'relation' };
    return {
      field,
      target: attribute.target ?? '',
      inverse: attribute.inversedBy ?? attribute.mappedBy ?? null,
      single: attribute.relation === 'oneToMany' || attribute.relation === 'oneToOne',
    };
  });
  return {
    fields: inspect?.fields ?? [],
    media: inspect?.media ?? [],
    components: Object.keys(attributes).filter((name) => attributes[name].type === 'component' && !attributes[name].repeatable),
    // 发布时间 is left out: the date readers see is not what 终审 approves the text for.
    relations: [...links.map((link) => link.field), ...(inspect?.facts ? ['channel'] : [])],
    links,
  };
};

/** Where entries of `uid` are shown inside other entries: each owner type and the link, for the guard on linked entries. */
export const ownersOf = (schema: SchemaLookup, uid: string) =>
  allTypeSettings().flatMap((owner) =>
    readerGraphOf(schema, owner.uid)
      .links.filter((link) => link.target === uid && link.inverse)
      .map((link) => ({ owner: owner.uid, link }))
  );
