// 操作日志: every write to the project's content (create, update with its field-level
// before/after, publish, unpublish, delete, discard, clone) is recorded with who did it
// and from where. The entry is written in one transaction with the change it records:
// a refused or failed write leaves no entry, and there is no change without its entry
// (an audit trail fails closed: if the entry cannot be written, the change is refused).
// The versions compared are read in that transaction through the query layer, never a
// second connection (SQLite has one: it would wait for the transaction and time out).
import type { Core } from '@strapi/strapi';
import { AUDIT_UID, type AuditAction } from '../service';
import { diffFields, titleOf, type AttributeInfo, type Changes, type Row } from '../../../lib/audit/diff';
import { defaultLocale } from '../../../utils/locales';
import { getService } from '../../services';
import { settingsOf } from '../../../utils/type-settings';
import { paramsOf, WRITE_ACTIONS, type DocumentRule, type Params } from '../../../utils/document-rules';
import { ACCEPTANCE_UID } from '../../inspection';
import { DELIVERY_UID } from '../../rebuild';
import { contentTypeSchema } from '../../../strapi-internals/schemas';

/**
 * Not recorded here: the log itself, and the logs of other things (rebuild deliveries;
 * accepted warnings, recorded as `override` entries by the inspection service).
 * Uploads (`plugin::upload.file`) do not pass the document service; what an entry
 * links to (cover, attachments) is recorded in that entry's own diff.
 */
export const NOT_AUDITED: ReadonlySet<string> = new Set([AUDIT_UID, DELIVERY_UID, ACCEPTANCE_UID]);

/** Which version of the entry an action changes, for the diff; null: no diff (who and what only). */
export type Version = 'draft' | 'published' | 'only' | null;

export type AuditPlan = { version: Version; readBefore: boolean; readAfter: boolean };

/** Whether and how a document-service call is recorded. Pure, for the unit tests. */
export const auditPlan = (uid: string, action: string, params: Params, hasDrafts: boolean): AuditPlan | null => {
  if (!uid.startsWith('api::') || NOT_AUDITED.has(uid) || !WRITE_ACTIONS.has(action)) return null;
  const draftOr = (version: 'draft' | 'published'): Version => (hasDrafts ? version : 'only');
  switch (action) {
    case 'create':
      return { version: draftOr(params.status === 'published' ? 'published' : 'draft'), readBefore: false, readAfter: true };
    case 'update':
      return { version: draftOr('draft'), readBefore: true, readAfter: true };
    case 'discardDraft':
      return { version: draftOr('draft'), readBefore: true, readAfter: true };
    case 'publish':
      return { version: draftOr('published'), readBefore: true, readAfter: true };
    default:
      // unpublish, delete, clone: who and what; the title is read before it goes.
      return { version: null, readBefore: true, readAfter: false };
  }
};

/** An update that changed nothing (the content manager saves before it publishes) is not an event. */
export const isWorthRecording = (action: string, changes: Changes | null) =>
  action !== 'update' || changes === null || Object.keys(changes).length > 0;

type Schema = {
  attributes: Record<string, AttributeInfo & { target?: string }>;
  options?: { draftAndPublish?: boolean };
  pluginOptions?: unknown;
};

/** What to read with a row so its relations, media and components can be compared. */
const populateOf = (schema: Schema) => {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (name === 'localizations' || name === 'createdBy' || name === 'updatedBy') continue;
    if (attribute.type === 'relation' && !String(attribute.target ?? '').startsWith('admin::')) populate[name] = { select: ['documentId'] };
    else if (attribute.type === 'media') populate[name] = { select: ['id', 'name'] };
    else if (attribute.type === 'component' || attribute.type === 'dynamiczone') populate[name] = true;
  }
  return populate;
};

const isLocalized = (schema: Schema) => (schema.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized === true;

export const recordAudit: DocumentRule = (strapi: Core.Strapi) => async (context, next) => {
  const schema = contentTypeSchema(strapi, context.uid) as Schema | undefined;
  const params = paramsOf(context);
  const plan = schema ? auditPlan(context.uid, context.action, params, schema.options?.draftAndPublish !== false) : null;
  if (!schema || !plan) return next();

  const localized = isLocalized(schema);
  const locale = !localized
    ? null
    : typeof params.locale === 'string'
      ? params.locale
      : params.locale === undefined
        ? await defaultLocale(strapi)
        : null;
  // Several locales at once ('*', a list): recorded as one entry, without a diff.
  const targetLocale = localized ? (locale ?? (Array.isArray(params.locale) ? params.locale.join(',') : '*')) : null;

  const read = async (documentId: string | undefined, version: Version | 'any'): Promise<Row | null> => {
    if (!documentId || (localized && locale === null && version !== 'any')) return null;
    const where: Record<string, unknown> = { documentId };
    if (localized && locale !== null) where.locale = locale;
    if (version === 'draft') where.publishedAt = null;
    if (version === 'published') where.publishedAt = { $notNull: true };
    return (await strapi.db.query(context.uid).findOne({
      where,
      populate: version === 'any' ? undefined : (populateOf(schema) as never),
    })) as Row | null;
  };

  return strapi.db.transaction(async () => {
    const before = plan.readBefore ? await read(params.documentId, plan.version ?? 'any') : null;
    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    const after = plan.readAfter ? await read(documentId, plan.version ?? 'any') : null;
    const changes = plan.version && (before || after) ? diffFields(schema.attributes, before, after) : null;
    if (!isWorthRecording(context.action, changes)) return result;
    await getService(strapi, 'audit').record({
      action: context.action as AuditAction,
      targetUid: context.uid,
      targetDocumentId:
        context.action === 'clone' ? ((result as { documentId?: string } | null)?.documentId ?? null) : (documentId ?? null),
      targetLocale,
      targetTitle: titleOf(after ?? before, settingsOf(context.uid)?.admin?.mainField),
      changes: changes ?? (context.action === 'clone' && params.documentId ? { clonedFrom: { after: params.documentId } } : null),
    });
    return result;
  });
};
