// Who a document-service write serves and what they may do to one entry, as the content
// manager decides it: an administrator's role checked on the entry itself (conditions
// such as 撰稿's "only their own" apply, and locale limits), an API token by its type or
// its permissions. Outside a request (scripts, the demo seed, the scheduler) it is the
// server itself, which these guards let through: its jobs run what an editor set up.
import type { Core } from '@strapi/strapi';
import { checkerFor } from './permission-checker';

type Ability = { can: (action: string) => boolean };
type Person = { id?: number; firstname?: string | null; lastname?: string | null; username?: string | null; email?: string | null };

export type Caller =
  | { kind: 'system' }
  | { kind: 'admin'; ability: unknown; user: Person }
  /**
   * A full-access token writes like a Super Admin, as Strapi means it to (an agency's own
   * integration: an importer, a CMS bridge). Its writes still send approved entries back
   * to 初审 and are logged under the token's name; it cannot pass 三审 for anyone.
   */
  | { kind: 'full-access'; name: string | null }
  | { kind: 'token'; ability: Ability | null; name: string | null }
  /** Anonymous, front-end users, read-only tokens: nobody who edits content here. */
  | { kind: 'other' };

type RequestState = {
  request?: unknown;
  state?: {
    user?: Person;
    userAbility?: unknown;
    auth?: { strategy?: { name?: string }; credentials?: { type?: string; name?: string }; ability?: Ability | null };
  };
};

/** The caller of the running request (strapi.requestContext), or the system outside one. */
export const callerOf = (strapi: Core.Strapi): Caller => {
  const ctx = strapi.requestContext.get() as RequestState | undefined;
  if (!ctx?.request) return { kind: 'system' };
  const auth = ctx.state?.auth;
  const strategy = auth?.strategy?.name;
  if (strategy === 'admin' && ctx.state?.user && ctx.state.userAbility) {
    return { kind: 'admin', ability: ctx.state.userAbility, user: ctx.state.user };
  }
  if (strategy === 'api-token' || strategy === 'content-api-token') {
    const name = auth?.credentials?.name ?? null;
    if (auth?.credentials?.type === 'full-access') return { kind: 'full-access', name };
    if (auth?.credentials?.type === 'custom') return { kind: 'token', ability: auth.ability ?? null, name };
  }
  return { kind: 'other' };
};

export type EntryAction = 'read' | 'update' | 'publish';

/** The content-API action that grants the same to a custom token (REST publishes with `status=published`, an update). */
const TOKEN_ACTION: Record<EntryAction, string> = { read: 'findOne', update: 'update', publish: 'update' };

/**
 * Whether the caller may `action` the draft of (uid, documentId, locale), read with its
 * creator so that role conditions apply. A missing draft is judged on the type alone.
 */
export const mayOnEntry = async (
  strapi: Core.Strapi,
  caller: Caller,
  action: EntryAction,
  uid: string,
  documentId: string,
  locale: string | null
) => {
  switch (caller.kind) {
    case 'system':
    case 'full-access':
      return true;
    case 'other':
      return false;
    case 'token':
      return Boolean(caller.ability?.can(`${uid}.${TOKEN_ACTION[action]}`));
    case 'admin': {
      const checker = checkerFor(strapi, caller.ability, uid);
      const entity = await strapi.db.query(uid).findOne({
        where: { documentId, publishedAt: null, ...(locale ? { locale } : {}) },
        select: ['id', 'documentId', ...(locale ? ['locale'] : [])],
        populate: { createdBy: { select: ['id'] } },
      });
      return entity ? !checker.cannot[action](entity) : !checker.cannot[action]();
    }
  }
};

/** How the 操作日志 and messages name a caller. */
export const callerName = (caller: Caller) => {
  if (caller.kind === 'admin') {
    const user = caller.user;
    return [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email || `#${user.id}`;
  }
  if (caller.kind === 'full-access' || caller.kind === 'token') return caller.name ? `API 令牌 ${caller.name}` : 'API 令牌';
  return caller.kind === 'system' ? '系统' : '匿名';
};
