// A save based on an older version of a draft is refused (409, "稿件已被修改，请刷新后再保存")
// instead of writing old text over newer: after 一键遮盖 (the publish checks' one-click fix
// writes the draft on the server), saving the still-open form would unmask the number again.
// The version comes with the request (If-Match / If-Unmodified-Since, read by
// src/features/editing/middlewares/draft-version.ts) and is compared here, inside the write's transaction and
// after lock-document, so no other write of the document lands between the comparison and
// the save. It applies to the request's own update: the outermost one, not the writes the
// rules make inside it (quotes following their article). A locale not yet created has no
// draft to be stale against.
import { AsyncLocalStorage } from 'node:async_hooks';
import { isStale, STALE_SAVE_MESSAGE, type Precondition } from '../../../lib/draft-version';
import { ConflictError, draftPreconditions } from '../../../utils/draft-precondition';
import { defaultLocale } from '../../../utils/locales';
import { paramsOf, WRITE_ACTIONS, type DocumentRule } from '../../../utils/document-rules';
import { modelSchema } from '../../../strapi-internals/schemas';

/** Set while a write runs: the writes it causes are not the request's save. */
const insideWrite = new AsyncLocalStorage<true>();

/** Whether this write is a save the request's version speaks for. */
export const checksVersion = (action: string, nested: boolean, precondition: Precondition | undefined, documentId: unknown) =>
  action === 'update' && !nested && precondition !== undefined && typeof documentId === 'string' && documentId !== '';

type Schema = { options?: { draftAndPublish?: boolean }; pluginOptions?: unknown };
const isLocalized = (schema: Schema) => (schema.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized === true;

export const refuseStaleSave: DocumentRule = (strapi) => async (context, next) => {
  if (!WRITE_ACTIONS.has(context.action)) return next();
  const params = paramsOf(context);
  const precondition = draftPreconditions.getStore()?.precondition;
  if (checksVersion(context.action, insideWrite.getStore() === true, precondition, params.documentId)) {
    const schema = modelSchema(strapi, context.uid) as Schema;
    const where: Record<string, unknown> = { documentId: params.documentId };
    if (schema.options?.draftAndPublish !== false) where.publishedAt = null;
    if (isLocalized(schema)) where.locale = typeof params.locale === 'string' ? params.locale : await defaultLocale(strapi);
    const draft = (await strapi.db.query(context.uid).findOne({ where, select: ['updatedAt'] })) as {
      updatedAt?: unknown;
    } | null;
    if (draft && isStale(precondition!, draft.updatedAt)) {
      throw new ConflictError(STALE_SAVE_MESSAGE, { updatedAt: new Date(draft.updatedAt as string).toISOString() });
    }
  }
  return insideWrite.run(true, next);
};
