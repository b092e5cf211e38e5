import type { Core } from '@strapi/strapi';

// Channel freshness (栏目更新检查, src/lib/inspection/freshness.ts). Checked at start:
// a bad value refuses to start rather than silently warn on the wrong day.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** How many days before a channel becomes stale it is reported as due soon (0–365). */
  warnDays: env('INSPECTION_WARN_DAYS', ''),
});
