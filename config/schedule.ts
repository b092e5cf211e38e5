import type { Core } from '@strapi/strapi';

// 定时发布 / 到期下线 (src/features/schedule/service.ts). Names are part of the operator contract.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** How often each instance looks for due jobs; a job runs at most this long after its time. */
  pollMs: env.int('SCHEDULE_POLL_MS', 15000),
  /** Jobs taken per poll and kind; the rest wait for the next poll. */
  batch: env.int('SCHEDULE_BATCH', 20),
});
