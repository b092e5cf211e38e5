// What a change of an uploaded file may do, given where it is used (src/lib/media/file-change.ts).
import { changedInfo, describeChange, draftGroups, planChange, rewriteUrls, urlPairs, type FileUse } from '../../src/lib/media/file-change';
import type { Json } from '../helpers/http';

const use = (overrides: Partial<FileUse>): FileUse => ({
  uid: 'api::article.article',
  rowId: 1,
  documentId: 'a1',
  locale: 'zh-Hans',
  field: 'cover',
  state: 'draft',
  via: 'media',
  ...overrides,
});

describe('planChange', () => {
  test('a file no reader sees changes in place; the drafts using it are named', () => {
    const drafts = [use({}), use({ rowId: 2, locale: 'en' })];
    for (const change of ['replace', 'info', 'delete'] as const)
      expect(planChange(change, drafts)).toEqual({ mode: 'in-place', drafts, shown: [] });
    expect(planChange('replace', [])).toEqual({ mode: 'in-place', drafts: [], shown: [] });
  });

  test('a file a published version or a live row shows: a new file for replace and edits, a refusal for delete', () => {
    const uses = [use({}), use({ rowId: 3, state: 'published' })];
    expect(planChange('replace', uses).mode).toBe('new-file');
    expect(planChange('info', uses).mode).toBe('new-file');
    expect(planChange('delete', uses).mode).toBe('refuse');
    expect(planChange('delete', [use({ state: 'live' })]).mode).toBe('refuse');
  });

  test('a URL in a published body pins the bytes, not the caption (an image block keeps its own copy)', () => {
    const uses = [use({ state: 'published', via: 'text', field: 'body' }), use({ via: 'media' })];
    expect(planChange('replace', uses).mode).toBe('new-file');
    expect(planChange('delete', uses).mode).toBe('refuse');
    expect(planChange('info', uses)).toEqual({ mode: 'in-place', drafts: [uses[1]], shown: [] });
  });
});

describe('changedInfo', () => {
  const stored = { name: 'a.png', caption: '说明', alternativeText: null, focalPoint: null };
  test('only given values that differ; nil keeps the stored value, as Strapi does', () => {
    expect(changedInfo(stored, { caption: '说明' })).toEqual([]);
    expect(changedInfo(stored, { caption: null, name: undefined })).toEqual([]);
    expect(changedInfo(stored, { caption: '新说明', alternativeText: '替代' })).toEqual(['alternativeText', 'caption']);
    expect(changedInfo(stored, { focalPoint: { x: 1, y: 2 } })).toEqual(['focalPoint']);
    expect(changedInfo(stored, { folder: 3 })).toEqual([]);
    expect(changedInfo(stored, undefined)).toEqual([]);
  });
});

test('draftGroups: one group per type and locale, each document once', () => {
  const groups = draftGroups([
    use({}),
    use({ field: 'attachments' }),
    use({ rowId: 2, documentId: 'a2' }),
    use({ rowId: 3, locale: 'en' }),
    use({ documentId: null }),
  ]);
  expect(groups).toEqual([
    { uid: 'api::article.article', locale: 'zh-Hans', documentIds: ['a1', 'a2'], fields: ['cover', 'attachments'] },
    { uid: 'api::article.article', locale: 'en', documentIds: ['a1'], fields: ['cover'] },
  ]);
});

test('describeChange names the fields', () => {
  expect(describeChange('replace', ['封面图'])).toBe('封面图已更换');
  expect(describeChange('info', ['封面图', '附件'])).toBe('封面图、附件的说明已修改');
  expect(describeChange('delete', [])).toBe('文件已删除');
});

describe('urlPairs and rewriteUrls', () => {
  const before = {
    url: '/uploads/a_1.png',
    formats: { thumbnail: { url: '/uploads/thumbnail_a_1.png' }, small: { url: '/uploads/small_a_1.png' } },
  };
  const after = { url: '/uploads/b_2.png', formats: { thumbnail: { url: '/uploads/thumbnail_b_2.png' } } };

  test('each old URL with its new one; a format the new image lacks maps to the new file', () => {
    expect(urlPairs(before, after)).toEqual([
      ['/uploads/a_1.png', '/uploads/b_2.png'],
      ['/uploads/thumbnail_a_1.png', '/uploads/thumbnail_b_2.png'],
      ['/uploads/small_a_1.png', '/uploads/b_2.png'],
    ]);
    expect(urlPairs({ url: null }, after)).toEqual([]);
  });

  test('a blocks body gets the new URLs; a value without them is returned as it is', () => {
    const body = [
      { type: 'image', image: { url: '/uploads/a_1.png', formats: { thumbnail: { url: '/uploads/thumbnail_a_1.png' } } }, children: [] },
      { type: 'paragraph', children: [{ type: 'link', url: '/uploads/a_1.png', children: [{ type: 'text', text: '原图' }] }] },
    ];
    // Read back as JSON: the union type of the literal is not what is asserted.
    const rewritten = rewriteUrls(body, urlPairs(before, after)) as Json;
    expect(JSON.stringify(rewritten)).not.toContain('a_1');
    expect(rewritten[0].image.formats.thumbnail.url).toBe('/uploads/thumbnail_b_2.png');
    expect(rewritten[1].children[0].url).toBe('/uploads/b_2.png');
    const untouched = [{ type: 'paragraph', children: [{ type: 'text', text: '无图' }] }];
    expect(rewriteUrls(untouched, urlPairs(before, after))).toBe(untouched);
    expect(rewriteUrls('见 /uploads/a_1.png', urlPairs(before, after))).toBe('见 /uploads/b_2.png');
  });
});
