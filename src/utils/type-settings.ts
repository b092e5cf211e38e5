// What the project needs to know about each content type, declared once in the type's
// own folder (src/api/<name>/newsroom.ts) and read here by the bootstraps and rules:
// public read, slug source, admin layout, rebuild trigger, seed group, what readers see
// (inspect), its review mode, its labels and its feed. A component a type uses may be
// declared beside it (its uid and admin layout only).
// A new type needs its folder and that file, plus its line in types/generated (the uid union).
import fs from 'fs';
import path from 'path';
import type { UID } from '@strapi/strapi';

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

/**
 * A type's feed (RSS, Atom, JSON Feed: src/features/feeds), site-wide at
 * /api/feeds/<name>.<format>; the type that declares `channels` also serves the 栏目
 * feeds at /api/channels/:slug/feed.<format>. Public like the type's own reads.
 */
export type FeedSettings = {
  /** The path segment: /api/feeds/<name>.rss. */
  name: string;
  /** Said after the site's name in the feed's title, by locale (none: the site's name alone). */
  label?: Record<string, string>;
  /** What the permanent urn:uuid ids are made from: `<item>:<documentId>:<locale>` and `feed:<feed>:<locale>`. Fixed forever. */
  ids: { item: string; feed: string };
  /** The item's page on the public site ({slug}, {documentId}, {locale}), or the config/feeds.ts key holding it. */
  path: string | { config: string };
  /** Serves the 栏目 feeds (one type does: its `fields.channel` is the 栏目). */
  channels?: boolean;
  /** The type's attributes each part of an item is read from. */
  fields: {
    title: string;
    /** Joined to the title with ——. */
    subtitle?: string;
    slug?: string;
    summary?: string;
    /** A blocks field, rendered as the item's HTML. */
    body?: string;
    author?: string;
    /** The date readers see (the publish time when empty): newest first by it, and one still ahead is not shown. */
    date?: string;
    /** A media field, the item's image. */
    image?: string;
    /** The 栏目 relation, the item's category. */
    channel?: string;
  };
};

/** What a type's own publish rule reports (`checks`). */
export type DeclaredFinding = { field: string; message: string; match?: string; severity?: 'block' | 'warn' };

export type TypeSettings = {
  uid: UID.ContentType;
  /** What editors call it: Chinese (待我审核) and English (操作日志 shows both). */
  labels?: { zh: string; en: string };
  /** Its feed (src/features/feeds); a type without one has none. */
  feed?: FeedSettings;
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
   * The type's own publish rules, run with the publish checks (src/features/inspection):
   * each gets the draft's reader-visible texts by field (those `inspect` lists) and returns
   * what must change; a finding blocks the publish unless it is a `warn` a 终审 accepts.
   */
  checks?: Array<(texts: Record<string, string>) => DeclaredFinding[]>;
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

/** A component's admin layout, declared beside the type that uses it. */
export type ComponentSettings = { uid: UID.Component; admin: AdminLayout };

/** What a src/api/<name>/newsroom.ts exports by default. */
export type Declarations = TypeSettings | Array<TypeSettings | ComponentSettings>;

let cache: { types: TypeSettings[]; components: ComponentSettings[] } | null = null;

const isComponent = (declared: TypeSettings | ComponentSettings): declared is ComponentSettings => !declared.uid.includes('::');

const declarations = () => {
  if (cache) return cache;
  const apiDir = path.join(__dirname, '..', 'api');
  const found: Array<TypeSettings | ComponentSettings> = [];
  for (const name of fs.readdirSync(apiDir).sort()) {
    const file = ['newsroom.js', 'newsroom.ts'].map((base) => path.join(apiDir, name, base)).find((candidate) => fs.existsSync(candidate));
    if (!file) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- declarations are found on disk, not listed by hand
    const declared = require(file).default as Declarations;
    found.push(...(Array.isArray(declared) ? declared : [declared]));
  }
  cache = { types: found.filter((declared) => !isComponent(declared)) as TypeSettings[], components: found.filter(isComponent) };
  return cache;
};

/** Every type's declaration, from src/api/<name>/newsroom.(ts|js), in folder order. */
export const allTypeSettings = (): TypeSettings[] => declarations().types;

/** The components' admin layouts declared beside their types. */
export const componentSettings = (): ComponentSettings[] => declarations().components;

export const settingsOf = (uid: string) => allTypeSettings().find((settings) => settings.uid === uid);

export const componentSettingsOf = (uid: string) => componentSettings().find((settings) => settings.uid === uid);

/** The declared types having `key` (`typesWith('feed')`). */
export const typesWith = <K extends keyof TypeSettings>(key: K) =>
  allTypeSettings().filter((settings): settings is TypeSettings & Required<Pick<TypeSettings, K>> => settings[key] !== undefined);

export const readableTypes = () =>
  allTypeSettings()
    .filter((settings) => settings.publicRead)
    .map((settings) => settings.uid);

/** The types that are inspected (publish checks, src/features/inspection). */
export const inspectedTypes = () => typesWith('inspect').map((settings) => settings.uid);

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
  target: UID.ContentType;
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
      target: (attribute.target ?? '') as UID.ContentType,
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
