// 三审: the stage of each document in each locale and the history of its moves. Writes go
// through the query layer (the document service refuses them: protect-review-records),
// inside the caller's transaction when there is one, so a move made by a publish or an
// edit commits or rolls back with it.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../services';
import { reviewedTypes, settingsOf } from '../../utils/type-settings';
import { titleOf } from '../../lib/audit/diff';
import {
  OWNER,
  REVIEW_ACTIONS,
  STAGE_LABELS,
  decideMove,
  isStage,
  needsVersion,
  stagesOwnedBy,
  type Move,
  type ReviewAction,
  type Stage,
} from '../../lib/review/stages';
import { isStale, STALE_REVIEW_MESSAGE } from '../../lib/draft-version';
import { lockDocument } from '../../utils/advisory-lock';
import { ConflictError } from '../../utils/draft-precondition';
import { checkerFor } from '../../utils/permission-checker';
import { reviewRequired } from './check-review-stage';
import { ARTICLE_UID } from '../../api/article/newsroom';

const STATE = 'api::review.review-state';
const EVENT = 'api::review.review-event';
const ARTICLE = ARTICLE_UID;
const MAX_HISTORY = 500;
const MAX_WAITING = 200;

export type ReviewKey = { uid: string; documentId: string; locale: string | null };
export type Reviewer = { id: number; name: string; actions: ReadonlySet<ReviewAction> };
export type ReviewEvent = { from: string; to: string; comment: string | null; by: string | null; system: boolean; at: string };
type StateRow = { id: number; targetDocumentId: string; targetLocale: string | null; targetUid: string; stage: string };
/** An admin's abilities, as the admin's authentication puts them on the request. */
export type Ability = { can: (action: string, subject?: unknown) => boolean };
type Draft = { id: number; documentId: string; locale: string | null } & Record<string, unknown>;

/** The review actions the caller's roles hold. */
export const actionsOf = (ability: Ability | undefined) =>
  new Set((Object.keys(REVIEW_ACTIONS) as ReviewAction[]).filter((action) => Boolean(ability?.can(REVIEW_ACTIONS[action]))));

const whereOf = (key: ReviewKey) => ({ targetUid: key.uid, targetDocumentId: key.documentId, targetLocale: key.locale });

/** A move that lost a race with another reviewer's: the caller reloads and decides again. */
const conflict = () => new errors.ValidationError('审核阶段已被他人更改，请刷新后重试（The stage changed meanwhile: reload）');

const createReviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const stateRow = (key: ReviewKey) => strapi.db.query(STATE).findOne({ where: whereOf(key) }) as Promise<StateRow | null>;

  const stageOf = async (key: ReviewKey): Promise<Stage> => {
    const stage = (await stateRow(key))?.stage;
    return isStage(stage) ? stage : 'draft';
  };

  /** Stages of several documents of one type and locale; those never moved are 草稿. */
  const stagesOf = async (uid: string, documentIds: string[], locale: string | null) => {
    const rows = documentIds.length
      ? ((await strapi.db.query(STATE).findMany({
          where: { targetUid: uid, targetDocumentId: { $in: documentIds }, targetLocale: locale },
          select: ['targetDocumentId', 'stage'],
        })) as StateRow[])
      : [];
    const stages = new Map<string, Stage>(documentIds.map((id) => [id, 'draft']));
    for (const row of rows) if (isStage(row.stage)) stages.set(row.targetDocumentId, row.stage);
    return stages;
  };

  /**
   * Sets the stage if it is still `from` (compare-and-set: of two reviewers clicking at
   * once, one wins and the other is told to reload) and records the move.
   */
  const write = (key: ReviewKey, from: Stage, to: Stage, comment: string | null, by: { id: number; name: string } | null) =>
    strapi.db.transaction(async () => {
      const row = await stateRow(key);
      if (row) {
        const { count } = (await strapi.db.query(STATE).updateMany({ where: { id: row.id, stage: from }, data: { stage: to } })) as {
          count: number;
        };
        if (count !== 1) throw conflict();
      } else {
        if (from !== 'draft') throw conflict();
        try {
          await strapi.db.query(STATE).create({ data: { ...whereOf(key), stage: to } });
        } catch (error) {
          // The unique index (src/features/platform/indexes.ts): another instance recorded this document first.
          strapi.log.debug(`[review] state insert lost a race: ${(error as Error).message}`);
          throw conflict();
        }
      }
      await strapi.db.query(EVENT).create({
        data: { ...whereOf(key), fromStage: from, toStage: to, comment, byName: by?.name ?? null, byId: by?.id ?? null, system: !by },
      });
      // 操作日志: a stage move, in the same transaction (the caller is the request's user; a system move has none),
      // named by the draft's title as the log names every other write.
      const mainField = settingsOf(key.uid)?.admin?.mainField ?? 'title';
      const draft = (await strapi.db.query(key.uid).findOne({
        where: { documentId: key.documentId, locale: key.locale, publishedAt: null },
        select: ['id', mainField],
      })) as Record<string, unknown> | null;
      await getService(strapi, 'audit').record({
        action: 'stage.move',
        targetUid: key.uid,
        targetDocumentId: key.documentId,
        targetLocale: key.locale,
        targetTitle: titleOf(draft, mainField),
        changes: { stage: { before: from, after: to }, ...(comment ? { comment: { after: comment } } : {}) },
      });
      return to;
    });

  const history = async (key: ReviewKey): Promise<ReviewEvent[]> => {
    const rows = (await strapi.db.query(EVENT).findMany({
      where: whereOf(key),
      select: ['fromStage', 'toStage', 'comment', 'byName', 'system', 'createdAt'],
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      limit: MAX_HISTORY,
    })) as Array<{ fromStage: string; toStage: string; comment: string | null; byName: string | null; system: boolean; createdAt: string }>;
    return rows.map((row) => ({
      from: row.fromStage,
      to: row.toStage,
      comment: row.comment,
      by: row.byName,
      system: Boolean(row.system),
      at: new Date(row.createdAt).toISOString(),
    }));
  };

  const findDraft = (uid: string, documentId: string, locale: string | null, extra: string[] = []) =>
    strapi.db.query(uid as typeof ARTICLE).findOne({
      where: { documentId, publishedAt: null, ...(locale ? { locale } : {}) },
      select: ['id', 'documentId', 'locale', ...extra],
      populate: { createdBy: { select: ['id'] } },
    }) as Promise<Draft | null>;

  /** The caller's right to the draft, as the content manager checks it: on its type, then on the document itself (owner, locale). */
  const assertMay = async (ability: Ability | undefined, key: ReviewKey, need: 'read' | 'update') => {
    const forbidden = () => new errors.ForbiddenError('You may not review this document');
    const checker = checkerFor(strapi, ability, key.uid);
    if (!ability || checker.cannot[need]()) throw forbidden();
    const draft = await findDraft(key.uid, key.documentId, key.locale);
    if (!draft) throw new errors.NotFoundError('No draft of this document in this locale');
    if (checker.cannot[need](draft)) throw forbidden();
  };

  /** What the 审核 panel shows: the stage, the moves this caller may make from it, the history. */
  const panel = async (key: ReviewKey, ability: Ability | undefined) => {
    const stage = await stageOf(key);
    const actions = actionsOf(ability);
    const can = (move: Move) => decideMove(stage, move, 'x', actions).ok;
    return {
      stage,
      label: STAGE_LABELS[stage],
      owner: OWNER[stage],
      required: reviewRequired(strapi),
      canForward: can('forward'),
      canBack: can('back'),
      history: await history(key),
    };
  };

  return {
    stageOf,
    stagesOf,
    history,

    /**
     * A reviewer's move (送初审, 通过, 退回): refused with 403 outside their stages, 400 for a
     * send-back without 审核意见, and 409 when the draft changed after the version the reviewer
     * read (`seen`, the draft's updatedAt in ms; every 通过 must name it: needsVersion).
     */
    async move(key: ReviewKey, move: Move, comment: string, reviewer: Reviewer, expected?: Stage, seen?: number) {
      return strapi.db.transaction(async () => {
        // An edit of the draft in flight (another instance included) lands before or after the move, never between.
        await lockDocument(strapi, key.uid, key.documentId);
        const from = await stageOf(key);
        if (expected && expected !== from) throw conflict();
        const decision = decideMove(from, move, comment, reviewer.actions);
        if (!decision.ok) {
          throw decision.status === 403 ? new errors.ForbiddenError(decision.message) : new errors.ValidationError(decision.message);
        }
        if (seen === undefined && needsVersion(from, move)) {
          throw new errors.ValidationError(
            '通过须注明所审稿件的版本（expectedUpdatedAt：编辑页中稿件的 updatedAt）（A pass must name the version of the draft you read）'
          );
        }
        if (seen !== undefined) {
          const draft = (await strapi.db.query(key.uid as typeof ARTICLE).findOne({
            where: { documentId: key.documentId, publishedAt: null, ...(key.locale ? { locale: key.locale } : {}) },
            select: ['updatedAt'],
          })) as { updatedAt?: unknown } | null;
          if (draft && isStale({ kind: 'exact', at: [seen] }, draft.updatedAt)) {
            throw new ConflictError(STALE_REVIEW_MESSAGE, { updatedAt: new Date(draft.updatedAt as string).toISOString() });
          }
        }
        await write(key, from, decision.to, comment.trim() || null, reviewer);
        return decision.to;
      });
    },

    /** A move the system makes (an edit after approval, the demo seed): recorded without a person. */
    async systemMove(key: ReviewKey, to: Stage, comment: string) {
      const from = await stageOf(key);
      if (from === to) return to;
      return write(key, from, to, comment, null);
    },

    /** The documents waiting in these stages (the 待我审核 list), newest move first. */
    async waiting(stages: Stage[], uids: string[]) {
      if (!stages.length || !uids.length) return [];
      return (await strapi.db.query(STATE).findMany({
        where: { stage: { $in: stages }, targetUid: { $in: uids } },
        select: ['targetUid', 'targetDocumentId', 'targetLocale', 'stage', 'updatedAt'],
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        limit: MAX_WAITING,
      })) as Array<StateRow & { updatedAt: string }>;
    },

    /** The articles a `with-article` entry belongs to, in its locale. */
    async articlesOf(uid: string, documentId: string, locale: string | null) {
      const attributes = (strapi.getModel(uid as typeof ARTICLE)?.attributes ?? {}) as Record<string, { type?: string; target?: string }>;
      const relations = Object.entries(attributes)
        .filter(([, attribute]) => attribute.type === 'relation' && attribute.target === ARTICLE)
        .map(([name]) => name);
      if (!relations.length) return [];
      const row = (await strapi.db.query(uid as typeof ARTICLE).findOne({
        where: { documentId, publishedAt: null, ...(locale ? { locale } : {}) },
        select: ['id'],
        populate: Object.fromEntries(relations.map((name) => [name, { select: ['documentId'], limit: MAX_WAITING }])),
      })) as Record<string, unknown> | null;
      const ids = relations.flatMap((name) => {
        const value = row?.[name];
        return (Array.isArray(value) ? value : value ? [value] : []).map((entry) => (entry as { documentId: string }).documentId);
      });
      return [...new Set(ids)];
    },

    /** The 审核 panel of a draft the caller may read (POST /admin/newsroom/review/state). */
    async panelFor(key: ReviewKey, ability: Ability | undefined) {
      await assertMay(ability, key, 'read');
      return panel(key, ability);
    },

    /** A move by an admin who may edit the draft, with their role's review actions; then the panel (POST …/review/move). */
    async moveBy(
      key: ReviewKey,
      caller: { ability: Ability | undefined; id: number; name: string },
      move: Move,
      comment: string,
      expected?: Stage,
      seen?: number
    ) {
      await assertMay(caller.ability, key, 'update');
      await this.move(key, move, comment, { id: caller.id, name: caller.name, actions: actionsOf(caller.ability) }, expected, seen);
      return panel(key, caller.ability);
    },

    /**
     * The 待我审核 list (GET …/review/waiting): documents in the stages the caller's role owns,
     * without those gone (deleted) or not the caller's to see (another writer's, another locale).
     */
    async waitingFor(ability: Ability | undefined) {
      const stages = stagesOwnedBy(actionsOf(ability));
      const rows = await this.waiting(stages, reviewedTypes());
      const items = [];
      for (const row of rows) {
        const uid = row.targetUid;
        const checker = checkerFor(strapi, ability, uid);
        if (checker.cannot.read()) continue;
        const mainField = settingsOf(uid)?.admin?.mainField;
        const draft = await findDraft(uid, row.targetDocumentId, row.targetLocale, mainField ? [mainField] : []);
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
      return { items, stages };
    },

    actions: REVIEW_ACTIONS,
  };
};

export default createReviewService;
export type ReviewService = ReturnType<typeof createReviewService>;
