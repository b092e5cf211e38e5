// A change of what an entry shows readers, made from outside its edit view (here: a file it
// uses replaced, re-captioned or deleted in the media library) is an edit of that entry:
// the caller needs the content manager's update right on the entry itself (an 撰稿 only
// their own, a role's locales), and a reviewed entry past 初审 goes back to 初审.
//
// Kept apart on purpose: the linked-entries guard of #27 exports the same responsibility
// (`assertMayChangeVisible(strapi, ownerUid, documentIds, locale, what)`); this file is
// the one to swap for it.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RESET_STAGES, STAGE_LABELS } from '../lib/review/stages';
import { titleOf } from '../lib/audit/diff';
import { checkerFor } from './permission-checker';
import { getService } from './services';
import { reviewModeOf, settingsOf } from './type-settings';

type Auth = {
  strategy?: { name?: string };
  credentials?: { type?: string };
  ability?: { can: (action: string) => boolean };
};
type RequestState = { state?: { auth?: Auth; userAbility?: unknown }; request?: unknown };

const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

const isLocalized = (strapi: Core.Strapi, uid: string) =>
  Boolean(
    (strapi.getModel(uid as 'api::article.article')?.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized
  );

const readDraft = async (strapi: Core.Strapi, uid: string, documentId: string, locale: string | null) => {
  const mainField = settingsOf(uid)?.admin?.mainField ?? 'id';
  return (await strapi.db.query(uid as 'api::article.article').findOne({
    where: { documentId, publishedAt: null, ...(locale && isLocalized(strapi, uid) ? { locale } : {}) },
    select: ['id', 'documentId', ...(isLocalized(strapi, uid) ? ['locale'] : []), ...(mainField === 'id' ? [] : [mainField])],
    populate: { createdBy: { select: ['id'] } },
  })) as (Record<string, unknown> & { id: number }) | null;
};

/**
 * A PolicyError (a 403): Strapi's route authorization turns any other ForbiddenError thrown
 * inside a handler into a bare "Forbidden", losing the message that says what to do.
 */
const refusal = (uid: string, title: string | null) => {
  const type = uid === 'api::article.article' ? '稿件' : '条目';
  return new errors.PolicyError(
    `该文件用于${type}${title ? `《${title}》` : ''}，您没有修改该${type}的权限，不能更改或删除此文件；请联系其作者或编辑（You may not edit an entry that uses this file）`
  );
};

/**
 * Refuses (403, nothing written) unless the caller of the running request may update every
 * one of these drafts. Outside a request (a script, a job) the server itself acts: allowed.
 */
export const assertMayChange = async (strapi: Core.Strapi, uid: string, documentIds: string[], locale: string | null) => {
  const ctx = strapi.requestContext.get() as RequestState | undefined;
  if (!ctx?.request || !documentIds.length) return;
  const auth = ctx.state?.auth;
  const strategy = auth?.strategy?.name;
  const mainField = settingsOf(uid)?.admin?.mainField;
  for (const documentId of documentIds) {
    const entry = await readDraft(strapi, uid, documentId, locale);
    if (!entry) continue;
    const title = titleOf(entry, mainField);
    if (strategy === 'admin') {
      const checker = checkerFor(strapi, ctx.state?.userAbility, uid);
      if (!ctx.state?.userAbility || checker.cannot.update() || checker.cannot.update(entry)) throw refusal(uid, title);
    } else if (strategy && TOKEN_STRATEGIES.has(strategy)) {
      // As the content API's own route check decides (the admin's content-api-token strategy):
      // full access may do anything, a custom token what it lists, a read-only token no write.
      const type = auth?.credentials?.type;
      const may = type === 'full-access' || (type === 'custom' && auth?.ability?.can(`${uid}.update`) === true);
      if (!may) throw refusal(uid, title);
    } else {
      // Front-end users and anonymous callers edit no entry.
      throw refusal(uid, title);
    }
  }
};

/** Sends each reviewed draft past 初审 back to 初审, a system move saying what changed. In the caller's transaction. */
export const sendBackForChange = async (strapi: Core.Strapi, uid: string, documentIds: string[], locale: string | null, what: string) => {
  // Quotes and other `with-article` types use no files; their article is reviewed for them.
  if (reviewModeOf(uid) !== 'own') return;
  const review = getService(strapi, 'review');
  for (const documentId of documentIds) {
    const key = { uid, documentId, locale };
    const stage = await review.stageOf(key);
    if (!RESET_STAGES.has(stage)) continue;
    await review.systemMove(key, 'first', `${STAGE_LABELS[stage]}后${what}，退回初审`);
  }
};

/** Both: the right to edit each entry, then the review reset. */
export const assertMayChangeVisible = async (
  strapi: Core.Strapi,
  uid: string,
  documentIds: string[],
  locale: string | null,
  what: string
) => {
  await assertMayChange(strapi, uid, documentIds, locale);
  await sendBackForChange(strapi, uid, documentIds, locale, what);
};
