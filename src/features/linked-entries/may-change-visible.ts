// A change of what an entry shows readers, made from outside its edit view (here: a file it
// uses replaced, re-captioned or deleted in the media library) is an edit of that entry:
// the caller needs the content manager's update right on the entry itself (an 撰稿 only
// their own, a role's locales), and a reviewed entry past 初审 goes back to 初审. Who may is
// decided as for linked entries (request-rights.ts, the same rule guard-linked-edits.ts
// applies); the refusal here speaks of the file.
import type { Core, UID } from '@strapi/strapi';
import { titleOf } from '../../lib/audit/diff';
import { sendBackToFirst } from '../review';
import { callerOf, mayOnEntry } from '../../utils/request-rights';
import { reviewModeOf, settingsOf } from '../../utils/type-settings';
import { ARTICLE_UID } from '../../api/article/newsroom';
import { forbiddenWithMessage } from '../../strapi-internals/errors';

const isLocalized = (strapi: Core.Strapi, uid: string) =>
  Boolean((strapi.getModel(uid as UID.ContentType)?.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized);

/** The drafts of these documents (each locale, or the one given), with their titles. */
const draftsOf = async (strapi: Core.Strapi, uid: string, documentIds: string[], locale: string | null) => {
  if (!documentIds.length) return [];
  const localized = isLocalized(strapi, uid);
  const mainField = settingsOf(uid)?.admin?.mainField ?? 'id';
  return (await strapi.db.query(uid).findMany({
    where: { documentId: { $in: documentIds }, publishedAt: null, ...(locale && localized ? { locale } : {}) },
    select: ['id', 'documentId', ...(localized ? ['locale'] : []), ...(mainField === 'id' ? [] : [mainField])],
  })) as Array<Record<string, unknown> & { documentId: string; locale?: string | null }>;
};

/**
 * A PolicyError (a 403): Strapi's route authorization turns any other ForbiddenError thrown
 * inside a handler into a bare "Forbidden", losing the message that says what to do.
 */
const refusal = (uid: string, title: string | null) => {
  const type = uid === ARTICLE_UID ? '稿件' : '条目';
  return forbiddenWithMessage(
    `该文件用于${type}${title ? `《${title}》` : ''}，您没有修改该${type}的权限，不能更改或删除此文件；请联系其作者或编辑（You may not edit an entry that uses this file）`
  );
};

/**
 * Refuses (403, nothing written) unless the caller of the running request may update every
 * one of these drafts. Outside a request (a script, a job) the server itself acts: allowed.
 */
export const assertMayChange = async (strapi: Core.Strapi, uid: string, documentIds: string[], locale: string | null) => {
  const caller = callerOf(strapi);
  if (caller.kind === 'system') return;
  const mainField = settingsOf(uid)?.admin?.mainField;
  for (const entry of await draftsOf(strapi, uid, documentIds, locale)) {
    if (!(await mayOnEntry(strapi, caller, 'update', uid, entry.documentId, entry.locale ?? null)))
      throw refusal(uid, titleOf(entry, mainField));
  }
};

/** Both: the right to edit each entry, then each reviewed draft past 初审 goes back to 初审 saying what changed. */
export const assertMayChangeVisible = async (
  strapi: Core.Strapi,
  uid: string,
  documentIds: string[],
  locale: string | null,
  what: string
) => {
  await assertMayChange(strapi, uid, documentIds, locale);
  // Quotes and other `with-article` types use no files; their article is reviewed for them.
  if (reviewModeOf(uid) !== 'own') return;
  for (const entry of await draftsOf(strapi, uid, documentIds, locale)) {
    await sendBackToFirst(strapi, { uid, documentId: entry.documentId, locale: entry.locale ?? locale ?? '' }, [what]);
  }
};
