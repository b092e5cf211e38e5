// The decisions of 定时发布 / 到期下线 (scheduled publish and unpublish), with no Strapi
// import: what an editor may save, which job is due, and the 发布时间 a publish gives.

/** Tolerated clock difference between instances and the editor's browser. */
export const SCHEDULE_SKEW_MS = 60_000;

export type When = string | Date | null | undefined;

export type Schedule = { publishAt?: When; unpublishAt?: When; publishDate?: When };
export type ScheduleProblem = { field: 'publishAt' | 'unpublishAt' | 'publishDate'; message: string };

const time = (value: When) => (value === null || value === undefined || value === '' ? null : new Date(value).getTime());
const same = (a: When, b: When) => time(a) === time(b);
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * What is wrong with a schedule an editor saves (`next`, merged over what is stored).
 * A time in the past is refused when it is new: an unchanged one is kept, so the draft
 * of a refused job can be fixed and saved, which runs the job again.
 */
export const scheduleProblems = (next: Schedule, stored: Schedule, now: Date): ScheduleProblem[] => {
  const problems: ScheduleProblem[] = [];
  const cutoff = now.getTime() - SCHEDULE_SKEW_MS;
  const publishAt = time(next.publishAt);
  const unpublishAt = time(next.unpublishAt);
  const publishDate = time(next.publishDate);
  for (const [field, value, label] of [
    ['publishAt', publishAt, '定时发布'],
    ['unpublishAt', unpublishAt, '到期下线'],
  ] as const) {
    if (value !== null && Number.isNaN(value)) problems.push({ field, message: `${label}时间不是有效的时间` });
    else if (value !== null && value < cutoff && !same(next[field], stored[field]))
      problems.push({ field, message: `${label}时间 ${iso(value)} 已经过去，请选择将来的时间` });
  }
  if (publishAt !== null && unpublishAt !== null && !Number.isNaN(publishAt) && unpublishAt <= publishAt) {
    problems.push({ field: 'unpublishAt', message: '到期下线时间须晚于定时发布时间' });
  }
  // Readers would see a 发布时间 later than the moment the article went live.
  if (publishAt !== null && publishDate !== null && publishDate > publishAt + SCHEDULE_SKEW_MS) {
    problems.push({ field: 'publishDate', message: '发布时间不能晚于定时发布时间；留空则取定时发布时间' });
  }
  return problems;
};

/** Whether a job's time has come. */
export const isDue = (at: When, now: Date) => {
  const ms = time(at);
  return ms !== null && !Number.isNaN(ms) && ms <= now.getTime();
};

/**
 * The 发布时间 a publish gives an article that has none: the time it was scheduled for
 * once that has come (a job run late, after a restart, keeps its time), else now
 * (an editor publishing before the scheduled time).
 */
export const defaultPublishDate = (publishAt: When, now: Date) => (isDue(publishAt, now) ? new Date(time(publishAt)!) : now);

/** A refusal kept on the article for editors, cut to the column's length. */
export const scheduleErrorText = (action: 'publish' | 'unpublish', message: string, at: Date) => {
  const label = action === 'publish' ? '定时发布未执行' : '到期下线未执行';
  const text = `${label}（${at.toISOString()}）：${message}`;
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
};
