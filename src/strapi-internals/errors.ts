// A 403 whose message reaches the caller. Strapi's route authorization wraps everything
// after it (policies, route middlewares, the handler, the document service) and answers
// any ForbiddenError with a bare "Forbidden", but lets a PolicyError through with its
// message (@strapi/core services/server/compose-endpoint.js, createAuthorizeMiddleware).
import { errors } from '@strapi/utils';

/** Relies on: PolicyError extending ForbiddenError (a 403) and being rethrown by the authorize step. */
export const forbiddenWithMessage = (message: string, details?: Record<string, unknown>) => new errors.PolicyError(message, details);
