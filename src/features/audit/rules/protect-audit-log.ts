// The audit log (操作日志) is append-only: written by the audit service alone (through
// the query layer, which bypasses this), never created, edited or deleted through the
// admin panel, the APIs or the document service. Old entries go by `npm run audit:purge`.
import { errors } from '@strapi/utils';
import { AUDIT_UID } from '../service';
import { WRITE_ACTIONS, type DocumentRule } from '../../../utils/document-rules';

export const isAuditLogWrite = (uid: string, action: string) => uid === AUDIT_UID && WRITE_ACTIONS.has(action);

export const protectAuditLog: DocumentRule = () => async (context, next) => {
  if (isAuditLogWrite(context.uid, context.action)) {
    throw new errors.ValidationError('操作日志只能追加，不能新建、修改或删除（The audit log is append-only）');
  }
  return next();
};
