// The shape every rule in this folder shares: a factory that gets Strapi and returns
// one document-service middleware (registered in order by index.ts).
import type { Core, Modules } from '@strapi/strapi';

export type DocumentMiddleware = Modules.Documents.Middleware.Middleware;
export type DocumentContext = Parameters<DocumentMiddleware>[0];
export type DocumentRule = (strapi: Core.Strapi) => DocumentMiddleware;

/** The params every action may carry; the document service types them per action. */
export type Params = {
  documentId?: string;
  locale?: string;
  status?: string;
  data?: Record<string, unknown>;
  [key: string]: unknown;
};

export const paramsOf = (context: DocumentContext) => context.params as Params;

/** Actions that change stored documents (everything but reads). */
export const WRITE_ACTIONS: ReadonlySet<string> = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);
