// 版本记录's admin controller (routes.ts): each action validates the request, makes one call
// to the versions service, and answers. Rights on the document are the service's check.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { bodyOf, requiredText, type AdminCtx } from '../../utils/admin-input';
import { getService } from '../services';
import { versionId } from './service';

type Ctx = AdminCtx & { params: { id?: string }; query: Record<string, unknown> };

const optionalText = (value: unknown, max: number, name: string) =>
  value === undefined || value === null || value === '' ? undefined : requiredText(value, max, name);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /admin/newsroom/versions?uid=&documentId=&locale= */
  async find(ctx: Ctx) {
    const uid = requiredText(ctx.query.uid, 100, 'uid');
    const documentId = requiredText(ctx.query.documentId, 64, 'documentId');
    const locale = optionalText(ctx.query.locale, 32, 'locale') ?? null;
    const versions = getService(strapi, 'versions');
    ctx.body = {
      data: await versions.listFor(ctx.state.userAbility, { uid, documentId, locale }),
      meta: { fields: versions.fieldsOf(uid) },
    };
  },

  /** GET /admin/newsroom/versions/:id/diff?against=:otherId (without `against`: the version before it). */
  async diff(ctx: Ctx) {
    const id = versionId(ctx.params.id);
    const against = ctx.query.against === undefined ? null : versionId(ctx.query.against, 'against');
    if (against === id) throw new errors.ValidationError('against 须为另一版本（against must be another version）');
    const versions = getService(strapi, 'versions');
    const data = await versions.diffFor(ctx.state.userAbility, id, against);
    ctx.body = { data, meta: { fields: versions.fieldsOf(data.uid) } };
  },

  /** POST /admin/newsroom/versions/:id/restore { documentId?, locale? }: the ids, when given, must be the version's. */
  async restore(ctx: Ctx) {
    const id = versionId(ctx.params.id);
    const body = bodyOf(ctx);
    const expected = { documentId: optionalText(body.documentId, 64, 'documentId'), locale: optionalText(body.locale, 32, 'locale') };
    ctx.body = { data: await getService(strapi, 'versions').restoreBy(ctx.state.userAbility, id, expected) };
  },
});
