// Publishing the other side of a link changes no published article (#27, review of links).
// Strapi 5 publishes an entry with its draft's links, those stored from the other side
// included (commended-unit.articles, commended-individual.articles, channel.articles): the
// published article X would list a unit linked to X's draft only, or show under the 栏目
// its draft moved to, though 终审 approved neither; for a one-article link (an article's
// 栏目) Strapi also drops X's earlier published link. Refusing such publishes would block
// a 栏目 whenever any draft moved into it, so the publish goes ahead and, in its
// transaction, each published row of a reviewed type (articles) gets back the links it
// had before, with the entry's old published row replaced by its new one. The links a
// draft of X holds reach readers when 终审 publishes X (an article's publish is left alone).
import type { Core } from '@strapi/strapi';
import { linksDiffer, restoredLinks } from '../../../lib/review/published-links';
import { readerGraphOf, reviewedTypes, reviewModeOf } from '../../../utils/type-settings';
import { schemaOf } from '../../review';
import { parseRelationInput } from './guard-linked-edits';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';

type Attribute = { type?: string; relation?: string; target?: string; inversedBy?: string; mappedBy?: string };
type Row = { id: number; documentId: string; locale?: string | null } & Record<string, unknown>;
type Snapshot = { owner: string; field: string; single: boolean; rows: Array<{ id: number; updatedAt: unknown; ids: number[] }> };

/** The reader-visible relations of reviewed types (an article's units, individuals, 栏目) that point at `uid`, stored from both sides. */
const linksInto = (strapi: Core.Strapi, uid: string) =>
  reviewedTypes()
    .filter((owner) => owner !== uid)
    .flatMap((owner) => {
      const attributes = (strapi.getModel(owner)?.attributes ?? {}) as Record<string, Attribute>;
      return readerGraphOf(schemaOf(strapi), owner)
        .relations.map((field) => ({ field, attribute: attributes[field] }))
        .filter(
          ({ attribute }) => attribute?.type === 'relation' && attribute.target === uid && (attribute.inversedBy || attribute.mappedBy)
        )
        .map(({ field, attribute }) => ({ owner, field, single: /ToOne$/.test(attribute.relation ?? '') }));
    });

const idsOf = (value: unknown) => (Array.isArray(value) ? value : value ? [value] : []).map((entry) => (entry as { id: number }).id);

const versionsOf = async (strapi: Core.Strapi, uid: string, documentId: string, published: boolean) =>
  (await strapi.db.query(uid).findMany({
    where: { documentId, publishedAt: published ? { $notNull: true } : null },
    select: ['id', 'documentId', 'locale'],
  })) as Row[];

export const keepPublishedLinks: DocumentRule = (strapi) => async (context, next) => {
  const params = paramsOf(context);
  // A create or update with status=published publishes inside Strapi's repository, past the middlewares.
  const publishing = context.action === 'publish' || (['create', 'update'].includes(context.action) && params.status === 'published');
  // A quote goes public with its article: its publish needs that article at 可发布 (a linked
  // change sent it back), so the article's approval covers the link; readers get it now.
  if (!publishing || reviewModeOf(context.uid) === 'with-article') return next();
  const links = linksInto(strapi, context.uid);
  if (!links.length) return next();
  const oldPublished = params.documentId ? await versionsOf(strapi, context.uid, params.documentId, true) : [];
  const drafts = params.documentId ? await versionsOf(strapi, context.uid, params.documentId, false) : [];
  const snapshots: Snapshot[] = [];
  for (const { owner, field, single } of links) {
    const query = strapi.db.query(owner);
    // The published owners linked to the entry now, and those whose drafts link to it (they would be linked by the publish).
    const draftOwners = (await query.findMany({
      where: { publishedAt: null, [field]: { id: { $in: drafts.map((row) => row.id) } } },
      select: ['documentId'],
    })) as Row[];
    // And those the write itself links (the update runs before the publish).
    const inverse = (strapi.getModel(owner)?.attributes as Record<string, Attribute>)[field];
    const refs = parseRelationInput(params.data?.[inverse.inversedBy ?? inverse.mappedBy ?? ''])?.connect ?? [];
    const named = refs.flatMap((ref) => (ref.documentId ? [ref.documentId] : []));
    const byId = refs.flatMap((ref) => (!ref.documentId && ref.id !== undefined ? [ref.id] : []));
    if (byId.length)
      named.push(
        ...((await query.findMany({ where: { id: { $in: byId } }, select: ['documentId'] })) as Row[]).map((row) => row.documentId)
      );
    const rows = (await query.findMany({
      where: {
        publishedAt: { $notNull: true },
        $or: [
          { [field]: { id: { $in: oldPublished.map((row) => row.id) } } },
          { documentId: { $in: [...draftOwners.map((row) => row.documentId), ...named] } },
        ],
      },
      select: ['id', 'updatedAt'],
      populate: { [field]: { select: ['id'] } },
    })) as Row[];
    snapshots.push({ owner, field, single, rows: rows.map((row) => ({ id: row.id, updatedAt: row.updatedAt, ids: idsOf(row[field]) })) });
  }
  const result = await next();
  const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
  if (!documentId) return result;
  const newPublished = await versionsOf(strapi, context.uid, documentId, true);
  const replaced = new Map<number, number>();
  for (const old of oldPublished) {
    const now = newPublished.find((row) => (row.locale ?? null) === (old.locale ?? null));
    if (now) replaced.set(old.id, now.id);
  }
  for (const { owner, field, single, rows } of snapshots) {
    const query = strapi.db.query(owner);
    // A published owner linked to the new version that was not linked to the entry before (a create that publishes): unlinked.
    const stray = (await query.findMany({
      where: {
        publishedAt: { $notNull: true },
        id: { $notIn: rows.map((row) => row.id) },
        [field]: { id: { $in: newPublished.map((row) => row.id) } },
      },
      select: ['id', 'updatedAt'],
      populate: { [field]: { select: ['id'] } },
    })) as Row[];
    const fresh = new Set(newPublished.map((row) => row.id));
    for (const row of stray) rows.push({ id: row.id, updatedAt: row.updatedAt, ids: idsOf(row[field]).filter((id) => !fresh.has(id)) });
    for (const row of rows) {
      const restore = restoredLinks(row.ids, replaced);
      const current = (await query.findOne({ where: { id: row.id }, select: ['id'], populate: { [field]: { select: ['id'] } } })) as Row;
      if (!linksDiffer(idsOf(current?.[field]), restore)) continue;
      await query.update({ where: { id: row.id }, data: { [field]: single ? (restore[0] ?? null) : restore } });
      // update() stamps updatedAt; readers see the approved version's, so it is put back (updateMany stamps only lists).
      await query.updateMany({ where: { id: row.id }, data: { updatedAt: row.updatedAt } });
    }
  }
  return result;
};
