// 发布检查 behind admin authentication, for the edit view's side panel:
//   POST /admin/newsroom/inspection/check   the findings on a saved draft
//   POST /admin/newsroom/inspection/fix     one-click fix (mask a number, correct a word)
//   POST /admin/newsroom/inspection/accept  a 终审 accepts a warning with a reason
// Each is checked against the editor's role as the content manager checks it; accepting
// needs the 接受检查警告 permission (Settings › Roles › 发布检查), which Super Admins have.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACCEPT_ACTION, type Inspection } from './service';
import { isInspected } from './subject';
import { fieldPathOf, type Owner } from './types';
import { getService } from '../services';
import { checkerFor } from '../../utils/permission-checker';
import { ARTICLE_UID } from '../../api/article/newsroom';

type AdminRouter = { type: 'admin'; routes: unknown[] };
type Ability = { can: (action: string, subject?: unknown) => boolean };
type Ctx = {
  request: { body?: unknown };
  state: { userAbility?: Ability; user?: { id: number; firstname?: string | null; lastname?: string | null; email?: string } };
  body: unknown;
};

const text = (value: unknown, max: number, name: string) => {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw new errors.ValidationError(`${name} is required, as text of at most ${max} characters`);
  }
  return value.trim();
};

export const registerInspectionPermissions = (strapi: Core.Strapi) =>
  (
    strapi.service('admin::permission') as unknown as { actionProvider: { registerMany: (actions: object[]) => Promise<void> } }
  ).actionProvider.registerMany([
    {
      section: 'settings',
      category: '发布检查 Publish checks',
      subCategory: 'warnings',
      displayName: '接受检查警告 Accept warnings (终审)',
      uid: 'inspection.accept-warnings',
    },
  ]);

/** The request's document, checked against the editor's role on the document itself (owner, locale). */
const target = async (strapi: Core.Strapi, ctx: Ctx, need: 'read' | 'update') => {
  const body = (ctx.request.body ?? {}) as Record<string, unknown>;
  const uid = text(body.uid ?? ARTICLE_UID, 100, 'uid');
  if (!isInspected(uid)) throw new errors.ValidationError(`${uid} has no publish checks`);
  const documentId = text(body.documentId, 64, 'documentId');
  const locale = text(body.locale, 32, 'locale');
  const forbidden = () => new errors.ForbiddenError('You may not check or change this document');
  const checker = checkerFor(strapi, ctx.state.userAbility, uid);
  if (!ctx.state.userAbility || checker.cannot[need]()) throw forbidden();
  const draft = await strapi.db.query(uid as typeof ARTICLE_UID).findOne({
    where: { documentId, locale, publishedAt: null },
    select: ['id', 'documentId', 'locale'],
    populate: { createdBy: { select: ['id'] } },
  });
  if (!draft) throw new errors.NotFoundError('No draft of this document in this locale');
  if (checker.cannot[need](draft)) throw forbidden();
  return { body, uid, documentId, locale };
};

const canAccept = (ctx: Ctx) => Boolean(ctx.state.userAbility?.can(ACCEPT_ACTION));

const answer = (ctx: Ctx, inspection: Inspection | null) => {
  if (!inspection) throw new errors.NotFoundError('No draft of this document in this locale');
  ctx.body = {
    data: {
      findings: inspection.findings,
      blocking: inspection.blocking.length,
      canAccept: canAccept(ctx),
    },
  };
};

export const registerInspectionAdminRoutes = (strapi: Core.Strapi) => {
  const inspection = () => getService(strapi, 'inspection');
  const route = (path: string, handler: (ctx: Ctx) => Promise<void>) => ({
    method: 'POST',
    path: `/newsroom/inspection/${path}`,
    handler,
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  });
  (strapi.admin!.routes as unknown as Record<string, AdminRouter>)['newsroom-inspection'] = {
    type: 'admin',
    routes: [
      route('check', async (ctx) => {
        const { uid, documentId, locale } = await target(strapi, ctx, 'read');
        answer(ctx, await inspection().inspect(uid, documentId, locale));
      }),
      route('fix', async (ctx) => {
        const { body, uid, documentId, locale } = await target(strapi, ctx, 'update');
        const findingId = text(body.findingId, 64, 'findingId');
        // The fix writes one field of the draft that holds the text (the article, or a linked
        // quote or commended individual): the editor must be allowed to edit that field of
        // that entry, its owner and locale conditions included, as the content manager checks.
        const mayWrite = async (owner: Owner) => {
          const entry = await strapi.db.query(owner.uid as typeof ARTICLE_UID).findOne({
            where: { documentId: owner.documentId, locale: owner.locale, publishedAt: null },
            select: ['id', 'documentId', 'locale'],
            populate: { createdBy: { select: ['id'] } },
          });
          const checker = checkerFor(strapi, ctx.state.userAbility, owner.uid);
          if (!entry || checker.cannot.update() || checker.cannot.update(entry, fieldPathOf(owner))) {
            throw new errors.ForbiddenError('You may not edit the entry this text belongs to');
          }
        };
        answer(ctx, await inspection().fix(uid, documentId, locale, findingId, mayWrite));
      }),
      route('accept', async (ctx) => {
        if (!canAccept(ctx))
          throw new errors.ForbiddenError('只有终审可以确认警告（Only a role with “Accept warnings” may accept a warning）');
        const { body, uid, documentId, locale } = await target(strapi, ctx, 'read');
        const findingId = text(body.findingId, 64, 'findingId');
        const reason = text(body.reason, 500, 'reason');
        const user = ctx.state.user!;
        const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || `#${user.id}`;
        answer(ctx, await inspection().accept(uid, documentId, locale, findingId, reason, { id: user.id, name }));
      }),
    ],
  };
};
