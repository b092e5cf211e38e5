// 三审's admin controller (routes.ts): each action validates the request, makes one call
// to the review service, and answers. Who may see or move which document is the service's
// check (the content manager's, on the document itself).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isMove, isStage, type Stage } from '../../lib/review/stages';
import { timeOf } from '../../lib/draft-version';
import { reviewModeOf } from '../../utils/type-settings';
import { getService } from '../services';
import { ARTICLE_UID } from '../../api/article/newsroom';
import { adminName, bodyOf, requiredText, type AdminCtx } from '../../utils/admin-input';

type Ctx = AdminCtx;

const text = requiredText;

/** The request's document: a type that passes 三审 by itself, a documentId, a locale. */
const documentOf = (body: Record<string, unknown>) => {
  const uid = text(body.uid ?? ARTICLE_UID, 100, 'uid');
  if (reviewModeOf(uid) !== 'own') throw new errors.ValidationError(`${uid} does not pass 三审 by itself`);
  return { uid, documentId: text(body.documentId, 64, 'documentId'), locale: text(body.locale, 32, 'locale') };
};

const nameOf = adminName;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /admin/newsroom/review/state: a document's stage in one locale, its history, the caller's moves. */
  async state(ctx: Ctx) {
    const key = documentOf(bodyOf(ctx));
    ctx.body = { data: await getService(strapi, 'review').panelFor(key, ctx.state.userAbility) };
  },

  /**
   * POST /admin/newsroom/review/move: 送初审 / 通过 (forward) or 退回 (back, with 审核意见); a 通过
   * names the draft's updatedAt the reviewer read (expectedUpdatedAt).
   */
  async move(ctx: Ctx) {
    const body = bodyOf(ctx);
    const key = documentOf(body);
    if (!isMove(body.move)) throw new errors.ValidationError('move must be "forward" or "back"');
    if (body.comment !== undefined && body.comment !== null && (typeof body.comment !== 'string' || body.comment.length > 2000))
      throw new errors.ValidationError('comment must be text of at most 2000 characters');
    if (body.expected !== undefined && !isStage(body.expected)) throw new errors.ValidationError('expected must be a stage');
    // The version of the draft the reviewer read: its updatedAt, as the edit view showed it.
    const seen = body.expectedUpdatedAt === undefined || body.expectedUpdatedAt === null ? undefined : timeOf(body.expectedUpdatedAt);
    if (seen !== undefined && Number.isNaN(seen))
      throw new errors.ValidationError(
        'expectedUpdatedAt 须为稿件的 updatedAt（ISO 8601）（expectedUpdatedAt must be the draft’s updatedAt）'
      );
    const user = ctx.state.user!;
    const data = await getService(strapi, 'review').moveBy(
      key,
      { ability: ctx.state.userAbility, id: user.id, name: nameOf(user) },
      body.move,
      typeof body.comment === 'string' ? body.comment : '',
      body.expected as Stage | undefined,
      seen
    );
    ctx.body = { data };
  },

  /** GET /admin/newsroom/review/waiting: documents in the stages the caller's role owns. */
  async waiting(ctx: Ctx) {
    const { items, stages } = await getService(strapi, 'review').waitingFor(ctx.state.userAbility);
    ctx.body = { data: items, meta: { stages } };
  },
});
