// The reader-visible fields one locale version shares with the others: Strapi's i18n
// plugin copies every attribute declared `localized: false` (cover, attachments, 信息公开,
// 原网站点击率) to the document's other locales after a write, by direct database
// writes no rule sees. So a write changing one of them is an edit of every locale.
import type { VisibleFields } from './stages';

type Attribute = { pluginOptions?: { i18n?: { localized?: boolean } } };

/** Of the reader-visible fields, files and components, those the locales share (relations are per locale). */
export const sharedVisibleFields = (visible: VisibleFields, attributes: Record<string, unknown>): VisibleFields => {
  const shared = (name: string) => (attributes[name] as Attribute | undefined)?.pluginOptions?.i18n?.localized === false;
  return {
    fields: visible.fields.filter(shared),
    relations: [],
    media: visible.media.filter(shared),
    components: (visible.components ?? []).filter(shared),
  };
};

export const isEmptyGraph = (visible: VisibleFields) =>
  !visible.fields.length && !visible.media.length && !(visible.components ?? []).length;
