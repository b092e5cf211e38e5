// An approval covers the text 终审 read. Editing what readers see of an entry (its type's
// reader graph: checked fields, linked entries, files, the 信息公开 metadata) after 初审
// passed sends it back to 初审, recorded as a system move. A write to a linked entry (a
// quote, a commended name) is an edit of the entries it is shown in: guard-linked-edits.ts
// sends those back through `sendBackToFirst`. Publishing is not an edit: after a publish
// the stage stays 可发布 until the next change. Nor is a new locale version.
import type { Core } from '@strapi/strapi';
import { changedVisibleFields, resetsReview, STAGE_LABELS, type VisibleFields } from '../../../lib/review/stages';
import { defaultLocale } from '../../../utils/locales';
import { getService } from '../../services';
import { readerGraphOf, reviewModeOf, type SchemaLookup } from '../../../utils/type-settings';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { ARTICLE_UID } from '../../../api/article/newsroom';
import { contentTypeSchema } from '../../../strapi-internals/schemas';

/** The document service is typed per uid; any one stands for the generic calls here. */
type AnyUid = typeof ARTICLE_UID;

export const schemaOf =
  (strapi: Core.Strapi): SchemaLookup =>
  (uid) =>
    contentTypeSchema(strapi, uid) as ReturnType<SchemaLookup>;

/** What readers see of a type, as its newsroom.ts declares it (src/utils/type-settings.ts). */
export const visibleFieldsOf = (strapi: Core.Strapi, uid: string): VisibleFields => readerGraphOf(schemaOf(strapi), uid);

export const readDraft = (strapi: Core.Strapi, uid: string, documentId: string, locale: string, visible: VisibleFields) =>
  strapi.db.query(uid as AnyUid).findOne({
    where: { documentId, locale, publishedAt: null },
    select: ['id', ...visible.fields],
    populate: {
      ...Object.fromEntries(visible.media.map((field) => [field, { select: ['id'] }])),
      ...Object.fromEntries((visible.components ?? []).map((field) => [field, true])),
    },
  }) as Promise<Record<string, unknown> | null>;

/**
 * Sends an entry past 初审 back to 初审 as a system move naming `what` changed; an entry
 * in 草稿 or 初审 stays. Through the review service, in the running transaction.
 */
export const sendBackToFirst = async (strapi: Core.Strapi, key: { uid: string; documentId: string; locale: string }, what: string[]) => {
  const review = getService(strapi, 'review');
  const stage = await review.stageOf(key);
  if (!resetsReview(stage, what)) return false;
  await review.systemMove(key, 'first', `${STAGE_LABELS[stage]}后修改了读者可见的内容（${what.join('、')}），退回初审`);
  return true;
};

export const resetReviewOnEdit: DocumentRule = (strapi) => async (context, next) => {
  const params = paramsOf(context);
  if (context.action !== 'update' || reviewModeOf(context.uid) !== 'own' || !params.documentId || !params.data) return next();
  const documentId = params.documentId;
  const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : await defaultLocale(strapi);
  const visible = visibleFieldsOf(strapi, context.uid);
  const stored = await readDraft(strapi, context.uid, documentId, locale, visible);
  // A new locale version is not an edit of approved text: its own stage starts at 草稿.
  if (!stored) return next();
  const changed = changedVisibleFields(params.data, stored, visible);
  const result = await next();
  // Inside the update's transaction when it has one (a direct publish does): the same connection.
  if (changed.length) await sendBackToFirst(strapi, { uid: context.uid, documentId, locale }, changed);
  return result;
};
