// Channel freshness as the inspection counts it: calendar days in Beijing, periods of
// days and calendar months, the warning window, empty and exempt channels, parents
// kept fresh by their children, worst first.
import {
  addPeriod,
  beijingDay,
  buildFreshnessReport,
  dateToDay,
  dayToDate,
  freshnessOf,
  latestInSubtree,
  parseWarnDays,
  updateClassOf,
  type ChannelInput,
} from '../../src/lib/inspection/freshness';

/** An instant given in Beijing time. */
const beijing = (text: string) => new Date(`${text}+08:00`);
const day = dateToDay;

describe('Beijing calendar days', () => {
  test('a publish late in the evening in Beijing is that day, not the UTC one', () => {
    expect(dayToDate(beijingDay(beijing('2026-03-01T23:30:00')))).toBe('2026-03-01');
    expect(dayToDate(beijingDay(beijing('2026-03-02T00:10:00')))).toBe('2026-03-02');
    // 2026-03-01T16:10Z is already 2 March in Beijing.
    expect(dayToDate(beijingDay(new Date('2026-03-01T16:10:00Z')))).toBe('2026-03-02');
  });

  test('day numbers and dates round-trip', () => {
    for (const date of ['1970-01-01', '2024-02-29', '2026-12-31']) expect(dayToDate(dateToDay(date))).toBe(date);
  });
});

describe('periods', () => {
  test('two weeks are 14 calendar days', () => {
    expect(dayToDate(addPeriod(day('2026-03-01'), { days: 14 }))).toBe('2026-03-15');
    expect(dayToDate(addPeriod(day('2026-12-25'), { days: 14 }))).toBe('2027-01-08');
  });

  test('months are calendar months; a day the month lacks becomes its last day', () => {
    expect(dayToDate(addPeriod(day('2026-01-15'), { months: 6 }))).toBe('2026-07-15');
    expect(dayToDate(addPeriod(day('2026-08-31'), { months: 6 }))).toBe('2027-02-28');
    expect(dayToDate(addPeriod(day('2027-08-31'), { months: 6 }))).toBe('2028-02-29'); // leap year
    expect(dayToDate(addPeriod(day('2026-12-31'), { months: 6 }))).toBe('2027-06-30');
    expect(dayToDate(addPeriod(day('2026-09-30'), { months: 6 }))).toBe('2027-03-30');
  });

  test('a year from 29 February is 28 February; from 28 February it is 28 February', () => {
    expect(dayToDate(addPeriod(day('2024-02-29'), { months: 12 }))).toBe('2025-02-28');
    expect(dayToDate(addPeriod(day('2023-02-28'), { months: 12 }))).toBe('2024-02-28');
    expect(dayToDate(addPeriod(day('2028-02-29'), { months: 12 }))).toBe('2029-02-28');
  });
});

describe('one channel', () => {
  const last = beijing('2026-03-01T09:00:00');

  test('动态要闻: fine up to day 13, stale on exactly day 14', () => {
    expect(freshnessOf('news', last, day('2026-03-14'), 0)).toMatchObject({ status: 'ok', daysSince: 13, daysLeft: 1 });
    expect(freshnessOf('news', last, day('2026-03-15'), 0)).toEqual({
      status: 'stale',
      lastPublishDate: '2026-03-01',
      daysSince: 14,
      staleOn: '2026-03-15',
      daysLeft: 0,
    });
    expect(freshnessOf('news', last, day('2026-04-01'), 7)).toMatchObject({ status: 'stale', daysSince: 31, daysLeft: -17 });
  });

  test('the warning starts exactly warnDays before the stale date', () => {
    expect(freshnessOf('news', last, day('2026-03-07'), 7)).toMatchObject({ status: 'ok', daysLeft: 8 });
    expect(freshnessOf('news', last, day('2026-03-08'), 7)).toMatchObject({ status: 'due-soon', daysLeft: 7 });
    expect(freshnessOf('news', last, day('2026-03-14'), 7)).toMatchObject({ status: 'due-soon', daysLeft: 1 });
    expect(freshnessOf('news', last, day('2026-03-14'), 0)).toMatchObject({ status: 'ok' });
  });

  test('通知公告 and 政策文件: six calendar months, from a month end', () => {
    const endOfAugust = beijing('2026-08-31T18:00:00');
    expect(freshnessOf('notice', endOfAugust, day('2027-02-27'), 0)).toMatchObject({ status: 'ok', staleOn: '2027-02-28' });
    expect(freshnessOf('policy', endOfAugust, day('2027-02-28'), 0)).toMatchObject({ status: 'stale', daysSince: 181 });
  });

  test('人事规划: a year, leap day included', () => {
    const leapDay = beijing('2024-02-29T10:00:00');
    expect(freshnessOf('personnel', leapDay, day('2025-02-27'), 0)).toMatchObject({ status: 'ok', staleOn: '2025-02-28' });
    expect(freshnessOf('personnel', leapDay, day('2025-02-28'), 0)).toMatchObject({ status: 'stale', daysSince: 365 });
  });

  test('empty: any inspected class with nothing published, 专题 included', () => {
    for (const updateClass of ['news', 'notice', 'policy', 'personnel', 'topic'] as const) {
      expect(freshnessOf(updateClass, null, day('2026-03-01'), 7)).toEqual({
        status: 'empty',
        lastPublishDate: null,
        daysSince: null,
        staleOn: null,
        daysLeft: null,
      });
    }
  });

  test('专题 never goes stale; `none` is exempt, empty or not', () => {
    expect(freshnessOf('topic', beijing('2020-01-01T00:00:00'), day('2026-03-01'), 7)).toMatchObject({ status: 'ok', staleOn: null });
    expect(freshnessOf('none', null, day('2026-03-01'), 7).status).toBe('exempt');
    expect(freshnessOf('none', beijing('2020-01-01T00:00:00'), day('2026-03-01'), 7)).toMatchObject({ status: 'exempt', daysSince: 2251 });
  });

  test('an unset or unknown class is held to the strictest period', () => {
    expect(updateClassOf(null)).toBe('news');
    expect(updateClassOf('weekly')).toBe('news');
    expect(updateClassOf('policy')).toBe('policy');
  });
});

