// 来源 and 栏目 present, 发布时间 not in the future.
import { fingerprint } from '../../../lib/inspection/fingerprint';
import { missingFacts } from '../../../lib/inspection/required-facts';
import type { Finding } from '../../../lib/inspection/types';
import type { PublishRule } from '../types';

export const checkRequiredFacts: PublishRule = {
  name: 'required-facts',
  check: (_strapi, subject) =>
    subject.facts
      ? missingFacts(subject.facts, new Date()).map((missing): Finding => ({
          id: fingerprint(missing.rule, missing.field, ''),
          rule: missing.rule,
          severity: 'block',
          field: missing.field,
          match: '',
          message: missing.message,
        }))
      : [],
};
