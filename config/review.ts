import type { Core } from '@strapi/strapi';

// 三审 (src/features/review/check-review-stage.ts): nothing is published before 终审 approved it.
// On by default, in production too. REVIEW_REQUIRED=false turns the gate off (development,
// the tests of other features, a one-off import); the stages and history still work.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  required: env.bool('REVIEW_REQUIRED', true),
});
