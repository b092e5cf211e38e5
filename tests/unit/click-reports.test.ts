// The most-read ranking as a plain function: what counts, in which order, how many.
import { rankByClicks } from '../../src/features/clicks/reports';

const candidates = [
  { documentId: 'b', legacyClickCount: 100 },
  { documentId: 'a', legacyClickCount: null },
  { documentId: 'c', legacyClickCount: 0 },
  { documentId: 'd', legacyClickCount: 5 },
];

test('recent periods count only clicks stored in the period; legacy counts only for "all"', () => {
  const sums = new Map([
    ['a', 3],
    ['b', 2],
  ]);
  expect(rankByClicks(candidates, sums, false, 10)).toEqual([
    { documentId: 'a', clickCount: 3 },
    { documentId: 'b', clickCount: 2 },
  ]);
  expect(rankByClicks(candidates, sums, true, 10)).toEqual([
    { documentId: 'b', clickCount: 102 },
    { documentId: 'd', clickCount: 5 },
    { documentId: 'a', clickCount: 3 },
  ]);
});

test('ties go by documentId, articles without clicks are left out, the limit holds', () => {
  const sums = new Map([
    ['d', 4],
    ['c', 4],
    ['x', 99], // clicks of an article that is not a candidate (unpublished, other channel)
  ]);
  expect(rankByClicks(candidates, sums, false, 1)).toEqual([{ documentId: 'c', clickCount: 4 }]);
  expect(rankByClicks(candidates, sums, false, 10).map((row) => row.documentId)).toEqual(['c', 'd']);
});
