// The rule that makes pasted heading lines 小标题 on save (src/features/editing/rules/mark-headings.ts):
// the importer's test of a line, and only for a line standing alone before body text.
import { markHeadings } from '../../src/features/editing/rules/mark-headings';

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const heading = (text: string) => ({ type: 'heading', level: 2, children: [{ type: 'text', text }] });
const BODY = '9月22日，全省机关事务工作会议在杭州召开，会议总结了过去五年的工作。';

test('a short line without sentence punctuation before body text becomes a level-2 heading', () => {
  expect(markHeadings([paragraph(BODY), paragraph('殷殷嘱托 激励奋进'), paragraph(BODY)])).toEqual([
    paragraph(BODY),
    heading('殷殷嘱托 激励奋进'),
    paragraph(BODY),
  ]);
  // Bold text (pasted from Word) keeps its marks.
  const bold = { type: 'paragraph', children: [{ type: 'text', text: '实干争先 再创佳绩', bold: true }] };
  expect(markHeadings([bold, paragraph(BODY)])).toEqual([{ type: 'heading', level: 2, children: bold.children }, paragraph(BODY)]);
});

test('real paragraphs stay paragraphs: a sentence, a one-line body, a last line, a list of short lines, a link, a number', () => {
  const unchanged = [
    [paragraph('会议强调，要抓好落实。'), paragraph(BODY)],
    [paragraph('今日无事')],
    [paragraph(BODY), paragraph('责任编辑 张三')],
    [paragraph(BODY), paragraph('温州市龙湾区机关事务管理中心'), paragraph('常山县机关事务保障中心'), paragraph(BODY)],
    [
      { type: 'paragraph', children: [{ type: 'link', url: 'https://example.gov.cn', children: [{ type: 'text', text: '附件下载' }] }] },
      paragraph(BODY),
    ],
    [paragraph('2022'), paragraph(BODY)],
    [paragraph('这一行标题后面是一个列表'), { type: 'list', format: 'unordered', children: [] }],
  ];
  for (const blocks of unchanged) expect(markHeadings(blocks)).toBe(blocks);
  expect(markHeadings('not blocks')).toBe('not blocks');
});

test('a line the stored draft already holds as a paragraph stays one: an editor can undo a heading', () => {
  const blocks = [paragraph(BODY), paragraph('殷殷嘱托 激励奋进'), paragraph(BODY)];
  expect(markHeadings(blocks, new Set(['殷殷嘱托 激励奋进']))).toBe(blocks);
  expect(markHeadings(blocks, new Set(['另一行']))).toEqual([paragraph(BODY), heading('殷殷嘱托 激励奋进'), paragraph(BODY)]);
});
