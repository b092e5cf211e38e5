// The rebuild delivery log is history: written by the rebuild service alone (through
// the query layer, which bypasses this), never edited or deleted through the admin
// panel or the document service. Old entries go by the retention purge only.
import { errors } from '@strapi/utils';
import { WRITE_ACTIONS, type DocumentRule } from '../../../utils/document-rules';

export const DELIVERY_UID = 'api::rebuild.rebuild-delivery';

export const isRebuildLogWrite = (uid: string, action: string) => uid === DELIVERY_UID && WRITE_ACTIONS.has(action);

export const protectRebuildLog: DocumentRule = () => async (context, next) => {
  if (isRebuildLogWrite(context.uid, context.action)) {
    throw new errors.ValidationError('重建日志是历史记录，不能新建、修改或删除（The rebuild delivery log is read-only）');
  }
  return next();
};
