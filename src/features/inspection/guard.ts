// The one publish guard. Every path that publishes (the content manager's publish and
// bulk publish, REST and GraphQL with status=published, API tokens, the document service
// in scripts) goes through the document service, where this middleware runs the rules
// below on the draft about to go public. A blocking finding, or a warning no 终审
// accepted, refuses the publish with a 400 that lists them; nothing is written.
// The review stage (三审) is one more rule, with its own switch: with PUBLISH_CHECKS=false
// the guard still refuses what 终审 did not approve, unless REVIEW_REQUIRED=false too.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Finding } from '../../lib/inspection/types';
import { paramsOf, type DocumentRule, type Params } from '../../utils/document-rules';
import { getService } from '../services';
import { checkWordLists } from './checks/check-word-lists';
import { checkPersonalData } from './checks/check-personal-data';
import { checkLinks } from './checks/check-links';
import { checkRequiredFacts } from './checks/check-required-facts';
import { checkDeclared } from './checks/check-declared';
import { checkReviewStage, reviewRequired } from '../review/check-review-stage';
import { isInspected } from './subject';
import type { PublishRule, Subject } from './types';

// The review stage first: an unreviewed draft is refused for that before its text is read.
export const PUBLISH_RULES: PublishRule[] = [
  checkReviewStage,
  checkRequiredFacts,
  checkWordLists,
  checkPersonalData,
  checkLinks,
  checkDeclared,
];

const checksEnabled = (strapi: Core.Strapi) => Boolean(strapi.config.get('publish-guard.enabled', true));

/** Whether any publish is guarded: the publish checks, or 三审, or both. */
export const guardEnabled = (strapi: Core.Strapi) => checksEnabled(strapi) || reviewRequired(strapi);

/** The findings the guard refuses on: with PUBLISH_CHECKS=false, only the review stage's. */
export const enforcedOf = (strapi: Core.Strapi, findings: Finding[]) =>
  checksEnabled(strapi) ? findings : findings.filter((finding) => finding.rule === 'review-stage');

export const runRules = async (strapi: Core.Strapi, subject: Subject): Promise<Finding[]> =>
  (await Promise.all(PUBLISH_RULES.map((rule) => rule.check(strapi, subject)))).flat();

/** What stops a publish: every `block`, and every `warn` not accepted. */
export const blockingOf = (findings: Finding[]) => findings.filter((finding) => finding.severity === 'block' || !finding.accepted);

const MAX_LISTED = 10;

export const refusal = (findings: Finding[]) => {
  const listed = findings.slice(0, MAX_LISTED).map((finding) => `${finding.field}: ${finding.message}`);
  const more = findings.length > MAX_LISTED ? `；另有 ${findings.length - MAX_LISTED} 项` : '';
  return new errors.ValidationError(`发布前检查未通过，${findings.length} 项须处理（Publish checks failed）：${listed.join('；')}${more}`, {
    findings: findings.map(({ id, rule, severity, field, match, message, suggestion }) => ({
      id,
      rule,
      severity,
      field,
      match,
      message,
      suggestion,
    })),
  });
};

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
  if (guardApplies(strapi, uid)) await getService(strapi, 'inspection').assertPublishable(uid, documentId, locales);
};

export const guardPublish: DocumentRule = (strapi) => async (context, next) => {
  if (!guardApplies(strapi, context.uid)) return next();
  const params = paramsOf(context);
  const inspection = getService(strapi, 'inspection');
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
        await inspection.assertPublishable(context.uid, written.documentId, written.locale ? [written.locale] : null);
      return result;
    });
  }
  return next();
};
