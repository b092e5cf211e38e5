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

/** The document service's calls with untyped params, for code that walks types by a uid known at run time (the seed, the importer). */
export type UntypedDocuments<Doc = Record<string, unknown>> = {
  findFirst: (params: object) => Promise<Doc | null>;
  findMany: (params: object) => Promise<Doc[]>;
  create: (params: object) => Promise<Doc>;
  update: (params: object) => Promise<Doc>;
  delete: (params: object) => Promise<unknown>;
  publish: (params: object) => Promise<unknown>;
};

/** `strapi.documents(uid)` without its per-uid typing. Relies on: the document service's public methods. */
export const untypedDocuments = <Doc = Record<string, unknown>>(strapi: Core.Strapi, uid: string) =>
  strapi.documents(uid as Uid) as unknown as UntypedDocuments<Doc>;
