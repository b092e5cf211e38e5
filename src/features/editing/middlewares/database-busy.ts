// SQLite has one writer. When a script beside the server (`npm run import`, `audit:purge`,
// …) holds it for longer than the busy timeout, or committed between a request's read
// and its write (SQLITE_BUSY_SNAPSHOT), the request's write fails with "database is
// locked": its transaction is rolled back, nothing is half-written. That is not the
// client's fault nor a bug of the server: it answers 503 with Retry-After in Strapi's error
// format, rather than a 500 with SQL in the log. PostgreSQL never raises these codes; its
// like is a transaction that lost a deadlock or serialization conflict (40P01, 40001) even
// after the retries (src/features/editing/rules/lock-document.ts): rolled back, answered alike.
import type { Core } from '@strapi/strapi';
import { isTransactionConflict } from '../../../lib/transaction-conflict';
import { sendError } from '../../../utils/send-error';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, …), also when wrapped in a cause. */
export const isDatabaseBusy = (error: unknown, depth = 0): boolean => {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'))) return true;
  return isDatabaseBusy(cause, depth + 1);
};

export default () => async (ctx: KoaContext, next: () => Promise<unknown>) => {
  try {
    await next();
  } catch (error) {
    if (isTransactionConflict(error)) {
      strapi.log.warn(`[database-busy] ${ctx.method} ${ctx.path}: a transaction conflict outlasted its retries (rolled back)`);
      ctx.set('Retry-After', '1');
      return sendError(
        ctx,
        503,
        'ServiceUnavailableError',
        '稿件正被同时修改，本次操作未执行，请稍后重试（Someone changed the same entry at the same moment: nothing was changed, try again）'
      );
    }
    if (!isDatabaseBusy(error)) throw error;
    ctx.set('Retry-After', '2');
    sendError(
      ctx,
      503,
      'ServiceUnavailableError',
      '数据库正忙（另一进程正在写入），本次操作未执行，请稍后重试（The database is busy with another writer: nothing was changed, try again）'
    );
  }
};
