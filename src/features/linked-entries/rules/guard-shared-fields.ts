// Fields all locale versions share (cover, attachments, 信息公开, 原网站点击率: declared
// `localized: false`) are copied by Strapi's i18n plugin to the document's other
// locales after a create, update, publish or discard, by direct database writes
// (@strapi/i18n bootstrap, syncNonLocalizedAttributes) that no project rule sees. So:
// - an update (creating a new locale version included) or a discard of the draft that
//   changes a shared reader-visible value is an edit of EVERY other locale's draft: the
//   caller needs the update right on each (a 撰稿 only their own), else 403 and nothing
//   is written, and each past 初审 goes back to 初审;
// - a publish that changes a shared value of another locale's published version
//   publishes that version's change too: the caller needs the publish right on it, and
//   its draft must have passed 终审 (可发布), else 400.
// A new locale version sent with the shared values as they are (the content manager's
// form copies them) changes nothing and passes.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { changedVisibleFields, STAGE_LABELS, type VisibleFields } from '../../../lib/review/stages';
import { isEmptyGraph, sharedVisibleFields } from '../../../lib/review/shared-fields';
import { defaultLocale } from '../../../utils/locales';
import { callerOf, mayOnEntry } from '../../../utils/request-rights';
import { getService } from '../../services';
import { reviewModeOf, settingsOf } from '../../../utils/type-settings';
import { sendBackToFirst, visibleFieldsOf } from '../../review';
import { paramsOf, type DocumentRule } from '../../../utils/document-rules';
import { reviewRequired } from '../../review';
import { ARTICLE_UID } from '../../../api/article/newsroom';
import { forbiddenWithMessage } from '../../../strapi-internals/errors';

type AnyUid = typeof ARTICLE_UID;
type Row = Record<string, unknown> & { locale: string };

const readRows = (strapi: Core.Strapi, uid: string, documentId: string, published: boolean, shared: VisibleFields, mainField: string) =>
  strapi.db.query(uid as AnyUid).findMany({
    where: { documentId, publishedAt: published ? { $notNull: true } : null },
    select: ['id', 'locale', mainField, ...shared.fields],
    populate: {
      ...Object.fromEntries(shared.media.map((field) => [field, { select: ['id'] }])),
      ...Object.fromEntries((shared.components ?? []).map((field) => [field, true])),
    },
  }) as Promise<Row[]>;

const labelsOf = (uid: string, fields: string[]) => fields.map((field) => settingsOf(uid)?.admin?.fields?.[field]?.label ?? field);

export const guardSharedFields: DocumentRule = (strapi) => async (context, next) => {
  const params = paramsOf(context);
  if (!['update', 'publish', 'discardDraft'].includes(context.action) || !params.documentId || reviewModeOf(context.uid) !== 'own') {
    return next();
  }
  const attributes = (strapi.contentTypes[context.uid as AnyUid]?.attributes ?? {}) as Record<string, unknown>;
  const shared = sharedVisibleFields(visibleFieldsOf(strapi, context.uid), attributes);
  if (isEmptyGraph(shared) || params.locale === '*') return next();
  const locale = typeof params.locale === 'string' ? params.locale : await defaultLocale(strapi);
  const mainField = settingsOf(context.uid)?.admin?.mainField ?? 'title';
  const publishing = context.action === 'publish';
  const drafts = await readRows(strapi, context.uid, params.documentId, false, shared, mainField);
  // What the plugin will copy: the data sent, the published version a discard restores, the draft a publish publishes.
  const incoming =
    context.action === 'update'
      ? (params.data ?? {})
      : context.action === 'discardDraft'
        ? (await readRows(strapi, context.uid, params.documentId, true, shared, mainField)).find((row) => row.locale === locale)
        : drafts.find((row) => row.locale === locale);
  if (!incoming) return next();
  // Their targets: the other locales' drafts, or for a publish their published versions.
  const targets = (publishing ? await readRows(strapi, context.uid, params.documentId, true, shared, mainField) : drafts).filter(
    (row) => row.locale !== locale
  );
  const affected = targets
    .map((row) => ({ row, changed: changedVisibleFields(incoming as Record<string, unknown>, row, shared) }))
    .filter(({ changed }) => changed.length);
  if (!affected.length) return next();

  const caller = callerOf(strapi);
  const review = getService(strapi, 'review');
  for (const { row, changed } of affected) {
    const key = { uid: context.uid, documentId: params.documentId, locale: row.locale };
    const title = String(drafts.find((draft) => draft.locale === row.locale)?.[mainField] ?? row[mainField] ?? params.documentId);
    const what = labelsOf(context.uid, changed).join('、');
    if (!(await mayOnEntry(strapi, caller, publishing ? 'publish' : 'update', context.uid, params.documentId, row.locale))) {
      throw forbiddenWithMessage(
        `您无权修改稿件《${title}》（${row.locale}）：${what}为各语言版本共用，修改会一并改变这一语言版本读者看到的内容。请由稿件作者或审核编辑修改，或联系管理员（Fields shared by all locales: you may not change the ${row.locale} version）`
      );
    }
    // With 三审 off (REVIEW_REQUIRED=false) no version has a stage to wait for.
    if (publishing && reviewRequired(strapi)) {
      const stage = await review.stageOf(key);
      if (stage !== 'approved') {
        throw new errors.ValidationError(
          `发布后${what}会一并改变已发布的 ${row.locale} 版本《${title}》，而该版本尚未通过终审（当前：${STAGE_LABELS[stage]}）。请先完成该版本的三审（Shared fields would change the published ${row.locale} version, which is not approved）`
        );
      }
    }
  }
  // Before the write, in its transaction (record-audit.ts opens one): a refused write undoes the moves.
  if (!publishing) {
    for (const { row, changed } of affected) {
      await sendBackToFirst(strapi, { uid: context.uid, documentId: params.documentId, locale: row.locale }, [
        `${labelsOf(context.uid, changed).join('、')}（其他语言版本修改，各语言共用）`,
      ]);
    }
  }
  return next();
};
