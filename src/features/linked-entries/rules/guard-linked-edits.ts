// A write that changes an entry's reader-visible graph is an edit of that entry. The
// graph is its type's declaration (src/utils/type-settings.ts, readerGraphOf): an
// article shows its 讲话摘录 and the commended units and individuals it names. So when a
// linked entry is created, changed, deleted, published, unpublished or discarded, or is
// linked to or unlinked from an article from either side (quote.article, article.quotes,
// unit.articles…), the caller must hold the content manager's update right on EACH
// article affected (its own role conditions apply: a 撰稿 only their own), else 403 and
// nothing is written; and each affected article past 初审 goes back to 初审, a system
// move naming what changed (publishing or discarding changes no approved text: right
// checked, stage kept). Scripts and jobs (no request) may; their changes reset too.
// `assertMayChangeVisible` is the same rule for other writes (files of an entry).
import type { Core, UID } from '@strapi/strapi';
import { changedVisibleFields } from '../../../lib/review/stages';
import { defaultLocale } from '../../../utils/locales';
import { callerOf, mayOnEntry, type Caller } from '../../../utils/request-rights';
import { ownersOf, readerGraphOf, settingsOf } from '../../../utils/type-settings';
import { readDraft, schemaOf, sendBackToFirst } from '../../review';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { forbiddenWithMessage } from '../../../strapi-internals/errors';

/** One entry named in a relation input: by documentId, or by row id (the content manager sends both). */
export type Ref = { documentId?: string; id?: number };
/** A relation input as a write sends it; null when it leaves the relation as it is. */
export type RelationInput = { replace: boolean; connect: Ref[]; disconnect: Ref[] };

const refOf = (value: unknown): Ref | null => {
  if (typeof value === 'string' && value) return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (value && typeof value === 'object') {
    const { documentId, id } = value as { documentId?: unknown; id?: unknown };
    if (typeof documentId === 'string' && documentId) return { documentId };
    if (typeof id === 'number' || (typeof id === 'string' && /^\d+$/.test(id))) return { id: Number(id) };
  }
  return null;
};
const refsOf = (value: unknown) =>
  (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value])
    .map(refOf)
    .filter((ref): ref is Ref => ref !== null);

/** Reads every form of relation input Strapi takes: ids, documentIds, objects, lists, null, connect/disconnect/set. */
export const parseRelationInput = (value: unknown): RelationInput | null => {
  if (value === undefined) return null;
  if (value === null) return { replace: true, connect: [], disconnect: [] };
  if (typeof value === 'object' && !Array.isArray(value) && ['connect', 'disconnect', 'set'].some((key) => key in (value as object))) {
    const { connect, disconnect, set } = value as Record<string, unknown>;
    const input = { replace: set !== undefined, connect: [...refsOf(set), ...refsOf(connect)], disconnect: refsOf(disconnect) };
    return input.replace || input.connect.length || input.disconnect.length ? input : null;
  }
  return { replace: true, connect: refsOf(value), disconnect: [] };
};

export type LinkedWrite = {
  action: string;
  /** The owners (documentIds) the entry is shown in before the write. */
  before: string[];
  /** The relation to the owners as the write sends it (documentIds), null when not sent. */
  input: { replace: boolean; connect: string[]; disconnect: string[] } | null;
  /** The relation points to one owner (a quote's article): connecting replaces. */
  toOne: boolean;
  /** Reader-visible fields of the entry the write changes. */
  changed: string[];
};

/** What a write to a linked entry means for its owners: whose right it needs, which it sends back to 初审, and why. */
export const linkedWriteDecision = ({ action, before, input, toOne, changed }: LinkedWrite) => {
  const unique = (ids: string[]) => [...new Set(ids)];
  if (['publish', 'unpublish', 'discardDraft'].includes(action)) return { check: unique(before), reset: [] as string[], what: '' };
  if (action === 'delete') return { check: unique(before), reset: unique(before), what: '删除' };
  const replace = input ? input.replace || (toOne && input.connect.length > 0) : false;
  const after = !input ? before : replace ? input.connect : [...before.filter((id) => !input.disconnect.includes(id)), ...input.connect];
  if (action === 'create' || action === 'clone') {
    // A copy not relinked is shown where its source is.
    const owners = unique(action === 'clone' && !input ? before : after);
    return { check: owners, reset: owners, what: action === 'create' ? '新建' : '复制' };
  }
  const added = after.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.includes(id));
  const reset = unique([...added, ...removed, ...(changed.length ? after : [])]);
  const what = [
    ...(changed.length ? [`修改 ${changed.join('、')}`] : []),
    ...(added.length ? ['关联'] : []),
    ...(removed.length ? ['取消关联'] : []),
  ].join('，');
  return { check: reset, reset, what };
};

