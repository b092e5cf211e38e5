// What pasting leaves in an article, cleaned on save (src/document-middlewares/clean-pasting.ts).
import { cleanBody, splitTitle } from '../../src/document-middlewares/clean-pasting';

const p = (...texts: string[]) => ({ type: 'paragraph', children: texts.map((text) => ({ type: 'text', text })) });

test('empty paragraphs go; leading full-width and ASCII indents go; the rest stays as written', () => {
  const pasted = [
    p('\u3000\u3000秋天是收获的季节。'),
    p(''),
    p('   ', ''),
    p('  9月21日下午,省人民大会堂。'),
    p('\u3000'),
    { type: 'heading', level: 2, children: [{ type: 'text', text: '\u3000殷殷嘱托 激励奋进' }] },
    p('', '\u3000\u3000', '第三段', ' 中间的空格 留下'),
    { type: 'quote', children: [{ type: 'text', text: '\u3000引文块不动' }] },
    { type: 'paragraph', children: [{ type: 'link', url: 'https://example.gov.cn', children: [{ type: 'text', text: '' }] }] },
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: '附件:' },
        { type: 'link', url: '/uploads/a.pdf', children: [{ type: 'text', text: '通知' }] },
      ],
    },
  ];
  expect(cleanBody(pasted)).toEqual([
    p('秋天是收获的季节。'),
    p('9月21日下午,省人民大会堂。'),
    { type: 'heading', level: 2, children: [{ type: 'text', text: '殷殷嘱托 激励奋进' }] },
    p('', '', '第三段', ' 中间的空格 留下'),
    { type: 'quote', children: [{ type: 'text', text: '\u3000引文块不动' }] },
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: '附件:' },
        { type: 'link', url: '/uploads/a.pdf', children: [{ type: 'text', text: '通知' }] },
      ],
    },
  ]);
  // Not blocks: left for the validator to refuse.
  expect(cleanBody('text')).toBe('text');
  expect(cleanBody(null)).toBeNull();
});

test('a 主标题——副标题 title is split when the subtitle is empty, and only then', () => {
  expect(splitTitle('感恩奋进 实干争先——全省机关事务工作会议侧记', '')).toEqual({
    title: '感恩奋进 实干争先',
    subtitle: '全省机关事务工作会议侧记',
  });
  expect(splitTitle('感恩奋进 实干争先——全省机关事务工作会议侧记', undefined)).toEqual({
    title: '感恩奋进 实干争先',
    subtitle: '全省机关事务工作会议侧记',
  });
  expect(splitTitle('感恩奋进——侧记', '已有副标题')).toEqual({ title: '感恩奋进——侧记', subtitle: '已有副标题' });
  expect(splitTitle('——开头就是破折号', null)).toEqual({ title: '——开头就是破折号', subtitle: null });
  expect(splitTitle('结尾是破折号——', null)).toEqual({ title: '结尾是破折号——', subtitle: null });
  expect(splitTitle('没有破折号', null)).toEqual({ title: '没有破折号', subtitle: null });
  expect(splitTitle(42, null)).toEqual({ title: 42, subtitle: null });
});
