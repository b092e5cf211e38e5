// An approval covers the text 终审 read. Editing what readers see (the type's checked
// fields, linked entries, files, the 信息公开 metadata) after 初审 passed sends the entry back to 初审, recorded
// as a system move; so does editing a quote of an approved article. Publishing is not an
// edit: after a publish the stage stays 可发布 until the next change. Nor is adding a quote
// (its text is taken from the reviewed body) or a new locale version.
import type { Core } from '@strapi/strapi';
import { changedVisibleFields, resetsReview, STAGE_LABELS, type VisibleFields } from '../lib/review/stages';
import { defaultLocale } from '../utils/locales';
import { getService } from '../utils/services';
import { reviewModeOf, settingsOf } from '../utils/type-settings';
import { paramsOf, type DocumentRule } from './types';

const ARTICLE = 'api::article.article';

/** What readers see of a type, as its newsroom.ts declares for the publish checks. */
export const visibleFieldsOf = (strapi: Core.Strapi, uid: string): VisibleFields => {
  const inspect = settingsOf(uid)?.inspect;
  const attributes = (strapi.contentTypes[uid as typeof ARTICLE]?.attributes ?? {}) as Record<
    string,
    { type: string; repeatable?: boolean }
  >;
  return {
    // Single components are shown to readers whole (the 信息公开 table).
    components: Object.keys(attributes).filter((name) => attributes[name].type === 'component' && !attributes[name].repeatable),
    // 发布时间 is left out: the date readers see is not what 终审 approves the text for.
    fields: inspect?.fields ?? [],
    relations: [...(inspect?.relations ?? []), ...(inspect?.facts ? ['channel'] : [])],
    media: inspect?.media ?? [],
  };
};

const readDraft = (strapi: Core.Strapi, uid: string, documentId: string, locale: string, visible: VisibleFields) =>
  strapi.db.query(uid as typeof ARTICLE).findOne({
    where: { documentId, locale, publishedAt: null },
    select: ['id', ...visible.fields],
    populate: {
      ...Object.fromEntries(visible.media.map((field) => [field, { select: ['id'] }])),
      ...Object.fromEntries((visible.components ?? []).map((field) => [field, true])),
    },
  }) as Promise<Record<string, unknown> | null>;

export const resetReviewOnEdit: DocumentRule = (strapi) => async (context, next) => {
  const mode = reviewModeOf(context.uid);
  const params = paramsOf(context);
  if (context.action !== 'update' || mode === 'none' || !params.documentId || !params.data) return next();
  const documentId = params.documentId;
  const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : await defaultLocale(strapi);
  const visible = visibleFieldsOf(strapi, context.uid);
  const stored = await readDraft(strapi, context.uid, documentId, locale, visible);
  // A new locale version is not an edit of approved text: its own stage starts at 草稿, and a
  // quote's translation is made from the article's, which is reviewed in that locale.
  if (!stored) return next();
  const changed = changedVisibleFields(params.data, stored, visible);
  const result = await next();
  if (!changed.length) return result;

  // Inside the update's transaction when it has one (a direct publish does): the same connection.
  const review = getService(strapi, 'review');
  const targets =
    mode === 'own'
      ? [{ uid: context.uid, documentId }]
      : (await review.articlesOf(context.uid, documentId, locale)).map((id) => ({ uid: ARTICLE, documentId: id }));
  for (const target of targets) {
    const key = { ...target, locale };
    const stage = await review.stageOf(key);
    if (!resetsReview(stage, changed)) continue;
    const what = mode === 'own' ? changed.join('、') : `${context.uid.split('.').pop()}: ${changed.join('、')}`;
    await review.systemMove(key, 'first', `${STAGE_LABELS[stage]}后修改了读者可见的内容（${what}），退回初审`);
  }
  return result;
};
