// 版本记录's comparison, pure: paragraphs aligned and words marked (Chinese cut into words by
// Intl.Segmenter), linked entries added/removed/moved, snapshots packed and hashed stably,
// and the plan of which states each document-service action records.
import { diffParagraphs, diffRelation, diffWords, changedFields, paragraphsOf } from '../../src/lib/versions/diff';
import { canonicalJson, hashOf, holdsPersonalData, pack, unpack } from '../../src/lib/versions/snapshot';
import { versionPlan } from '../../src/features/versions/rules/record-version';

describe('words and paragraphs', () => {
  test('inserted and deleted Chinese words are marked, the rest kept', () => {
    expect(diffWords('会议在杭州召开', '会议在宁波召开')).toEqual([
      { op: 'equal', text: '会议在' },
      { op: 'delete', text: '杭州' },
      { op: 'insert', text: '宁波' },
      { op: 'equal', text: '召开' },
    ]);
    expect(diffWords('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
  });

  test('paragraphs: kept, edited (with words), inserted and deleted, in order', () => {
    const out = diffParagraphs(['甲', '乙段落', '丙'], ['甲', '乙段落改', '丁', '丙']);
    expect(out[0]).toEqual({ op: 'equal', text: '甲' });
    expect(out[1]).toMatchObject({ op: 'change', before: '乙段落', after: '乙段落改' });
    expect(out[2]).toEqual({ op: 'insert', text: '丁' });
    expect(out[3]).toEqual({ op: 'equal', text: '丙' });
    expect(diffParagraphs(['a', 'b'], ['b'])).toEqual([
      { op: 'delete', text: 'a' },
      { op: 'equal', text: 'b' },
    ]);
  });

  test('blocks read as paragraphs: lists and images included', () => {
    const blocks = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '正文' },
          { type: 'text', text: '加粗', bold: true },
        ],
      },
      {
        type: 'list',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: '一' }] },
          { type: 'list-item', children: [{ type: 'text', text: '二' }] },
        ],
      },
      { type: 'image', image: { name: '图.png', url: '/u/a.png' }, children: [{ type: 'text', text: '' }] },
    ];
    expect(paragraphsOf(blocks)).toEqual(['正文加粗', '一\n二', '[图片 图.png]']);
    expect(paragraphsOf(null)).toEqual([]);
  });
});

test('linked entries: added, removed, and moved when only their order changed', () => {
  expect(diffRelation(['a', 'b', 'c', 'd', 'x'], ['a', 'c', 'd', 'b', 'e'])).toEqual({ added: ['e'], removed: ['x'], moved: ['b'] });
  expect(diffRelation(['a', 'b'], ['a', 'b'])).toEqual({ added: [], removed: [], moved: [] });
});

test('changed fields: by value, keys in any order', () => {
  expect(changedFields({ a: 'text', b: 'value' }, { a: 'x', b: { p: 1, q: 2 } }, { a: 'x', b: { p: 1, q: 3 } })).toEqual(['b']);
  expect(changedFields({ a: 'text' }, null, { a: 'x' })).toEqual(['a']);
});

test('snapshots: the same content packs to the same hash whatever its key order, and unpacks whole', () => {
  const a = { title: '标题', body: [{ type: 'paragraph', children: [{ text: '正文', type: 'text' }] }] };
  const b = { body: [{ children: [{ type: 'text', text: '正文' }], type: 'paragraph' }], title: '标题' };
  expect(hashOf(canonicalJson(a))).toBe(hashOf(canonicalJson(b)));
  expect(unpack(pack(canonicalJson(a)))).toEqual(a);
  expect(pack(canonicalJson(a))).not.toContain('标题');
});

test('personal data: flagged as the publish checks would refuse it', () => {
  const inspect = { fields: ['title', 'body'] };
  expect(holdsPersonalData({ title: '联系电话 13812345678' }, inspect)).toBe(true);
  expect(holdsPersonalData({ title: '联系电话 138****5678' }, inspect)).toBe(false);
  expect(
    holdsPersonalData({ body: [{ type: 'paragraph', children: [{ type: 'text', text: '身份证 11010519491231002X' }] }] }, inspect)
  ).toBe(true);
});

test('which states an action records', () => {
  expect(versionPlan('update', undefined)).toEqual(['draft']);
  expect(versionPlan('update', 'published')).toEqual(['draft', 'published']);
  expect(versionPlan('publish', undefined)).toEqual(['published']);
  expect(versionPlan('clone', undefined)).toEqual(['draft']);
  expect(versionPlan('unpublish', undefined)).toEqual([]);
  expect(versionPlan('delete', undefined)).toEqual([]);
});
