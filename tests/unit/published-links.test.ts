import { linksDiffer, restoredLinks } from '../../src/lib/review/published-links';

describe('published links after the other side is published', () => {
  test('the entry’s old published row is replaced by its new one, others kept in order', () => {
    expect(restoredLinks([7, 3, 9], new Map([[3, 12]]))).toEqual([7, 12, 9]);
    expect(restoredLinks([], new Map([[3, 12]]))).toEqual([]);
    expect(restoredLinks([3, 12], new Map([[3, 12]]))).toEqual([12]);
  });
  test('links differ by content or order', () => {
    expect(linksDiffer([1, 2], [1, 2])).toBe(false);
    expect(linksDiffer([2, 1], [1, 2])).toBe(true);
    expect(linksDiffer([1], [1, 2])).toBe(true);
  });
});
