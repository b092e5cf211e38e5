// Channel freshness as the quarterly inspection of government websites judges it
// (政府网站检查): a channel of each update class must have published something within
// its period, and no inspected channel may be empty (空白栏目). Calendar days in Beijing
// time, as the inspectors count them. Pure: the service reads the database, this decides.
import { buildBreadcrumb, type ChannelNode } from '../breadcrumb';

export const UPDATE_CLASSES = ['news', 'notice', 'policy', 'personnel', 'topic', 'none'] as const;
export type UpdateClass = (typeof UPDATE_CLASSES)[number];

/**
 * A channel nobody has classified is held to the strictest inspected period: a wrong
 * guess then shows up as an early warning an editor fixes by choosing the class, where
 * `none` would hide a channel the inspectors will still look at.
 */
export const DEFAULT_UPDATE_CLASS: UpdateClass = 'news';

export const CLASS_LABELS: Record<UpdateClass, string> = {
  news: '动态要闻',
  notice: '通知公告',
  policy: '政策文件',
  personnel: '人事规划',
  topic: '专题',
  none: '不检查',
};

export type Period = { days: number } | { months: number };

/** The inspection's periods; null: no period (a 专题 only must not be empty, `none` is not inspected). */
export const PERIODS: Record<UpdateClass, Period | null> = {
  news: { days: 14 },
  notice: { months: 6 },
  policy: { months: 6 },
  personnel: { months: 12 },
  topic: null,
  none: null,
};

export const isUpdateClass = (value: unknown): value is UpdateClass =>
  typeof value === 'string' && (UPDATE_CLASSES as readonly string[]).includes(value);

/** A stored class, or the default for a channel saved before the field existed (NULL). */
export const updateClassOf = (value: unknown): UpdateClass => (isUpdateClass(value) ? value : DEFAULT_UPDATE_CLASS);

export const DEFAULT_WARN_DAYS = 7;
export const MAX_WARN_DAYS = 365;

/** INSPECTION_WARN_DAYS: a whole number of days, 0 (no warning) to 365; throws on anything else. */
export const parseWarnDays = (raw: string | number | undefined | null): number => {
  if (raw === undefined || raw === null || String(raw).trim() === '') return DEFAULT_WARN_DAYS;
  const text = String(raw).trim();
  const days = Number(text);
  if (!/^\d+$/.test(text) || days > MAX_WARN_DAYS) {
    throw new Error(`INSPECTION_WARN_DAYS must be a whole number of days from 0 to ${MAX_WARN_DAYS} (got ${JSON.stringify(String(raw))})`);
  }
  return days;
};

const DAY_MS = 86_400_000;
// China has kept UTC+8 all year since 1991: a fixed offset is exact for every date a
// newsroom publishes, and needs no time-zone data.
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The calendar day an instant falls on in Beijing, as days since 1970-01-01. */
export const beijingDay = (instant: Date): number => Math.floor((instant.getTime() + BEIJING_OFFSET_MS) / DAY_MS);

/** A day number as YYYY-MM-DD. */
export const dayToDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** YYYY-MM-DD as a day number. */
export const dateToDay = (date: string): number =>
  Math.floor(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS);

const daysInMonth = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/**
 * The day `period` after `day`. Months are calendar months; a day the target month does
 * not have becomes its last day (31 August + 6 months = 28 or 29 February), so the period
 * is never longer than the calendar says.
 */
export const addPeriod = (day: number, period: Period): number => {
  if ('days' in period) return day + period.days;
  const date = new Date(day * DAY_MS);
  const months = date.getUTCMonth() + period.months;
  const year = date.getUTCFullYear() + Math.floor(months / 12);
  const monthIndex = ((months % 12) + 12) % 12;
  const dayOfMonth = Math.min(date.getUTCDate(), daysInMonth(year, monthIndex));
  return Math.floor(Date.UTC(year, monthIndex, dayOfMonth) / DAY_MS);
};

export const STATUSES = ['stale', 'empty', 'due-soon', 'ok', 'exempt'] as const;
export type Status = (typeof STATUSES)[number];

export type Freshness = {
  status: Status;
  /** The last publish's calendar day in Beijing (YYYY-MM-DD), null when there is none. */
  lastPublishDate: string | null;
  daysSince: number | null;
  /** The first day the channel counts as stale if nothing more is published; null without a period. */
  staleOn: string | null;
  /** Days from today to staleOn (0 or less: stale). */
  daysLeft: number | null;
};

/**
 * One channel's standing on `today` (a Beijing day number). A channel is stale from the
 * day its period has fully passed: last publish on 1 March, 14 days → stale on 15 March
 * (14 days without an update), due soon from `warnDays` days before that.
 */
