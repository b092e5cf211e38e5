// 发布检查's admin controller (routes.ts): each action validates the request, makes one
// call to the inspection service, and answers. Whether the editor may read or edit the
// draft is the service's check (the content manager's, on the document itself).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACCEPT_ACTION, type Inspection } from './service';
import { isInspected } from './subject';
import { getService } from '../services';
import { ARTICLE_UID } from '../../api/article/newsroom';
import { bodyOf, requiredText, type AdminCtx } from '../../utils/admin-input';

type Ctx = AdminCtx;

const text = requiredText;

/** The request's draft: a type with publish checks, a documentId, a locale. */
const draftOf = (body: Record<string, unknown>) => {
  const uid = text(body.uid ?? ARTICLE_UID, 100, 'uid');
  if (!isInspected(uid)) throw new errors.ValidationError(`${uid} has no publish checks`);
  return { uid, documentId: text(body.documentId, 64, 'documentId'), locale: text(body.locale, 32, 'locale') };
};

const canAccept = (ctx: Ctx) => Boolean(ctx.state.userAbility?.can(ACCEPT_ACTION));

const answer = (ctx: Ctx, inspection: Inspection | null) => {
  if (!inspection) throw new errors.NotFoundError('No draft of this document in this locale');
  ctx.body = { data: { findings: inspection.findings, blocking: inspection.blocking.length, canAccept: canAccept(ctx) } };
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /admin/newsroom/inspection/check: the findings on a saved draft. */
  async check(ctx: Ctx) {
    const key = draftOf(bodyOf(ctx));
    answer(ctx, await getService(strapi, 'inspection').checkFor(ctx.state.userAbility, key));
  },

  /** POST /admin/newsroom/inspection/fix: one-click fix (mask a number, correct a word). */
  async fix(ctx: Ctx) {
    const body = bodyOf(ctx);
    const key = draftOf(body);
    const findingId = text(body.findingId, 64, 'findingId');
    answer(ctx, await getService(strapi, 'inspection').fixFor(ctx.state.userAbility, key, findingId));
  },

  /** POST /admin/newsroom/inspection/accept: a 终审 accepts a warning with a reason. */
  async accept(ctx: Ctx) {
    // Checked here rather than by admin::hasPermissions: that policy answers 403 as a
    // PolicyError ("Policy Failed"); this route says who may accept.
    if (!canAccept(ctx)) throw new errors.ForbiddenError('只有终审可以确认警告（Only a role with “Accept warnings” may accept a warning）');
    const body = bodyOf(ctx);
    const key = draftOf(body);
    const findingId = text(body.findingId, 64, 'findingId');
    const reason = text(body.reason, 500, 'reason');
    const user = ctx.state.user!;
    const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `#${user.id}`;
    answer(ctx, await getService(strapi, 'inspection').acceptBy(ctx.state.userAbility, { id: user.id, name }, key, findingId, reason));
  },
});
