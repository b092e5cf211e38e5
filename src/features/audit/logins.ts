// Admin logins, failed ones included, and logouts in the 操作日志, from the admin's own events.
import type { Core } from '@strapi/strapi';
import { displayName } from '../../lib/audit/actor';
import { getService } from '../services';
import { onStrapiEvent } from '../../strapi-internals/registries';

const MAX_EMAIL_LENGTH = 255;

type LoginEvent = { user?: { id?: unknown; firstname?: unknown; lastname?: unknown; username?: unknown; email?: unknown } };
type LoginError = { error?: { message?: unknown } };
type RequestBody = { request?: { body?: { email?: unknown } } };

const adminActor = (user: LoginEvent['user']) => ({
  actorKind: 'admin' as const,
  actorId: typeof user?.id === 'number' ? user.id : null,
  actorName: displayName(user),
  actorEmail: typeof user?.email === 'string' ? user.email.slice(0, MAX_EMAIL_LENGTH) : null,
});

/** Admin logins, successful and failed, and logouts, with the address and browser they came from. */
export const registerAuditLogins = (strapi: Core.Strapi) => {
  const record = (what: string, work: () => Promise<unknown>) =>
    // The login answers without waiting for this; a failure to record is logged, never thrown.
    work().catch((error: Error) => strapi.log.error(`[audit] could not record ${what}: ${error.message}`));

  onStrapiEvent(strapi, 'admin.auth.success', (payload) => {
    const actor = adminActor((payload as LoginEvent).user);
    void record('an admin login', () => getService(strapi, 'audit').record({ action: 'admin.login', actor }));
  });

  onStrapiEvent(strapi, 'admin.auth.error', (payload) => {
    const email = (strapi.requestContext.get() as RequestBody | undefined)?.request?.body?.email;
    const reason = (payload as LoginError).error?.message;
    void record('a failed admin login', () =>
      getService(strapi, 'audit').record({
        action: 'admin.login.failed',
        changes: typeof reason === 'string' ? { reason: { after: reason.slice(0, 200) } } : null,
        actor: {
          actorKind: 'anonymous',
          actorId: null,
          actorName: null,
          // The address tried (the login's validation made sure it is one); never the password.
          actorEmail: typeof email === 'string' ? email.slice(0, MAX_EMAIL_LENGTH) : null,
        },
      })
    );
  });

  onStrapiEvent(strapi, 'admin.logout', (payload) => {
    const actor = adminActor((payload as LoginEvent).user);
    void record('an admin logout', () => getService(strapi, 'audit').record({ action: 'admin.logout', actor }));
  });
};
