// 三审 behind admin authentication, for the edit view's 审核 panel and the 待我审核 page:
//   POST /admin/newsroom/review/state    a document's stage in one locale, its history, the caller's moves
//   POST /admin/newsroom/review/move     送初审 / 通过 (forward) or 退回 (back, with 审核意见); a 通过
//                                        names the draft's updatedAt the reviewer read (expectedUpdatedAt)
//   GET  /admin/newsroom/review/waiting  documents in the stages the caller's role owns
// A move needs the stage's action (Settings › Roles › 三审) and the right to edit the
// document as the content manager checks it (owner, locale); Super Admins have every action.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  OWNER,
  REVIEW_ACTIONS,
  STAGE_LABELS,
  decideMove,
  isMove,
  isStage,
  stagesOwnedBy,
  type ReviewAction,
  type Stage,
} from '../../lib/review/stages';
import { getService } from '../services';
import { reviewModeOf, reviewedTypes, settingsOf } from '../../utils/type-settings';
import { reviewRequired } from './check-review-stage';
import { checkerFor } from '../../utils/permission-checker';
import { timeOf } from '../../lib/draft-version';
import { ARTICLE_UID } from '../../api/article/newsroom';

type AdminRouter = { type: 'admin'; routes: unknown[] };
type Ability = { can: (action: string, subject?: unknown) => boolean };
type User = { id: number; firstname?: string | null; lastname?: string | null; email?: string };
type Ctx = { request: { body?: unknown }; state: { userAbility?: Ability; user?: User }; body: unknown };
type Draft = { id: number; documentId: string; locale: string | null } & Record<string, unknown>;

const ACTION_NAMES: Record<ReviewAction, string> = {
  submit: '送初审 Submit for review (撰稿)',
  first: '初审 First review',
  second: '复审 Second review',
  final: '终审 Final review (may approve for publishing)',
};

export const registerReviewPermissions = (strapi: Core.Strapi) =>
  (
    strapi.service('admin::permission') as unknown as { actionProvider: { registerMany: (actions: object[]) => Promise<void> } }
  ).actionProvider.registerMany(
    (Object.keys(REVIEW_ACTIONS) as ReviewAction[]).map((action) => ({
      section: 'settings',
      category: '三审 Review',
      subCategory: 'stages',
      displayName: ACTION_NAMES[action],
      uid: `review.${action}`,
    }))
  );

const text = (value: unknown, max: number, name: string) => {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new errors.ValidationError(`${name} is required, as text of at most ${max} characters`);
  }
  return value.trim();
};

/** The review actions the caller's roles hold. */
export const actionsOf = (ability: Ability | undefined) =>
  new Set((Object.keys(REVIEW_ACTIONS) as ReviewAction[]).filter((action) => Boolean(ability?.can(REVIEW_ACTIONS[action]))));

const findDraft = (strapi: Core.Strapi, uid: string, documentId: string, locale: string | null, extra: string[] = []) =>
  strapi.db.query(uid as typeof ARTICLE_UID).findOne({
    where: { documentId, publishedAt: null, ...(locale ? { locale } : {}) },
    select: ['id', 'documentId', 'locale', ...extra],
    populate: { createdBy: { select: ['id'] } },
  }) as Promise<Draft | null>;

/** The request's document, checked against the caller's role on the document itself (owner, locale). */
const target = async (strapi: Core.Strapi, ctx: Ctx, need: 'read' | 'update') => {
  const body = (ctx.request.body ?? {}) as Record<string, unknown>;
  const uid = text(body.uid ?? ARTICLE_UID, 100, 'uid');
  if (reviewModeOf(uid) !== 'own') throw new errors.ValidationError(`${uid} does not pass 三审 by itself`);
  const documentId = text(body.documentId, 64, 'documentId');
  const locale = text(body.locale, 32, 'locale');
  const forbidden = () => new errors.ForbiddenError('You may not review this document');
  const checker = checkerFor(strapi, ctx.state.userAbility, uid);
  if (!ctx.state.userAbility || checker.cannot[need]()) throw forbidden();
  const draft = await findDraft(strapi, uid, documentId, locale);
  if (!draft) throw new errors.NotFoundError('No draft of this document in this locale');
  if (checker.cannot[need](draft)) throw forbidden();
  return { body, key: { uid, documentId, locale } };
};

const nameOf = (user: User) => [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `#${user.id}`;

export const registerReviewAdminRoutes = (strapi: Core.Strapi) => {
  const review = () => getService(strapi, 'review');

  /** What the panel shows: the stage, the moves this caller may make from it, the history. */
  const answer = async (ctx: Ctx, key: { uid: string; documentId: string; locale: string }) => {
    const stage = await review().stageOf(key);
    const actions = actionsOf(ctx.state.userAbility);
    const can = (move: 'forward' | 'back') => decideMove(stage, move, 'x', actions).ok;
    ctx.body = {
      data: {
        stage,
        label: STAGE_LABELS[stage],
        owner: OWNER[stage],
        required: reviewRequired(strapi),
        canForward: can('forward'),
        canBack: can('back'),
        history: await review().history(key),
      },
    };
  };

  const route = (method: 'GET' | 'POST', path: string, handler: (ctx: Ctx) => Promise<void>) => ({
    method,
    path: `/newsroom/review/${path}`,
    handler,
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  });

  (strapi.admin!.routes as unknown as Record<string, AdminRouter>)['newsroom-review'] = {
    type: 'admin',
    routes: [
      route('POST', 'state', async (ctx) => {
        const { key } = await target(strapi, ctx, 'read');
        await answer(ctx, key);
      }),
      route('POST', 'move', async (ctx) => {
        const { body, key } = await target(strapi, ctx, 'update');
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
        await review().move(
          key,
          body.move,
          typeof body.comment === 'string' ? body.comment : '',
          { id: user.id, name: nameOf(user), actions: actionsOf(ctx.state.userAbility) },
          body.expected as Stage | undefined,
          seen
        );
        await answer(ctx, key);
      }),
      route('GET', 'waiting', async (ctx) => {
        const stages = stagesOwnedBy(actionsOf(ctx.state.userAbility));
        const rows = await review().waiting(stages, reviewedTypes());
        const items = [];
        for (const row of rows) {
          const uid = row.targetUid;
          const checker = checkerFor(strapi, ctx.state.userAbility, uid);
          if (checker.cannot.read()) continue;
          const mainField = settingsOf(uid)?.admin?.mainField;
          const draft = await findDraft(strapi, uid, row.targetDocumentId, row.targetLocale, mainField ? [mainField] : []);
          // Gone (deleted) or not the caller's to see (another writer's, another locale): not listed.
          if (!draft || checker.cannot.read(draft)) continue;
          const stage = row.stage as Stage;
          items.push({
            uid,
            documentId: row.targetDocumentId,
            locale: row.targetLocale,
            stage,
            label: STAGE_LABELS[stage],
            title: (mainField && (draft[mainField] as string | null)) || row.targetDocumentId,
            updatedAt: new Date(row.updatedAt).toISOString(),
          });
        }
        ctx.body = { data: items, meta: { stages } };
      }),
    ],
  };
};
