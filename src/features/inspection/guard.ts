// The one publish guard. Every path that publishes (the content manager's publish and
// bulk publish, REST and GraphQL with status=published, API tokens, the document service
// in scripts) goes through the document service, where this middleware runs the rules
// below on the draft about to go public. A blocking finding, or a warning no 终审
// accepted, refuses the publish with a 400 that lists them; nothing is written.
// The review stage (三审) is one more rule, with its own switch: with PUBLISH_CHECKS=false
// the guard still refuses what 终审 did not approve, unless REVIEW_REQUIRED=false too.
import type { Core } from '@strapi/strapi';
import { paramsOf, type DocumentRule, type Params } from '../../utils/document-rules';
import { inspectorOf } from './inspector';
import { isInspected } from './subject';
import { guardEnabled } from './publish-rules';

export { blockingOf, enforcedOf, guardEnabled, refusal } from './publish-rules';

/** The locales a publish names: one, several (bulk), all ('*'), or the default. */
export const localesOf = (params: Params): string[] | '*' | null => {
  const locale = params.locale as unknown;
  if (locale === '*') return '*';
  if (Array.isArray(locale)) return locale.filter((value): value is string => typeof value === 'string');
  return typeof locale === 'string' && locale ? [locale] : null;
};

export const isDirectPublish = (action: string, params: Params) =>
  (action === 'create' || action === 'update') && params.status === 'published';

const guardApplies = (strapi: Core.Strapi, uid: string) => guardEnabled(strapi) && isInspected(uid);

/**
 * What the guard would answer to publishing these locales of a document, asked ahead
 * (the scheduler records a refusal on the article instead of failing a publish).
 */
export const assertMayPublish = async (strapi: Core.Strapi, uid: string, documentId: string, locales: string[] | '*' | null) => {
  if (guardApplies(strapi, uid)) await inspectorOf(strapi).assertPublishable(uid, documentId, locales);
};

export const guardPublish: DocumentRule = (strapi) => async (context, next) => {
  if (!guardApplies(strapi, context.uid)) return next();
  const params = paramsOf(context);
  if (context.action === 'publish' && params.documentId) {
    await assertMayPublish(strapi, context.uid, params.documentId, localesOf(params));
    return next();
  }
  if (isDirectPublish(context.action, params)) {
    // The draft is written and published in one step: check what was written, inside
    // the same transaction, so a refusal leaves nothing behind (and fires no webhook).
    return strapi.db.transaction(async () => {
      const result = await next();
      const written = result as { documentId?: string; locale?: string | null } | null;
      if (written?.documentId)
        await inspectorOf(strapi).assertPublishable(context.uid, written.documentId, written.locale ? [written.locale] : null);
      return result;
    });
  }
  return next();
};
