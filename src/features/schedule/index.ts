/**
 * 定时发布 / 到期下线 (schedule): an article is published or withdrawn at its time, on one
 * instance, under the rights of who set the time, through the same publish guard.
 */
import type { Feature } from '../../utils/feature';
import { getService } from '../services';
import createSchedulerService from './service';

export { guardScheduling } from './rules/guard-scheduling';
export { checkSchedule } from './rules/check-schedule';
export { clearScheduleOnPublish } from './rules/clear-schedule-on-publish';
export { keepPublishDate } from './rules/keep-publish-date';

export type { SchedulerService } from './service';

export const scheduleFeature: Feature = {
  name: 'schedule',
  promise: 'a scheduled article goes public or offline at its time, checked as any publish',
  services: { 'api::article.scheduler': createSchedulerService },
  // The first look is at once, so jobs due while no instance ran are caught up.
  start(strapi) {
    getService(strapi, 'scheduler').start();
  },
  // First on shutdown: a running job finishes (or rolls back) while the database is still open.
  destroy: (strapi) => getService(strapi, 'scheduler').stop(),
};
