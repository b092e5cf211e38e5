// The writes of one document take turns (PostgreSQL): every write of an existing document
// first takes a transaction-scoped advisory lock on (uid, documentId), inside the
// transaction it writes in, before any row is touched. Publishing the zh-Hans and en
// versions at once, or publishing while the document is deleted, then queue instead of
// locking rows in opposite orders (seen: `deadlock detected` on publishDate, on the 索引号
// counter and on `delete from articles`, answered 500). A transaction that still loses a
// deadlock or serialization conflict to something else is run again when this rule began
// it; one that a caller began (the content manager's publish and bulk actions) is retried
// by that caller (src/features/editing/retry-conflicts.ts). SQLite has one writer: nothing to do.
import { AsyncLocalStorage } from 'node:async_hooks';
import { isTransactionConflict, MAX_RETRIES, retryDelayMs } from '../../../lib/transaction-conflict';
import { lockDocument as takeLock } from '../../../utils/advisory-lock';
import { paramsOf, type DocumentRule, type Params } from '../../../utils/document-rules';
import { runDocumentAction } from '../../../strapi-internals/documents';

/** Actions on an existing document; `create` makes a new one that no one else can name yet. */
const LOCKED_ACTIONS: ReadonlySet<string> = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/** The document a write must lock, or null when it writes none that exists. */
export const documentToLock = (action: string, params: Params): string | null =>
  LOCKED_ACTIONS.has(action) && typeof params.documentId === 'string' && params.documentId !== '' ? params.documentId : null;

/** Which try of the running write this is (0: the first). */
const attempts = new AsyncLocalStorage<number>();

/** The params as the write was asked, for a retry: the rules inside change them as they run. */
const snapshot = (params: unknown): unknown => {
  try {
    return structuredClone(params);
  } catch {
    return undefined; // something not cloneable (a function): no retry, the conflict is answered as it is
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const lockDocument: DocumentRule = (strapi) => async (context, next) => {
  if (strapi.db.dialect.client !== 'postgres') return next();
  const documentId = documentToLock(context.action, paramsOf(context));
  if (!documentId) return next();
  const locked = () =>
    strapi.db.transaction(async () => {
      await takeLock(strapi, context.uid, documentId);
      return next();
    });
  // Inside a transaction someone else began: it is theirs to run again.
  if (strapi.db.inTransaction()) return locked();

  const attempt = attempts.getStore() ?? 0;
  const asked = attempt < MAX_RETRIES ? snapshot(context.params) : undefined;
  try {
    return await locked();
  } catch (error) {
    if (asked === undefined || !isTransactionConflict(error)) throw error;
    strapi.log.warn(
      `[lock-document] ${context.action} of ${context.uid} ${documentId} lost a conflict (try ${attempt + 1}): running it again`
    );
    await sleep(retryDelayMs(attempt));
    // Through the document service again: every rule runs anew on the params as they were asked.
    return attempts.run(attempt + 1, () => runDocumentAction(strapi, context.uid, context.action, asked)) as ReturnType<typeof next>;
  }
};
