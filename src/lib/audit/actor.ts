// Who did it and from where, read from the HTTP request a change serves (Koa's context,
// as strapi.requestContext gives it); outside a request it was a script or a job on the
// server itself. Pure: unit-tested with plain objects.

export type ActorKind = 'admin' | 'api-token' | 'user' | 'anonymous' | 'system';

export type Actor = {
  actorKind: ActorKind;
  actorId: number | null;
  actorName: string | null;
  actorEmail: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

type Person = { id?: unknown; firstname?: unknown; lastname?: unknown; username?: unknown; email?: unknown; name?: unknown };
/** A server job run in the name of the person (or token) who set it up: 定时发布 by 终审. */
export type OnBehalfOf = { job: string; kind: 'admin' | 'api-token'; id: number | null; name: string };

/** The parts of Koa's context read here (a job's context has `onBehalfOf` and no request). */
export type RequestLike = {
  onBehalfOf?: OnBehalfOf;
  request?: { ip?: string; header?: Record<string, string | string[] | undefined> };
  state?: { user?: Person; auth?: { strategy?: { name?: string }; credentials?: Person } };
};

/** Stored in a 255-character column. */
const MAX_FIELD = 255;
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

const bounded = (value: unknown): string | null => {
  if (typeof value !== 'string' || value === '') return null;
  return value.length > MAX_FIELD ? value.slice(0, MAX_FIELD) : value;
};
const idOf = (person: Person | undefined) => (typeof person?.id === 'number' ? person.id : null);

/** A person's name as the admin panel shows it: first and last name, else user name, else e-mail. */
export const displayName = (person: Person | undefined): string | null =>
  bounded([person?.firstname, person?.lastname].filter((part) => typeof part === 'string' && part).join(' ')) ??
  bounded(person?.username) ??
  bounded(person?.email);

/** `script` names the command outside a request (`import.js`, `strapi`). */
export const actorOf = (ctx: RequestLike | undefined, script: string): Actor => {
  if (!ctx?.request && ctx?.onBehalfOf) {
    const { job, kind, id, name } = ctx.onBehalfOf;
    return {
      actorKind: kind,
      actorId: id,
      actorName: bounded(`${name}（${job}）`),
      actorEmail: null,
      ip: null,
      userAgent: null,
      requestId: null,
    };
  }
  if (!ctx?.request) {
    return {
      actorKind: 'system',
      actorId: null,
      actorName: bounded(`system: ${script}`),
      actorEmail: null,
      ip: null,
      userAgent: null,
      requestId: null,
    };
  }
  const header = ctx.request.header ?? {};
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const where = {
    ip: bounded(ctx.request.ip),
    userAgent: bounded(first(header['user-agent'])),
    requestId: bounded(first(header['x-request-id'])),
  };
  const strategy = ctx.state?.auth?.strategy?.name;
  if (strategy === 'admin' && ctx.state?.user) {
    const user = ctx.state.user;
    return { actorKind: 'admin', actorId: idOf(user), actorName: displayName(user), actorEmail: bounded(user.email), ...where };
  }
  if (strategy && TOKEN_STRATEGIES.has(strategy)) {
    const token = ctx.state?.auth?.credentials;
    return { actorKind: 'api-token', actorId: idOf(token), actorName: bounded(token?.name), actorEmail: null, ...where };
  }
  if (strategy === 'users-permissions' && ctx.state?.auth?.credentials) {
    const user = ctx.state.auth.credentials;
    return { actorKind: 'user', actorId: idOf(user), actorName: displayName(user), actorEmail: bounded(user.email), ...where };
  }
  return { actorKind: 'anonymous', actorId: null, actorName: null, actorEmail: null, ...where };
};
