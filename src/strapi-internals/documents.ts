// The document service by an action name known only at run time. Core.Strapi types each
// action with its own params per uid; a write that lost a conflict is run again through
// the same action (src/features/editing/rules/lock-document.ts).
import type { Core } from '@strapi/strapi';

type Uid = Parameters<Core.Strapi['documents']>[0];
type Action = (params: unknown) => Promise<unknown>;

/** Runs `strapi.documents(uid)[action](params)`. Relies on: every document action taking one params object. */
export const runDocumentAction = (strapi: Core.Strapi, uid: Uid, action: string, params: unknown) => {
  const service = strapi.documents(uid) as unknown as Record<string, Action>;
  return service[action](params);
};