export const freshnessOf = (updateClass: UpdateClass, lastPublish: Date | null, today: number, warnDays: number): Freshness => {
  const lastDay = lastPublish ? beijingDay(lastPublish) : null;
  const lastPublishDate = lastDay === null ? null : dayToDate(lastDay);
  const daysSince = lastDay === null ? null : Math.max(0, today - lastDay);
  const period = PERIODS[updateClass];
  if (updateClass === 'none') return { status: 'exempt', lastPublishDate, daysSince, staleOn: null, daysLeft: null };
  if (lastDay === null) return { status: 'empty', lastPublishDate, daysSince, staleOn: null, daysLeft: null };
  if (!period) return { status: 'ok', lastPublishDate, daysSince, staleOn: null, daysLeft: null };
  const staleDay = addPeriod(lastDay, period);
  const daysLeft = staleDay - today;
  const status: Status = daysLeft <= 0 ? 'stale' : daysLeft <= warnDays ? 'due-soon' : 'ok';
  return { status, lastPublishDate, daysSince, staleOn: dayToDate(staleDay), daysLeft };
};

/**
 * The latest date in each channel or below it: a column page lists its sub-channels'
 * articles, so a child's publish keeps its parents fresh. A cycle (which the tree guard
 * refuses, but old data may hold) is walked once.
 */
export const latestInSubtree = (parents: ReadonlyMap<string, string | null>, own: ReadonlyMap<string, Date>): Map<string, Date> => {
  const latest = new Map<string, Date>();
  for (const [channel, date] of own) {
    const seen = new Set<string>();
    let current: string | null | undefined = channel;
    while (current && parents.has(current) && !seen.has(current)) {
      seen.add(current);
      const known = latest.get(current);
      if (!known || known < date) latest.set(current, date);
      current = parents.get(current);
    }
  }
  return latest;
};

export type ChannelInput = ChannelNode & { updateClass: unknown };

export type ChannelFreshness = Freshness & {
  documentId: string;
  name: string;
  slug: string | null;
  /** Names from the root down to the channel. */
  path: string[];
  updateClass: UpdateClass;
  classLabel: string;
  /** The instant of the latest publish in the channel or below it (ISO 8601), null when none. */
  lastPublishedAt: string | null;
};

export type FreshnessSummary = {
  today: string;
  warnDays: number;
  total: number;
  failing: number;
} & Record<'stale' | 'empty' | 'dueSoon' | 'ok' | 'exempt', number>;

export type FreshnessReport = { channels: ChannelFreshness[]; summary: FreshnessSummary };

const RANK: Record<Status, number> = { stale: 0, empty: 1, 'due-soon': 2, ok: 3, exempt: 4 };

/**
 * Worst first: stale (longest overdue first), empty, due soon (soonest first), fine
 * (soonest first, no period last), not inspected; then by path.
 */
export const compareWorstFirst = (a: ChannelFreshness, b: ChannelFreshness): number =>
  RANK[a.status] - RANK[b.status] ||
  (a.daysLeft ?? Number.POSITIVE_INFINITY) - (b.daysLeft ?? Number.POSITIVE_INFINITY) ||
  a.path.join('\u0000').localeCompare(b.path.join('\u0000'), 'zh-Hans-CN');

/**
 * The report of every channel given: `ownLatest` holds each channel's latest published
 * date of its own articles (future ones already left out by the caller).
 */
export const buildFreshnessReport = (
  channels: readonly ChannelInput[],
  ownLatest: ReadonlyMap<string, Date>,
  { now, warnDays }: { now: Date; warnDays: number }
): FreshnessReport => {
  const nodes = new Map(channels.map((channel) => [channel.documentId, channel]));
  const latest = latestInSubtree(new Map(channels.map((channel) => [channel.documentId, channel.parentId])), ownLatest);
  const today = beijingDay(now);
  const rows = channels.map((channel): ChannelFreshness => {
    const updateClass = updateClassOf(channel.updateClass);
    const last = latest.get(channel.documentId) ?? null;
    return {
      documentId: channel.documentId,
      name: channel.name,
      slug: channel.slug,
      path: buildBreadcrumb(nodes, channel.documentId).map((item) => item.name),
      updateClass,
      classLabel: CLASS_LABELS[updateClass],
      lastPublishedAt: last ? last.toISOString() : null,
      ...freshnessOf(updateClass, last, today, warnDays),
    };
  });
  rows.sort(compareWorstFirst);
  const count = (status: Status) => rows.filter((row) => row.status === status).length;
  const summary: FreshnessSummary = {
    today: dayToDate(today),
    warnDays,
    total: rows.length,
    stale: count('stale'),
    empty: count('empty'),
    dueSoon: count('due-soon'),
    ok: count('ok'),
    exempt: count('exempt'),
    failing: count('stale') + count('empty'),
  };
  return { channels: rows, summary };
};