/** The type's Chinese name (`讲话摘录` of `讲话摘录 Speaker quote`), for messages and the history. */
const labelOf = (strapi: Core.Strapi, uid: UID.ContentType) =>
  String((strapi.contentTypes[uid]?.info as { displayName?: string } | undefined)?.displayName ?? uid).split(' ')[0];

const ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  clone: '复制',
  publish: '发布',
  unpublish: '撤下',
  discardDraft: '放弃草稿',
};

// A PolicyError (a 403) keeps its message through Strapi's authorize step; a ForbiddenError's is blanked.
const refused = (title: string, what: string) =>
  forbiddenWithMessage(
    `您无权修改稿件《${title}》：${what}会改变这篇稿件读者看到的内容。请由稿件作者或审核编辑修改，或联系管理员（You may not change what readers see of this article）`
  );

type Key = { uid: string; documentId: string; locale: string };

const titleOf = async (strapi: Core.Strapi, key: Key) => {
  const mainField = settingsOf(key.uid)?.admin?.mainField ?? 'title';
  const row = (await strapi.db.query(key.uid).findOne({
    where: { documentId: key.documentId, locale: key.locale, publishedAt: null },
    select: ['id', mainField],
  })) as Record<string, unknown> | null;
  return String(row?.[mainField] ?? key.documentId);
};

/** Refuses (403, nothing written) unless the caller may edit every entry in `keys`. */
const assertMayEdit = async (strapi: Core.Strapi, caller: Caller, keys: Key[], what: string) => {
  for (const key of keys) {
    if (!(await mayOnEntry(strapi, caller, 'update', key.uid, key.documentId, key.locale))) {
      throw refused(await titleOf(strapi, key), what);
    }
  }
};

/**
 * For other writes that change what readers see of entries (files replaced or their
 * captions edited): refuses with 403 unless the request's caller may edit every entry
 * (uid `ownerUid`, documentIds, locale; null: every locale they exist in), then sends
 * those past 初审 back to 初审 with `what` in the history. Call it before writing,
 * inside the write's transaction when there is one. Outside a request it only resets.
 */
export const assertMayChangeVisible = async (
  strapi: Core.Strapi,
  ownerUid: string,
  documentIds: string[],
  locale: string | null,
  what: string
) => {
  const rows = documentIds.length
    ? ((await strapi.db.query(ownerUid).findMany({
        where: { documentId: { $in: documentIds }, publishedAt: null, ...(locale ? { locale } : {}) },
        select: ['documentId', 'locale'],
      })) as Array<{ documentId: string; locale?: string | null }>)
    : [];
  const fallback = locale ?? (await defaultLocale(strapi));
  const keys = rows.map((row) => ({ uid: ownerUid, documentId: row.documentId, locale: row.locale ?? fallback }));
  await assertMayEdit(strapi, callerOf(strapi), keys, what);
  for (const key of keys) await sendBackToFirst(strapi, key, [what]);
};

/** The owners (documentIds) an entry's draft links to through `link`, in one locale. */
const linkedOwners = async (strapi: Core.Strapi, uid: string, documentId: string, locale: string, inverse: string) => {
  const row = (await strapi.db.query(uid).findOne({
    where: { documentId, locale, publishedAt: null },
    select: ['id'],
    populate: { [inverse]: { select: ['documentId'] } },
  })) as Record<string, unknown> | null;
  const value = row?.[inverse];
  return (Array.isArray(value) ? value : value ? [value] : []).map((entry) => (entry as { documentId: string }).documentId);
};

