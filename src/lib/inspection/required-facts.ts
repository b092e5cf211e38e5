// The facts a published article must carry: 来源 and 栏目, and a 发布时间 that is not in
// the future (readers would see a date that has not come yet).

export type Facts = { source?: string | null; hasChannel: boolean; publishDate?: string | Date | null };
export type MissingFact = { rule: 'missing-fact' | 'future-date'; field: string; message: string };

/** Tolerated clock difference between instances and the editor's browser. */
const SKEW_MS = 60_000;

export const missingFacts = (facts: Facts, now: Date): MissingFact[] => {
  const missing: MissingFact[] = [];
  if (!facts.source || !facts.source.trim()) missing.push({ rule: 'missing-fact', field: 'source', message: '缺少来源（发稿单位）' });
  if (!facts.hasChannel) missing.push({ rule: 'missing-fact', field: 'channel', message: '未选择所属栏目，或所选栏目尚未发布' });
  if (facts.publishDate) {
    const at = new Date(facts.publishDate);
    if (at.getTime() > now.getTime() + SKEW_MS) {
      missing.push({
        rule: 'future-date',
        field: 'publishDate',
        message: `发布时间 ${at.toISOString()} 在未来，读者不应看到尚未到来的日期`,
      });
    }
  }
  return missing;
};
