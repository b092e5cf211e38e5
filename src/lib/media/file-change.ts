// Published bytes never change: what a change of an uploaded file (a replace, a caption,
// alt or name edit, a delete) may do, given where the file is used. Pure decisions for
// src/features/media/guard-published-files.ts, which reads the uses and carries them out.

/** Where a file is shown: a row of a content type (by its media field or by its URL in a text/blocks field). */
export type FileUse = {
  uid: string;
  rowId: number;
  documentId: string | null;
  locale: string | null;
  /** The media field, or the text field whose value holds the file's URL. */
  field: string;
  /** `live`: a row without drafts (no draft & publish, a component): readers may see it now. */
  state: 'draft' | 'published' | 'live';
  via: 'media' | 'text';
};

export type FileChange = 'replace' | 'info' | 'delete';

/**
 * `in-place`: change the file itself (no reader sees it); `new-file`: leave it as it is and
 * give the drafts a new one; `refuse`: readers see it and it cannot be kept (a delete).
 */
export type ChangePlan = { mode: 'in-place' | 'new-file' | 'refuse'; drafts: FileUse[]; shown: FileUse[] };

/**
 * What a change touches: the bytes and the URL (replace, delete) are what a text field's
 * link or image block shows; its caption, alt and name only what a media field shows (an
 * image block in the blocks body keeps its own copy of them).
 */
const concerns = (change: FileChange, use: FileUse) => change !== 'info' || use.via === 'media';

export const planChange = (change: FileChange, uses: FileUse[]): ChangePlan => {
  const relevant = uses.filter((use) => concerns(change, use));
  const drafts = relevant.filter((use) => use.state === 'draft');
  const shown = relevant.filter((use) => use.state !== 'draft');
  if (!shown.length) return { mode: 'in-place', drafts, shown };
  return { mode: change === 'delete' ? 'refuse' : 'new-file', drafts, shown };
};

/** The metadata a reader sees of a file; `folder` is the media library's own business. */
export const VISIBLE_INFO = ['name', 'alternativeText', 'caption', 'focalPoint'] as const;
export type FileInfo = Partial<Record<(typeof VISIBLE_INFO)[number] | 'folder', unknown>>;

const isNil = (value: unknown) => value === null || value === undefined;

/**
 * The visible metadata an edit changes. Strapi's updateFileInfo keeps the stored value
 * for a nil one (`_.isNil`), so only given values that differ count.
 */
export const changedInfo = (stored: Record<string, unknown>, info: FileInfo | null | undefined) =>
  VISIBLE_INFO.filter((key) => !isNil(info?.[key]) && JSON.stringify(info?.[key]) !== JSON.stringify(stored[key] ?? null));

/** One group of drafts to check and send back together: a type and a locale. */
export type DraftGroup = { uid: string; locale: string | null; documentIds: string[]; fields: string[] };

export const draftGroups = (drafts: FileUse[]): DraftGroup[] => {
  const groups = new Map<string, DraftGroup>();
  for (const use of drafts) {
    if (!use.documentId) continue;
    const key = `${use.uid}\u0000${use.locale ?? ''}`;
    const group = groups.get(key) ?? { uid: use.uid, locale: use.locale, documentIds: [], fields: [] };
    if (!group.documentIds.includes(use.documentId)) group.documentIds.push(use.documentId);
    if (!group.fields.includes(use.field)) group.fields.push(use.field);
    groups.set(key, group);
  }
  return [...groups.values()];
};

const VERBS: Record<FileChange, string> = { replace: '已更换', info: '的说明已修改', delete: '已删除' };

/** What the system move and the 操作日志 say changed, e.g. “封面图已更换”, “封面图、附件的说明已修改”. */
export const describeChange = (change: FileChange, labels: string[]) => `${labels.join('、') || '文件'}${VERBS[change]}`;

type Stored = { url?: unknown; formats?: unknown };

/** Each URL of the old file (the main one, then each format's) with the new file's in its place. */
export const urlPairs = (before: Stored, after: Stored): Array<[string, string]> => {
  if (typeof before.url !== 'string' || typeof after.url !== 'string') return [];
  const pairs: Array<[string, string]> = [[before.url, after.url]];
  const formats = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, { url?: unknown }>) : {});
  const next = formats(after.formats);
  for (const [key, format] of Object.entries(formats(before.formats))) {
    // A format the new image lacks (it is smaller) shows the new file itself.
    const url = typeof next[key]?.url === 'string' ? (next[key].url as string) : after.url;
    if (typeof format?.url === 'string') pairs.push([format.url, url]);
  }
  return pairs;
};

/** A text or blocks value with every old URL replaced by the new one; the same value when none is in it. */
export const rewriteUrls = <T>(value: T, pairs: Array<[string, string]>): T => {
  if (value === null || value === undefined || !pairs.length) return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // Longest first: a format's URL never has the main URL's text inside it, but be sure.
  let rewritten = text;
  for (const [from, to] of [...pairs].sort((a, b) => b[0].length - a[0].length)) rewritten = rewritten.split(from).join(to);
  if (rewritten === text) return value;
  return (typeof value === 'string' ? rewritten : JSON.parse(rewritten)) as T;
};
