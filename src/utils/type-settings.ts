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
   * What the publish checks read (src/publish-guard): its reader-visible text fields
   * (string, text or blocks, images in blocks included), the relations whose texts are
   * checked with it (each with its own type's fields), its media fields (their captions,
   * alt texts and names), its components' text fields, and whether it needs 来源/栏目/发布时间.
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
   * 三审 (src/publish-guard/check-review-stage.ts): `own` passes 草稿 → 初审 → 复审 → 终审
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
