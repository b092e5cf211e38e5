/// <reference types="vite/client" />
// What the content manager calls each type and field, in both admin languages. It asks
// react-intl for a type by its schema's displayName ("稿件 Article", the menu, the list's
// title, the homepage widgets) and for a field by `content-manager.content-types.<uid>.<field>`
// (the list's headers, the edit view's labels), a component's field by
// `content-manager.components.<uid>.<field>`. The names come from where the types declare
// them: a type's `labels` in src/api/<name>/newsroom.ts (else its displayName, Chinese then
// English), a field's `label` there (Chinese) and the English name that closes its description,
// "（Title）". Found on disk at build time, as src/utils/type-settings.ts finds them at start.
import type { AdminLayout, ComponentSettings, Declarations, TypeSettings } from '../utils/type-settings';
import type { AdminTranslations } from './admin-part';

type Schema = { info?: { displayName?: string }; collectionName?: string; attributes?: Record<string, unknown> };

const declared = Object.values(import.meta.glob<Declarations>('../api/*/newsroom.ts', { eager: true, import: 'default' })).flatMap(
  (declarations) => (Array.isArray(declarations) ? declarations : [declarations])
) as Array<TypeSettings | ComponentSettings>;

/** Each content type's schema by uid (api::<api>.<type>, from its path). */
const typeSchemas = Object.entries(
  import.meta.glob<Schema>('../api/*/content-types/*/schema.json', { eager: true, import: 'default' })
).map(([file, schema]) => {
  const [, api, type] = /\.\.\/api\/([^/]+)\/content-types\/([^/]+)\/schema\.json$/.exec(file) ?? [];
  return { uid: `api::${api}.${type}`, schema };
});

/** Each component's schema by uid (<category>.<name>). */
const componentSchemas = Object.entries(import.meta.glob<Schema>('../components/*/*.json', { eager: true, import: 'default' })).map(
  ([file, schema]) => {
    const [, category, name] = /\.\.\/components\/([^/]+)\/([^/]+)\.json$/.exec(file) ?? [];
    return { uid: `${category}.${name}`, schema };
  }
);

/** Strapi's own fields, named alike in every type (the Chinese as src/features/editing/admin-layout.ts sets it). */
const COMMON: Record<string, { zh: string; en: string }> = {
  id: { zh: '编号', en: 'ID' },
  documentId: { zh: '文档编号', en: 'Document ID' },
  createdAt: { zh: '创建时间', en: 'Created at' },
  updatedAt: { zh: '更新时间', en: 'Updated at' },
  publishedAt: { zh: '发布于', en: 'Published at' },
  createdBy: { zh: '创建人', en: 'Created by' },
  updatedBy: { zh: '最后修改人', en: 'Updated by' },
  locale: { zh: '语言', en: 'Locale' },
};

/** "Publish at" from a description ending "（Publish at）" or "（Scheduled by, set by the server）". */
export const englishName = (description: string | undefined) => {
  const closing = /（([^（）]*[A-Za-z][^（）]*)）\s*$/.exec(description ?? '');
  return closing ? closing[1].split(/[,，]/)[0].trim() : undefined;
};

/** "commendedUnits" → "Commended units": the last resort for a field with no English name. */
const fromAttribute = (name: string) => {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A displayName "检查词表 Word list" split where the Latin begins. */
const splitDisplayName = (displayName: string) => {
  const at = displayName.search(/[A-Za-z]/);
  return at > 0 ? { zh: displayName.slice(0, at).trim(), en: displayName.slice(at).trim() } : { zh: displayName, en: displayName };
};

const fieldsOf = (prefix: string, schema: Schema, layout: AdminLayout | undefined, into: AdminTranslations) => {
  for (const name of [...Object.keys(schema.attributes ?? {}), ...Object.keys(COMMON)]) {
    const field = layout?.fields[name];
    const zh = field?.label ?? COMMON[name]?.zh;
    const en = englishName(field?.description) ?? COMMON[name]?.en ?? fromAttribute(name);
    const id = `${prefix}.${name}`;
    if (zh) into['zh-Hans'][id] = zh;
    into.en[id] = en;
  }
};

/** The translations of every type's and component's name and fields. */
export const contentNames = (): AdminTranslations => {
  const names: AdminTranslations = { 'zh-Hans': {}, en: {} };
  const all = [
    ...typeSchemas.map((entry) => ({ ...entry, prefix: `content-manager.content-types.${entry.uid}` })),
    ...componentSchemas.map((entry) => ({ ...entry, prefix: `content-manager.components.${entry.uid}` })),
  ];
  for (const { uid, schema, prefix } of all) {
    const displayName = schema.info?.displayName;
    const settings = declared.find((entry) => entry.uid === uid);
    if (displayName) {
      const split = splitDisplayName(displayName);
      const labels = settings && 'labels' in settings ? settings.labels : undefined;
      names['zh-Hans'][displayName] = labels?.zh ?? split.zh;
      names.en[displayName] = labels?.en ?? split.en;
    }
    fieldsOf(prefix, schema, settings?.admin, names);
  }
  return names;
};

/** The types that pass 三审 themselves (`review: 'own'` in their newsroom.ts), as the server's registry says. */
export const ownReviewTypes = () =>
  declared.filter((entry): entry is TypeSettings => 'review' in entry && entry.review === 'own').map((entry) => entry.uid as string);
