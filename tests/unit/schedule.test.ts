// The decisions of 定时发布 / 到期下线 (src/lib/schedule.ts) and of public reads of dated
// articles, as plain functions.
import { defaultPublishDate, isDue, scheduleErrorText, scheduleProblems, SCHEDULE_SKEW_MS } from '../../src/lib/schedule';
import { notDatedAhead } from '../../src/features/public-api/rules/guard-public-reads';
import { missingFacts } from '../../src/lib/inspection/required-facts';

const NOW = new Date('2026-11-30T08:00:00.000Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
const fields = (problems: Array<{ field: string }>) => problems.map((problem) => problem.field);

describe('what an editor may save', () => {
  test('future times, in order, are accepted; so is no schedule', () => {
    expect(scheduleProblems({ publishAt: at(10), unpublishAt: at(60) }, {}, NOW)).toEqual([]);
    expect(scheduleProblems({ publishAt: null, unpublishAt: null }, {}, NOW)).toEqual([]);
    expect(scheduleProblems({ unpublishAt: at(5) }, {}, NOW)).toEqual([]);
  });

  test('a new time in the past is refused, within a minute of clock skew it is not', () => {
    expect(fields(scheduleProblems({ publishAt: at(-5) }, {}, NOW))).toEqual(['publishAt']);
    expect(fields(scheduleProblems({ unpublishAt: at(-5) }, {}, NOW))).toEqual(['unpublishAt']);
    expect(scheduleProblems({ publishAt: new Date(NOW.getTime() - SCHEDULE_SKEW_MS + 1000) }, {}, NOW)).toEqual([]);
    expect(scheduleProblems({ publishAt: at(-5) }, {}, NOW)[0].message).toContain('已经过去');
  });

  test('a past time already stored is kept: the draft of a refused job can be fixed and saved', () => {
    expect(scheduleProblems({ publishAt: at(-30) }, { publishAt: new Date(at(-30)) }, NOW)).toEqual([]);
    expect(fields(scheduleProblems({ publishAt: at(-20) }, { publishAt: at(-30) }, NOW))).toEqual(['publishAt']);
  });

  test('到期下线 must come after 定时发布', () => {
    expect(fields(scheduleProblems({ publishAt: at(60), unpublishAt: at(30) }, {}, NOW))).toEqual(['unpublishAt']);
    expect(fields(scheduleProblems({ publishAt: at(60), unpublishAt: at(60) }, {}, NOW))).toEqual(['unpublishAt']);
  });

  test('a 发布时间 later than the 定时发布 is refused (readers would see a date after it went live); an earlier one is kept', () => {
    expect(fields(scheduleProblems({ publishAt: at(60), publishDate: at(120) }, {}, NOW))).toEqual(['publishDate']);
    expect(scheduleProblems({ publishAt: at(60), publishDate: '2022-09-23T12:40:00.000Z' }, {}, NOW)).toEqual([]);
  });

  test('a value that is not a time is refused', () => {
    expect(fields(scheduleProblems({ publishAt: 'tomorrow' }, {}, NOW))).toEqual(['publishAt']);
  });
});

describe('when a job runs, and the 发布时间 it gives', () => {
  test('a job is due once its time has come, not before', () => {
    expect(isDue(at(0), NOW)).toBe(true);
    expect(isDue(at(-600), NOW)).toBe(true);
    expect(isDue(at(1), NOW)).toBe(false);
    expect(isDue(null, NOW)).toBe(false);
    expect(isDue('not a date', NOW)).toBe(false);
  });

  test('a scheduled publish dates the article at its scheduled time, even run late; an early hand publish dates it now', () => {
    expect(defaultPublishDate(at(-1), NOW).toISOString()).toBe(at(-1));
    expect(defaultPublishDate(at(-600), NOW).toISOString()).toBe(at(-600));
    expect(defaultPublishDate(at(30), NOW)).toBe(NOW);
    expect(defaultPublishDate(null, NOW)).toBe(NOW);
  });

  test('the scheduled publish passes the required-facts rule: its 发布时间 has come', () => {
    const facts = { source: '办公室', hasChannel: true, publishDate: defaultPublishDate(at(-1), NOW) };
    expect(missingFacts(facts, NOW)).toEqual([]);
    expect(missingFacts({ ...facts, publishDate: at(30) }, NOW).map((missing) => missing.rule)).toEqual(['future-date']);
  });

  test('a refusal is kept with what and when, cut to the column', () => {
    expect(scheduleErrorText('publish', '缺少来源', NOW)).toBe('定时发布未执行（2026-11-30T08:00:00.000Z）：缺少来源');
    expect(scheduleErrorText('unpublish', 'x'.repeat(2000), NOW)).toHaveLength(1000);
  });
});

describe('public reads of dated articles', () => {
  test('an article dated ahead is filtered out, whatever the client filtered on', () => {
    const arrived = { $or: [{ publishDate: { $null: true } }, { publishDate: { $lte: NOW.toISOString() } }] };
    expect(notDatedAhead(undefined, NOW)).toEqual(arrived);
    expect(notDatedAhead({}, NOW)).toEqual(arrived);
    expect(notDatedAhead({ slug: { $eq: 'a' } }, NOW)).toEqual({ $and: [{ slug: { $eq: 'a' } }, arrived] });
  });
});