describe('INSPECTION_WARN_DAYS', () => {
  test('defaults to 7 and takes 0 to 365', () => {
    expect(parseWarnDays(undefined)).toBe(7);
    expect(parseWarnDays('')).toBe(7);
    expect(parseWarnDays('0')).toBe(0);
    expect(parseWarnDays(' 30 ')).toBe(30);
    expect(parseWarnDays('365')).toBe(365);
  });

  test.each(['-1', '1.5', '7d', '366', 'seven', '1e2'])('refuses %s', (raw) => {
    expect(() => parseWarnDays(raw)).toThrow(/INSPECTION_WARN_DAYS must be a whole number of days from 0 to 365/);
  });
});

describe('the tree', () => {
  test('a channel’s date is the latest of its own and its descendants’; a cycle is walked once', () => {
    const parents = new Map<string, string | null>([
      ['root', null],
      ['a', 'root'],
      ['a1', 'a'],
      ['b', 'root'],
      ['x', 'y'],
      ['y', 'x'],
    ]);
    const latest = latestInSubtree(
      parents,
      new Map([
        ['a1', new Date('2026-03-10T00:00:00Z')],
        ['a', new Date('2026-01-01T00:00:00Z')],
        ['b', new Date('2026-02-01T00:00:00Z')],
        ['x', new Date('2026-02-02T00:00:00Z')],
        ['unpublished', new Date('2026-04-01T00:00:00Z')],
      ])
    );
    expect(latest.get('a')?.toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(latest.get('root')?.toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(latest.get('b')?.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(latest.get('y')?.toISOString()).toBe('2026-02-02T00:00:00.000Z');
    expect(latest.has('unpublished')).toBe(false);
  });

  test('the report: paths, worst first (then in tree and pinyin order), and the summary', () => {
    const channel = (documentId: string, name: string, parentId: string | null, updateClass: unknown): ChannelInput => ({
      documentId,
      name,
      slug: documentId,
      parentId,
      updateClass,
    });
    const report = buildFreshnessReport(
      [
        channel('home', '首页', null, 'none'),
        channel('news', '工作动态', 'home', 'news'),
        channel('local', '本局动态', 'news', 'news'),
        channel('notices', '通知公告', 'home', 'notice'),
        channel('old', '旧闻', 'home', null),
        channel('older', '更旧', 'home', 'news'),
        channel('topic', '专题', 'home', 'topic'),
      ],
      new Map([
        ['local', beijing('2026-03-10T08:00:00')],
        ['old', beijing('2026-02-20T08:00:00')],
        ['older', beijing('2026-02-01T08:00:00')],
      ]),
      { now: beijing('2026-03-12T12:00:00'), warnDays: 7 }
    );
    expect(report.channels.map((row) => [row.name, row.status])).toEqual([
      ['更旧', 'stale'],
      ['旧闻', 'stale'],
      ['通知公告', 'empty'],
      ['专题', 'empty'],
      ['工作动态', 'ok'],
      ['本局动态', 'ok'],
      ['首页', 'exempt'],
    ]);
    const local = report.channels.find((row) => row.documentId === 'local')!;
    expect(local).toMatchObject({
      path: ['首页', '工作动态', '本局动态'],
      updateClass: 'news',
      classLabel: '动态要闻',
      lastPublishedAt: '2026-03-10T00:00:00.000Z',
      lastPublishDate: '2026-03-10',
      daysSince: 2,
      staleOn: '2026-03-24',
    });
    expect(report.channels.find((row) => row.documentId === 'news')).toMatchObject({ lastPublishDate: '2026-03-10', status: 'ok' });
    expect(report.summary).toEqual({
      today: '2026-03-12',
      warnDays: 7,
      total: 7,
      stale: 2,
      empty: 2,
      dueSoon: 0,
      ok: 2,
      exempt: 1,
      failing: 4,
    });
  });
});
