// Accepted warnings are a record of who let what through: written by the inspection
// service alone (through the query layer, which bypasses this), never edited or deleted
// through the admin panel, the APIs or the document service.
import { errors } from '@strapi/utils';
import { WRITE_ACTIONS, type DocumentRule } from '../../../utils/document-rules';

export const ACCEPTANCE_UID = 'api::inspection.inspection-acceptance';

export const isAcceptanceWrite = (uid: string, action: string) => uid === ACCEPTANCE_UID && WRITE_ACTIONS.has(action);

export const protectAcceptances: DocumentRule = () => async (context, next) => {
  if (isAcceptanceWrite(context.uid, context.action)) {
    throw new errors.ValidationError('检查警告的确认记录不能新建、修改或删除（Accepted warnings are read-only）');
  }
  return next();
};
