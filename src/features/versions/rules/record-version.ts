// 版本记录: every save and every publish of a versioned type (the declared types with draft &
// publish) leaves a version of each locale it wrote, inside the write's transaction (the one
// the 操作日志's recordAudit opens: SQLite has one connection), so a refused or failed write
// leaves none. create/update/discardDraft/clone: the draft; publish: the published version;
// a create or update with status=published: both. Unpublish and delete change no content
// and make no version. The version store itself is written by the versions service only.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { paramsOf, WRITE_ACTIONS, type DocumentRule } from '../../../utils/document-rules';
import { defaultLocale } from '../../../utils/locales';
import { getService } from '../../services';
import { isLocalized, isVersioned } from '../content';
import { VERSION_UID } from '../service';

/** Which states of the document an action leaves a version of. Pure, for the unit tests. */
export const versionPlan = (action: string, status: unknown): Array<'draft' | 'published'> => {
  switch (action) {
    case 'create':
    case 'update':
      return status === 'published' ? ['draft', 'published'] : ['draft'];
    case 'discardDraft':
    case 'clone':
      return ['draft'];
    case 'publish':
      return ['published'];
    default:
      return [];
  }
};

/** The locales a call wrote: the one it names, the default when it names none, or those the document has. */
const localesOf = async (strapi: Core.Strapi, uid: string, documentId: string, locale: unknown): Promise<Array<string | null>> => {
  if (!isLocalized(strapi, uid)) return [null];
  if (typeof locale === 'string' && locale !== '*') return [locale];
  if (locale === undefined) return [await defaultLocale(strapi)];
  const rows = (await strapi.db.query(uid as never).findMany({ where: { documentId }, select: ['locale'] })) as Array<{ locale: string }>;
  const all = [...new Set(rows.map((row) => row.locale))];
  return Array.isArray(locale) ? all.filter((code) => locale.includes(code)) : all;
};

export const recordVersion: DocumentRule = (strapi: Core.Strapi) => async (context, next) => {
  if (context.uid === VERSION_UID && WRITE_ACTIONS.has(context.action))
    throw new errors.ValidationError('版本记录只能由保存和发布产生（Versions are made by saves and publishes only）');
  const params = paramsOf(context);
  const plan = versionPlan(context.action, params.status);
  if (plan.length === 0 || !isVersioned(strapi, context.uid)) return next();
  return strapi.db.transaction(async () => {
    const result = await next();
    const made = result as { documentId?: string; entries?: Array<{ documentId?: string }> } | null;
    // A clone is a new document: its first version.
    const documentId =
      context.action === 'create' || context.action === 'clone'
        ? (made?.documentId ?? made?.entries?.[0]?.documentId)
        : (params.documentId ?? made?.documentId);
    if (!documentId) return result;
    const service = getService(strapi, 'versions');
    for (const locale of await localesOf(strapi, context.uid, documentId, params.locale))
      for (const state of plan) await service.record({ uid: context.uid, documentId, locale }, state === 'published');
    return result;
  });
};
