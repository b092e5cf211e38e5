// Publishing an entry linked into published articles from their side (a commended unit,
// a 栏目) must leave those articles' published links as 终审 approved them. Strapi builds
// the new published entry from its draft's links, the other side included, and drops the
// old published row: this maps what each published article linked to before onto the
// rows that exist after (the entry's old published ids become its new ones).

/** The related row ids a published owner should link to again after the entry's publish. */
export const restoredLinks = (before: number[], replaced: Map<number, number>): number[] => {
  const after = before.flatMap((id) => (replaced.has(id) ? [replaced.get(id)!] : [id]));
  return [...new Set(after)];
};

/** Whether the links a published owner has now differ from those to restore (order counts). */
export const linksDiffer = (now: number[], restore: number[]) => now.length !== restore.length || now.some((id, i) => id !== restore[i]);
