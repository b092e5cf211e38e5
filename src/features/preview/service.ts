// Preview (#13): the content manager's preview button opens the bundled reader on the
// draft. The admin asks Strapi for a preview URL (GET /content-manager/preview/url/…),
// which calls config/admin.ts's handler, which calls link() here. The link is
// `/preview#<token>`: a JSON Web Token signed for one document, locale and status, valid
// for PREVIEW_TTL_MINUTES. The token sits in the URL's fragment, which browsers never
// send, so it appears in no server log and no Referer; the reader sends it back in an
// Authorization header, which keeps the answer out of every cache
// (src/features/response-cache/middlewares/response-cache.ts). There is no public draft route: without a valid
// token GET /api/articles/preview is a 401.
import crypto from 'crypto';
import jwt from 'jsonwebtoken';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_POPULATE } from '../reader';
import { checkerFor } from '../../utils/permission-checker';
import { getService } from '../services';
import { defaultLocale } from '../../utils/locales';
import { buildBreadcrumb, withNode, type ChannelNode } from '../../lib/breadcrumb';
import { ARTICLE_UID } from '../../api/article/newsroom';
import { generateUserAbility, sessionManager } from '../../strapi-internals/plugin-services';
import { contentTypeSchemas, modelSchema } from '../../strapi-internals/schemas';

const UID = ARTICLE_UID;
const CHANNEL = 'api::channel.channel';
const AUDIENCE = 'gov-newsroom:preview';
/** The scheme of the Authorization header the reader sends the token in. */
export const PREVIEW_SCHEME = 'Preview';

type Status = 'draft' | 'published';
type Claims = { documentId: string; locale: string; status: Status };
/** A checked token: its claims, the administrator it was made for and their admin session. */
type Verified = Claims & { userId: number; sessionId: string };
type PreviewParams = { documentId?: unknown; locale?: unknown; status?: unknown };
type RequestState = { state?: { userAbility?: unknown; user?: { id: number }; session?: { id?: string } } };
type Entity = Record<string, unknown>;

/**
 * How far ahead of this instance's clock a token's `iat` may be: a link made on one instance
 * is opened on another, and their clocks may differ by a little (NTP keeps them well within this).
 */
const CLOCK_SKEW_S = 60;

const expired = () =>
  new errors.UnauthorizedError('预览链接无效或已过期，请在管理后台重新打开预览（The preview link is invalid or has expired）');

