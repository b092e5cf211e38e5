// Loads what the rules read: a document's draft in one locale, with the texts of the
// entries linked to it, as its type declares (`inspect` in src/api/<name>/newsroom.ts).
// Reads go through the query layer, so inside a publish they see its transaction.
import type { Core, UID } from '@strapi/strapi';
import { blockImageTexts, blockLinks, blockTexts } from '../../lib/inspection/blocks-text';
import { settingsOf } from '../../utils/type-settings';
import type { Owner, Subject } from './types';

type Row = Record<string, unknown> & { documentId: string; locale?: string | null };

const MAX_LINKED = 500;

export const isInspected = (uid: string) => Boolean(settingsOf(uid)?.inspect);

const attributeType = (strapi: Core.Strapi, uid: UID.ContentType, attribute: string) =>
  (strapi.getModel(uid)?.attributes as Record<string, { type?: string; target?: UID.ContentType }> | undefined)?.[attribute];

/** Adds an entry's own texts to the subject, under `prefix` (empty for the document itself). */
const addTexts = (strapi: Core.Strapi, subject: Subject, uid: UID.ContentType, row: Row, prefix: string) => {
  for (const attribute of settingsOf(uid)?.inspect?.fields ?? []) {
    const value = row[attribute];
    if (value === null || value === undefined || value === '') continue;
    const field = `${prefix}${attribute}`;
    const blocks = attributeType(strapi, uid, attribute)?.type === 'blocks';
    const owner: Owner = { uid, documentId: row.documentId, locale: row.locale ?? null, attribute, blocks };
    subject.owners.set(field, owner);
    if (blocks) {
      for (const piece of blockTexts(value)) subject.pieces.push({ field, node: piece.container, text: piece.text });
      for (const link of blockLinks(value)) subject.links.push({ field, node: link.path, url: link.url });
      // An image's alt text, caption and name as copied into the body: no owner, so no
      // one-click fix (the editor picks the image again or edits the node).
      for (const image of blockImageTexts(value))
        subject.pieces.push({ field: `${field}[${image.path.join('.')}].image.${image.key}`, text: image.text });
    } else if (typeof value === 'string') {
      subject.pieces.push({ field, text: value });
    }
  }
  for (const [component, fields] of Object.entries(settingsOf(uid)?.inspect?.components ?? {})) {
    const value = row[component] as Record<string, unknown> | null | undefined;
    if (!value || typeof value !== 'object') continue;
    for (const attribute of fields) {
      if (typeof value[attribute] !== 'string' || value[attribute] === '') continue;
      const field = `${prefix}${component}.${attribute}`;
      subject.owners.set(field, { uid, documentId: row.documentId, locale: row.locale ?? null, attribute, blocks: false, component });
      subject.pieces.push({ field, text: value[attribute] as string });
    }
  }
};

/** A 栏目 readers can see: the draft's channel has a published version in that locale. */
const hasPublishedChannel = async (strapi: Core.Strapi, channel: { documentId?: string } | null, locale: string | null) =>
  Boolean(
    channel?.documentId &&
    (await strapi.db.query('api::channel.channel').count({
      where: { documentId: channel.documentId, publishedAt: { $notNull: true }, ...(locale ? { locale } : {}) },
    }))
  );

/** The draft of a document in one locale, ready for the rules; null when there is none. */
export const loadSubject = async (
  strapi: Core.Strapi,
  type: string,
  documentId: string,
  locale: string | null
): Promise<Subject | null> => {
  // The registry knows the type, or it is not inspected: its uid is then a declared one.
  const settings = settingsOf(type);
  if (!settings?.inspect) return null;
  const { uid, inspect } = settings;
  const relations = inspect.relations ?? [];
  const media = inspect.media ?? [];
  const populate: Record<string, unknown> = {};
  for (const relation of relations) {
    const target = attributeType(strapi, uid, relation)?.target;
    const fields = (target && settingsOf(target)?.inspect?.fields) || [];
    populate[relation] = { select: ['id', 'documentId', 'locale', ...fields], limit: MAX_LINKED };
  }
  for (const field of media) populate[field] = { select: ['id', 'url', 'name', 'caption', 'alternativeText'] };
  for (const [component, fields] of Object.entries(inspect.components ?? {})) populate[component] = { select: ['id', ...fields] };
  if (inspect.facts) populate.channel = { select: ['id', 'documentId'] };
  const where: Record<string, unknown> = { documentId, publishedAt: null };
  if (locale) where.locale = locale;
  const row = (await strapi.db.query(uid).findOne({ where, populate })) as Row | null;
  if (!row) return null;

  const subject: Subject = { uid, documentId, locale: row.locale ?? locale, pieces: [], owners: new Map(), links: [], media: [] };
  addTexts(strapi, subject, uid, row, '');
  for (const relation of relations) {
    const target = attributeType(strapi, uid, relation)?.target;
    const linked = row[relation];
    if (!target || !Array.isArray(linked)) continue;
    linked.forEach((entry: Row, index) => addTexts(strapi, subject, target, entry, `${relation}[${index}].`));
  }
  for (const field of media) {
    const value = row[field];
    const files = (Array.isArray(value) ? value : value ? [value] : []) as Array<Record<string, string | null | undefined>>;
    files.forEach((file, index) => {
      if (file.url) subject.media.push({ field, url: file.url, name: file.name ?? file.url });
      // What the reader shows with the file: its caption, alt text and (for attachments) name.
      // Edited in the media library, so there is no one-click fix here.
      for (const key of ['caption', 'alternativeText', 'name']) {
        if (file[key]) subject.pieces.push({ field: `${field}[${index}].${key}`, text: file[key] as string });
      }
    });
  }
  if (inspect.facts) {
    subject.facts = {
      source: row.source as string | null,
      hasChannel: await hasPublishedChannel(strapi, row.channel as { documentId?: string } | null, row.locale ?? null),
      publishDate: row.publishDate as string | null,
    };
  }
  return subject;
};
