// The publish rules, in the order they run, and what their findings mean for a publish.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Finding } from '../../lib/inspection/types';
import { checkReviewStage, reviewRequired } from '../review';
import { checkWordLists } from './checks/check-word-lists';
import { checkPersonalData } from './checks/check-personal-data';
import { checkLinks } from './checks/check-links';
import { checkRequiredFacts } from './checks/check-required-facts';
import { checkDeclared } from './checks/check-declared';
import type { PublishRule, Subject } from './types';

// The review stage first: an unreviewed draft is refused for that before its text is read.
// Read when a publish runs, not when the module loads: the review feature's rule is imported
// through its index, which may still be loading (features import each other's indexes).
export const publishRules = (): PublishRule[] => [
  checkReviewStage,
  checkRequiredFacts,
  checkWordLists,
  checkPersonalData,
  checkLinks,
  // The type's own rules, declared in its newsroom.ts (`checks`).
  checkDeclared,
];

const checksEnabled = (strapi: Core.Strapi) => Boolean(strapi.config.get('publish-guard.enabled', true));

/** Whether any publish is guarded: the publish checks, or 三审, or both. */
export const guardEnabled = (strapi: Core.Strapi) => checksEnabled(strapi) || reviewRequired(strapi);

/** The findings the guard refuses on: with PUBLISH_CHECKS=false, only the review stage's. */
export const enforcedOf = (strapi: Core.Strapi, findings: Finding[]) =>
  checksEnabled(strapi) ? findings : findings.filter((finding) => finding.rule === 'review-stage');

export const runRules = async (strapi: Core.Strapi, subject: Subject): Promise<Finding[]> =>
  (await Promise.all(publishRules().map((rule) => rule.check(strapi, subject)))).flat();

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
