// What pasting leaves in an article, cleaned on save (src/features/editing/rules/clean-pasting.ts).
import { cleanBody, splitTitle, stripInvisibleFields } from '../../src/features/editing/rules/clean-pasting';
import { stripInvisible, stripInvisibleInBlocks } from '../../src/lib/clean-text';

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

describe('invisible characters', () => {
  test.each([
    ['zero-width space', '台湾\u200b政府', '台湾政府'],
    ['word joiner and invisible operators', '台\u2060湾\u2061\u2062\u2063\u2064政府', '台湾政府'],
    ['soft hyphen', '台湾\u00ad政府', '台湾政府'],
    ['byte order mark', '\ufeff标题', '标题'],
    ['ZWJ and ZWNJ between Han characters', '台\u200d湾\u200c政府', '台湾政府'],
    ['bidi controls in text without right-to-left letters', '\u202e138\u202c \u2066电话\u2069 \u200e\u200f', '138 电话 '],
    ['Mongolian vowel separator between Han characters', '台湾\u180e政府', '台湾政府'],
    ['combining grapheme joiner, Hangul fillers', '台\u034f湾\u3164\uffa0政府', '台湾政府'],
    ['a variation selector with nothing before it', '\ufe0f标题', '标题'],
    ['a stray tag character', '台湾\u{E0041}政府', '台湾政府'],
    ['interlinear annotation controls', '\ufff9台湾\ufffa注\ufffb', '台湾注'],
  ])('removed: %s', (_name, text, cleaned) => {
    expect(stripInvisible(text)).toBe(cleaned);
  });

  test.each([
    ['an emoji family (ZWJ sequence)', '👨\u200d👩\u200d👧'],
    ['an emoji with a skin tone in a ZWJ sequence', '👩🏽\u200d💻'],
    ['an emoji presentation selector', '❤\ufe0f 点赞'],
    ['an ideographic variation selector after a Han character (a name’s registered glyph)', '葛\u{E0100}优'],
    ['a flag tag sequence', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'],
    ['ZWNJ in Persian', 'می\u200cخواهم'],
    ['ZWJ in Devanagari', 'क्\u200dष'],
    ['bidi marks in Arabic text', 'العربية\u200f 2024'],
    ['Mongolian free variation selector', 'ᠠ\u180bᠢ'],
    ['visible spaces and format characters', '台湾\u3000政府\u00a0 \u0600'],
  ])('kept: %s', (_name, text) => {
    expect(stripInvisible(text)).toBe(text);
  });

  test('blocks: every text node, links included; nothing else changed', () => {
    const blocks = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '电话138\u200b1234', bold: true },
          { type: 'link', url: '/a\u200b', children: [{ type: 'text', text: '链\u2060接' }] },
        ],
      },
      { type: 'image', image: { url: '/uploads/a.png', alternativeText: '图\u200b' }, children: [{ type: 'text', text: '' }] },
    ];
    expect(stripInvisibleInBlocks(blocks)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '电话1381234', bold: true },
          { type: 'link', url: '/a\u200b', children: [{ type: 'text', text: '链接' }] },
        ],
      },
      blocks[1],
    ]);
    expect(blocks[0].children[0].text).toBe('电话138\u200b1234'); // the input is not changed
  });

  test('the fields each type declares are cleaned, 信息公开 included; others are left', () => {
    const data: Record<string, unknown> = {
      title: '标\u200b题',
      slug: 'a\u200bb',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: '正\u00ad文' }] }],
      disclosure: { publishingOrganization: '浙江省\u200b机关事务管理局', topic: '综合\u2060政务', organizationCode: 'X' },
    };
    stripInvisibleFields('api::article.article', data);
    expect(data).toEqual({
      title: '标题',
      slug: 'a\u200bb',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }],
      disclosure: { publishingOrganization: '浙江省机关事务管理局', topic: '综合政务', organizationCode: 'X' },
    });
    const quote: Record<string, unknown> = { text: '原\u200b话', speakerName: '张\ufeff三', order: 1 };
    stripInvisibleFields('api::speaker-quote.speaker-quote', quote);
    expect(quote).toEqual({ text: '原话', speakerName: '张三', order: 1 });
    const term: Record<string, unknown> = { term: '台\u200b湾' };
    stripInvisibleFields('api::inspection.inspection-term', term);
    expect(term).toEqual({ term: '台\u200b湾' }); // not a reader-visible type
  });
});
