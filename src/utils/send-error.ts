// An error answer in Strapi's shape, for middlewares that answer before the router.
import type { Core } from '@strapi/strapi';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

export const sendError = (ctx: KoaContext, status: number, name: string, message: string, details: object = {}) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
};