export const createPreviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  // Derived from the admin's JWT secret (required in production): no extra secret to
  // manage, and rotating that secret ends every preview link with the admin sessions.
  let key: Buffer | null = null;
  const secret = () => {
    if (key) return key;
    const adminSecret = strapi.config.get('admin.auth.secret');
    // Without it the key would be a known string: no link is made or accepted. Its strength
    // is checked where it is set: production refuses to start with one shorter than 32
    // characters (src/lib/required-secrets.ts), and development gets 44 random ones
    // (scripts/ensure-env.js). A shorter one set by hand in development makes links as it
    // makes the admin's own tokens, rather than failing every preview with the admin's bare
    // 400 "Failed to get preview URL" (#27, finding 11).
    if (typeof adminSecret !== 'string' || adminSecret.trim() === '') {
      throw new errors.ApplicationError('预览需要设置 ADMIN_JWT_SECRET，请设置后重启服务（Preview links need ADMIN_JWT_SECRET）');
    }
    key = crypto.createHmac('sha256', adminSecret).update('gov-newsroom preview links').digest();
    return key;
  };
  const ttlSeconds = () => Number(strapi.config.get('preview.ttlMinutes', 15)) * 60;

  /** The project's own types an attribute of `uid` links to, by attribute name. */
  const linkedTypes = (uid: string) =>
    Object.entries(contentTypeSchemas(strapi)[uid].attributes)
      .filter(([, attribute]) => attribute.type === 'relation' && String(attribute.target ?? '').startsWith('api::'))
      .map(([name, attribute]) => [name, attribute.target as string] as const);

  /**
   * The populate, with what the permission checks below need of the entry and of each linked
   * entry of the project's types: the author (a role's read may hold only for their own) and
   * the locale (a role's read is for some locales). A linked entry read with a few `fields`
   * (the channel: name and slug) would otherwise lack its locale, and every role's check on it
   * fail: the preview showed no channel and no breadcrumb to anyone (#27). `added` names the
   * fields asked only for the checks, which the answer does not show.
   */
  const withCheckFields = (populate: Record<string, unknown>) => {
    const linked = new Map(linkedTypes(UID));
    const result: Record<string, unknown> = { ...populate, createdBy: { fields: ['id'] } };
    const added = new Map<string, string[]>();
    for (const [name, spec] of Object.entries(populate)) {
      const target = linked.get(name);
      if (!target) continue;
      const nested = typeof spec === 'object' && spec ? (spec as Record<string, unknown>) : {};
      const nestedPopulate = typeof nested.populate === 'object' && nested.populate ? nested.populate : {};
      const fields = Array.isArray(nested.fields) ? (nested.fields as string[]) : null;
      const localized = Boolean(modelSchema(strapi, target)?.attributes.locale);
      const extra = fields && localized && !fields.includes('locale') ? ['locale'] : [];
      if (extra.length) added.set(name, extra);
      result[name] = {
        ...nested,
        ...(fields ? { fields: [...fields, ...extra] } : {}),
        populate: { ...nestedPopulate, createdBy: { fields: ['id'] } },
      };
    }
    return { populate: result, added };
  };

  /** Removes from each linked entry the fields read only for the checks. */
  const withoutCheckFields = (entry: Entity, added: Map<string, string[]>) => {
    for (const [name, fields] of added) {
      const value = entry[name];
      for (const item of Array.isArray(value) ? value : value ? [value] : []) {
        for (const field of fields) delete (item as Entity)[field];
      }
    }
    return entry;
  };

  /**
   * The channel of a previewed article as readers will see it once the article is published:
   * its published name and slug, and 当前位置 along the published channels, as the public
   * read gives them. A channel never published (readers would see none) still shows, under
   * its draft name, below its published parents: the editor sees the channel they picked
   * rather than nothing. Only when the role may read the channel (readableBy kept it):
   * every editorial role may, to pick one in the article's relation field.
   */
  const showChannel = async (article: Entity & { channel?: Entity | null }, locale: string | undefined) => {
    const picked = article.channel;
    // The path shows channels' names: none for a role that may not read them.
    if (!picked || typeof picked.documentId !== 'string' || !('name' in picked)) {
      article.breadcrumb = [];
      return;
    }
    const published = await getService(strapi, 'channel').publishedTree(locale);
    let nodes: ReadonlyMap<string, ChannelNode> = published;
    if (!published.has(picked.documentId)) {
      const draft = (await strapi.db.query(CHANNEL).findOne({
        select: ['documentId', 'name', 'slug'],
        where: { documentId: picked.documentId, publishedAt: null, ...(locale ? { locale } : {}) },
        populate: { parent: { select: ['documentId'] } },
      })) as { documentId: string; name: string; slug: string | null; parent?: { documentId: string } | null } | null;
      if (draft) nodes = withNode(published, { ...draft, parentId: draft.parent?.documentId ?? null });
    }
    const node = nodes.get(picked.documentId);
    // Only the fields the role reads (the checker may have removed some) take the readers' values.
    if (node) for (const field of ['name', 'slug'] as const) if (field in picked) picked[field] = node[field];
    article.breadcrumb = buildBreadcrumb(nodes, picked.documentId);
  };

  /**
   * `entry` (of type `uid`) as the editor's ability may read it in the content manager:
   * its readable fields, and each linked entry kept only if readable, with its readable fields.
   */
  const readableBy = async (ability: unknown, uid: string, entry: Entity): Promise<Entity> => {
    const readable = await checkerFor(strapi, ability, uid).sanitizeOutput(entry);
    for (const [name, target] of linkedTypes(uid)) {
      const value = readable[name];
      if (value === undefined || value === null) continue;
      const checker = checkerFor(strapi, ability, target);
      if (checker.cannot.read()) {
        delete readable[name];
        continue;
      }
      const keep = async (item: Entity) => (checker.cannot.read(item) ? null : checker.sanitizeOutput(item));
      readable[name] = Array.isArray(value)
        ? (await Promise.all((value as Entity[]).map(keep))).filter(Boolean)
        : await keep(value as Entity);
    }
    return readable;
  };

  return {
    /**
     * The version an editor asks to preview, or null where there is nothing to preview
     * (another type, no such version); a 403 when the editor may not read it in the
     * content manager (an 撰稿 only their own). Strapi's preview route checks only that
     * the caller is an administrator, and turns any error of the handler into a 400, so
     * src/features/preview/guard-route.ts calls this before it as well.
     */
    async versionFor(uid: string, params: PreviewParams, ability: unknown) {
      if (uid !== UID || typeof params.documentId !== 'string') return null;
      const forbidden = () => new errors.ForbiddenError('You may not preview this document');
      const checker = checkerFor(strapi, ability, uid);
      if (!ability || checker.cannot.read()) throw forbidden();
      const status: Status = params.status === 'published' ? 'published' : 'draft';
      // No locale asked (the side panel's first call): the default one, not whichever row comes first.
      const locale = typeof params.locale === 'string' ? params.locale : await defaultLocale(strapi);
      const entry = await strapi.db.query(UID).findOne({
        where: {
          documentId: params.documentId,
          publishedAt: status === 'draft' ? null : { $notNull: true },
          locale,
        },
        select: ['id', 'documentId', 'locale'],
        populate: { createdBy: { select: ['id'] } },
      });
      if (!entry) return null;
      if (checker.cannot.read(entry)) throw forbidden();
      return { documentId: entry.documentId as string, locale: (entry.locale as string | null) ?? '', status };
    },

    /** config/admin.ts's preview handler: the reader's /preview page with a token for that version. */
    async link(uid: string, params: PreviewParams) {
      const ctx = strapi.requestContext.get() as RequestState | undefined;
      const claims: Claims | null = await this.versionFor(uid, params, ctx?.state?.userAbility);
      if (!claims) return null;
      // The admin session it was made in: signing out, or a password reset ending every
      // session, ends the link too (Strapi's own admin tokens end the same way).
      const sessionId = ctx?.state?.session?.id;
      if (typeof sessionId !== 'string') throw expired();
      const token = jwt.sign({ ...claims, sid: sessionId }, secret(), {
        algorithm: 'HS256',
        audience: AUDIENCE,
        expiresIn: ttlSeconds(),
        subject: String(ctx?.state?.user?.id ?? ''),
      });
      return `/preview#${token}`;
    },

    /** The claims of a valid token from an Authorization header, or a 401. */
    verify(authorization: string | undefined): Verified {
      const [scheme, token] = (authorization ?? '').split(' ');
      if (scheme !== PREVIEW_SCHEME || !token || token.length > 2048) throw expired();
      try {
        const claims = jwt.verify(token, secret(), {
          algorithms: ['HS256'],
          audience: AUDIENCE,
          // Also bounded by its age, should a token carry a later `exp` than this instance grants.
          maxAge: ttlSeconds(),
        }) as Partial<Claims> & { sub?: unknown; sid?: unknown; iat?: unknown };
        const userId = Number(claims.sub);
        if (
          // Issued ahead of this instance's clock: no instance made it (a link made on one
          // instance is read on another, whose clock may differ by a little).
          typeof claims.iat !== 'number' ||
          claims.iat > Date.now() / 1000 + CLOCK_SKEW_S ||
          typeof claims.documentId !== 'string' ||
          typeof claims.locale !== 'string' ||
          typeof claims.sid !== 'string' ||
          !Number.isSafeInteger(userId) ||
          userId < 1
        )
          throw expired();
        return {
          documentId: claims.documentId,
          locale: claims.locale,
          status: claims.status === 'published' ? 'published' : 'draft',
          userId,
          sessionId: claims.sid,
        };
      } catch {
        throw expired();
      }
    },

    /**
     * A link lasts only while the editor it was made for still may read that version: their
     * admin session ended (signed out, password reset), a blocked or deactivated account, a
     * role that lost the right, or an 撰稿 no longer the author ends it at once rather than
     * when the token expires. A 401 (the link is dead) for the session or the account, a
     * 403 for the right, a 404 when the version is gone. Returns the editor's ability.
     */
    async authorize(claims: Verified) {
      const sessions = sessionManager(strapi);
      if (!sessions || !(await sessions('admin').isSessionActive(claims.sessionId))) throw expired();
      // The session is the token's user's own: a token naming one editor and another's live
      // session is refused (Strapi's session store keeps the user's id as a string).
      const session = (await strapi.db.query('admin::session').findOne({
        where: { sessionId: claims.sessionId },
        select: ['userId'],
      })) as { userId?: unknown } | null;
      if (!session || String(session.userId) !== String(claims.userId)) throw expired();
      const user = await strapi.db.query('admin::user').findOne({ where: { id: claims.userId }, populate: ['roles'] });
      if (!user || user.isActive !== true || user.blocked === true) throw expired();
      const ability = await generateUserAbility(strapi, user);
      const version = await this.versionFor(UID, claims, ability);
      if (!version) throw new errors.NotFoundError('This version of the article no longer exists');
      return ability;
    },

    /**
     * The article a token names, as the public read gives a published one (the default
     * populate, private fields removed, the breadcrumb), but in the token's status: the
     * draft and the drafts of its quotes and commendations. Authorized first (above), and
     * only what the editor may read in the content manager is shown: the article's fields
     * their role reads, and of its linked entries (channel, quotes, commended units and
     * individuals) only those they may read, with those entries' readable fields (an 撰稿
     * sees their own quotes, not a reviewer's, as in the content manager).
     */
    async read(claims: Verified) {
      const ability = await this.authorize(claims);
      // The token was checked: this is the editor's read, made for them. It runs outside the
      // request's content-API context, where the public-read guard refuses every draft
      // (src/features/public-api/rules/guard-public-reads.ts).
      const { populate, added } = withCheckFields(DEFAULT_POPULATE);
      const entry = await (strapi.requestContext.run as <T>(store: unknown, cb: () => T) => Promise<Awaited<T>>)({ state: {} }, () =>
        strapi.documents(UID).findOne({
          documentId: claims.documentId,
          locale: claims.locale || undefined,
          status: claims.status,
          // The authors and locales too, for the checks below: the content-API sanitizer
          // drops the authors after, withoutCheckFields the locales nobody asked for.
          populate: populate as never,
        })
      );
      if (!entry) throw new errors.NotFoundError('This version of the article no longer exists');
      const readable = withoutCheckFields(await readableBy(ability, UID, entry as Entity), added);
      const article = (await strapi.contentAPI.sanitize.output(readable, strapi.contentType(UID))) as Entity & {
        documentId: string;
        locale?: string | null;
        channel?: Entity | null;
      };
      await showChannel(article, claims.locale || undefined);
      return article;
    },

    /** GET /articles/preview's answer to `Authorization: Preview <token>`: the version, and when readers will see it. */
    async answer(authorization: string | undefined) {
      const claims = this.verify(authorization);
      const article = await this.read(claims);
      // Dated ahead (a draft to be published later): the page says readers will not see it before then.
      const date = typeof article.publishDate === 'string' ? Date.parse(article.publishDate) : NaN;
      const visibleFrom = date > Date.now() ? { visibleFrom: article.publishDate } : {};
      return { data: article, meta: { preview: { status: claims.status, ...visibleFrom } } };
    },
  };
};

export type PreviewService = ReturnType<typeof createPreviewService>;

export default createPreviewService;
