// 三审 stages and their history say who let what through: written by the review service
// alone (through the query layer, which bypasses this), never created, edited or deleted
// through the admin panel, the APIs or the document service. Otherwise an API token could
// mark its own draft 可发布.
import { errors } from '@strapi/utils';
import { WRITE_ACTIONS, type DocumentRule } from '../../../utils/document-rules';

export const REVIEW_RECORD_UIDS: ReadonlySet<string> = new Set(['api::review.review-state', 'api::review.review-event']);

export const isReviewRecordWrite = (uid: string, action: string) => REVIEW_RECORD_UIDS.has(uid) && WRITE_ACTIONS.has(action);

export const protectReviewRecords: DocumentRule = () => async (context, next) => {
  if (isReviewRecordWrite(context.uid, context.action)) {
    throw new errors.ValidationError('审核阶段和审核记录只能通过三审操作更改（Review stages are changed by review moves only）');
  }
  return next();
};