/** documentIds of the refs (row ids looked up in `uid`). */
const documentIdsOf = async (strapi: Core.Strapi, uid: string, refs: Ref[]) => {
  const ids = refs.filter((ref) => !ref.documentId && ref.id !== undefined).map((ref) => ref.id!);
  const rows = ids.length
    ? ((await strapi.db.query(uid).findMany({ where: { id: { $in: ids } }, select: ['documentId'] })) as Array<{
        documentId: string;
      }>)
    : [];
  return [...refs.flatMap((ref) => (ref.documentId ? [ref.documentId] : [])), ...rows.map((row) => row.documentId)];
};

const resolved = async (strapi: Core.Strapi, uid: string, input: RelationInput | null) =>
  input && {
    replace: input.replace,
    connect: await documentIdsOf(strapi, uid, input.connect),
    disconnect: await documentIdsOf(strapi, uid, input.disconnect),
  };

const isToOne = (strapi: Core.Strapi, uid: UID.ContentType, field: string) =>
  /ToOne$/.test(String((strapi.contentTypes[uid]?.attributes as Record<string, { relation?: string }>)?.[field]?.relation ?? ''));

export const guardLinkedEdits: DocumentRule = (strapi) => async (context, next) => {
  const schema = schemaOf(strapi);
  const params = paramsOf(context);
  const owners = ownersOf(schema, context.uid);
  const singleLinks = readerGraphOf(schema, context.uid).links.filter((link) => link.single && link.inverse);
  const actions = ['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft'];
  if ((!owners.length && !singleLinks.length) || !actions.includes(context.action)) return next();
  const data = params.data ?? {};
  const locales =
    params.locale === '*' && params.documentId
      ? (
          (await strapi.db.query(context.uid).findMany({
            where: { documentId: params.documentId, publishedAt: null },
            select: ['locale'],
          })) as Array<{ locale: string }>
        ).map((row) => row.locale)
      : [typeof params.locale === 'string' && params.locale !== '*' ? params.locale : await defaultLocale(strapi)];

  const check: Key[] = [];
  const reset: Array<Key & { what: string }> = [];
  for (const locale of locales) {
    // The entry is shown in its owners: a write to it is a write to them.
    const visible = readerGraphOf(schema, context.uid);
    const stored =
      params.documentId && context.action === 'update' ? await readDraft(strapi, context.uid, params.documentId, locale, visible) : null;
    const changed = stored ? changedVisibleFields(data, stored, visible) : [];
    for (const { owner, link } of owners) {
      const inverse = link.inverse!;
      const before = params.documentId ? await linkedOwners(strapi, context.uid, params.documentId, locale, inverse) : [];
      const input = await resolved(strapi, owner, parseRelationInput(data[inverse]));
      const decision = linkedWriteDecision({
        action: context.action,
        before,
        input,
        toOne: isToOne(strapi, context.uid, inverse),
        changed,
      });
      check.push(...decision.check.map((documentId) => ({ uid: owner, documentId, locale })));
      const what = `${labelOf(strapi, context.uid)}：${decision.what}`;
      reset.push(...decision.reset.map((documentId) => ({ uid: owner, documentId, locale, what })));
    }
    // An entry linked here from another owner that it may belong to only once (a quote moved
    // from another article): that owner loses it. A clone's links are written like a create's.
    if (['create', 'update', 'clone'].includes(context.action)) {
      for (const link of singleLinks) {
        const input = await resolved(strapi, link.target, parseRelationInput(data[link.field]));
        if (!input?.connect.length) continue;
        const from = new Set<string>();
        for (const documentId of input.connect) {
          for (const owner of await linkedOwners(strapi, link.target, documentId, locale, link.inverse!)) {
            if (owner !== params.documentId) from.add(owner);
          }
        }
        for (const documentId of from) {
          check.push({ uid: context.uid, documentId, locale });
          reset.push({
            uid: context.uid,
            documentId,
            locale,
            what: `${labelOf(strapi, link.target)}：移到另一${labelOf(strapi, context.uid)}`,
          });
        }
      }
    }
  }
  await assertMayEdit(strapi, callerOf(strapi), check, `${ACTION_LABELS[context.action]}${labelOf(strapi, context.uid)}`);
  // Sent back before the write, in its transaction (record-audit.ts opens one): a write that
  // would also publish (REST creates published by default) then meets the publish guard with
  // its articles at 初审 and is refused, and a refused or failed write undoes the move.
  for (const key of reset) await sendBackToFirst(strapi, key, [key.what]);
  return next();
};
