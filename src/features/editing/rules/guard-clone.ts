// Clone (复制) is a read of the source and the creation of a new entry, never a change
// of the source. The caller must be allowed to read the source (a 撰稿 cannot copy out
// another writer's draft they may not open: 403, nothing returned or written). Strapi
// copies relations by re-linking the same entries, which for a link an entry may have
// only once (a quote belongs to one article) MOVES them off the source. Instead those
// links are left off the copy and each linked entry is copied as a new draft linked to
// it: an editor copying an article expects the copy to be whole (its quotes are part of
// what readers would see of it) and the source untouched. The copies are created by the
// caller (the 撰稿 can edit them), the copy starts its own 三审 at 草稿 (its documentId
// is new) and every write is in the 操作日志.
import type { Core } from '@strapi/strapi';
import { defaultLocale } from '../../../utils/locales';
import { callerOf, mayOnEntry } from '../../../utils/request-rights';
import { readerGraphOf } from '../../../utils/type-settings';
import { parseRelationInput } from '../../linked-entries';
import { schemaOf } from '../../review';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { forbiddenWithMessage } from '../../../strapi-internals/errors';

/** The links of a clone's data to leave off (and copy): single links the client did not set itself. */
export const linksToCopy = (singleLinks: string[], data: Record<string, unknown>) =>
  singleLinks.filter((field) => parseRelationInput(data[field]) === null);

export const guardClone: DocumentRule = (strapi: Core.Strapi) => async (context, next) => {
  if (context.action !== 'clone') return next();
  const params = paramsOf(context);
  const source = params.documentId;
  if (!source) return next();
  const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : await defaultLocale(strapi);
  const caller = callerOf(strapi);
  if (!(await mayOnEntry(strapi, caller, 'read', context.uid, source, locale))) {
    // A PolicyError (a 403) keeps its message through Strapi's authorize step; a ForbiddenError's is blanked.
    throw forbiddenWithMessage('您无权查看这篇稿件，因此不能复制它；请复制自己的稿件，或请作者共享（You may not read the entry you copy）');
  }
  const links = readerGraphOf(schemaOf(strapi), context.uid).links.filter((link) => link.single && link.inverse);
  const data = { ...(params.data ?? {}) };
  const copied = links.filter((link) => linksToCopy([link.field], data).length > 0);
  const sourceRow = copied.length
    ? ((await strapi.db.query(context.uid).findOne({
        where: { documentId: source, locale, publishedAt: null },
        select: ['id'],
        populate: Object.fromEntries(copied.map((link) => [link.field, { select: ['documentId'] }])),
      })) as Record<string, Array<{ documentId: string }> | undefined> | null)
    : null;
  for (const link of copied) data[link.field] = { set: [] };
  params.data = data;
  const result = await next();
  const copy = (result as { documentId?: string } | null)?.documentId;
  if (!copy || !sourceRow) return result;
  const creator =
    caller.kind === 'admin' && typeof caller.user.id === 'number' ? { createdBy: caller.user.id, updatedBy: caller.user.id } : {};
  for (const link of copied) {
    for (const linked of sourceRow[link.field] ?? []) {
      // Created, not cloned: the caller read the article, of which its quotes are part.
      // Inside the clone's transaction (record-audit opens it): all of it or none.
      const fields = await copyableData(strapi, link.target, linked.documentId, locale, link.inverse!);
      if (!fields) continue;
      await strapi.documents(link.target as 'api::speaker-quote.speaker-quote').create({
        locale,
        data: { ...fields, [link.inverse!]: { set: [{ documentId: copy, locale }] }, ...creator } as never,
      });
    }
  }
  return result;
};

/** Attributes a copy does not take from its source: identity, bookkeeping, authorship. */
const NOT_COPIED = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'locale',
  'localizations',
  'createdBy',
  'updatedBy',
]);

/** A linked entry's draft as data for a new entry: its fields, components and other links (the link to `inverse` is set by the caller). */
const copyableData = async (strapi: Core.Strapi, uid: string, documentId: string, locale: string, inverse: string) => {
  const attributes = (strapi.contentTypes[uid as 'api::speaker-quote.speaker-quote']?.attributes ?? {}) as Record<string, { type: string }>;
  const names = Object.keys(attributes).filter((name) => !NOT_COPIED.has(name) && name !== inverse);
  const relations = names.filter((name) => attributes[name].type === 'relation');
  const nested = names.filter((name) => ['media', 'component', 'dynamiczone'].includes(attributes[name].type));
  const row = (await strapi.db.query(uid as 'api::speaker-quote.speaker-quote').findOne({
    where: { documentId, locale, publishedAt: null },
    populate: {
      ...Object.fromEntries(relations.map((name) => [name, { select: ['documentId'] }])),
      ...Object.fromEntries(nested.map((name) => [name, true])),
    },
  })) as Record<string, unknown> | null;
  if (!row) return null;
  const data: Record<string, unknown> = {};
  for (const name of names) {
    const value = row[name];
    if (value === undefined) continue;
    if (attributes[name].type === 'relation') {
      const list = Array.isArray(value) ? value : value ? [value] : [];
      data[name] = { set: list.map((entry) => ({ documentId: (entry as { documentId: string }).documentId, locale })) };
    } else if (attributes[name].type === 'component' && value && typeof value === 'object') {
      // A new component row, not the source's.
      const withoutId = (part: unknown) => {
        const { id: _id, ...rest } = part as Record<string, unknown>;
        return rest;
      };
      data[name] = Array.isArray(value) ? value.map(withoutId) : withoutId(value);
    } else data[name] = value;
  }
  return data;
};
