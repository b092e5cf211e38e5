// The page reader (src/lib/legacy-page.ts) on pages written for these tests in the ways
// agency sites lay out an article: full-width colons, other names for 来源/发布时间/点击率,
// a column menu between the breadcrumb and the title, a breadcrumb without its label,
// a toolbar before the text, a 决定's signature, bylines and English labels (#29).
import iconv from 'iconv-lite';
import { parseLegacyPage } from '../../src/lib/legacy-page';

const html = (body: string) =>
  `<html><head><meta charset="gbk"><title>t</title></head><body><div class="nav"><a>首页</a><a>新闻</a></div>${body}` +
  '<div class="footer"><p>主办单位：某市机关事务管理局</p><p>网站标识码：3300000001</p></div></body></html>';

describe('metadata', () => {
  test('a GBK page with a column menu after the breadcrumb, full-width labels and a toolbar', () => {
    const page = html(
      '<div class="crumb">您当前的位置：<a>首页</a> &gt; <a>工作动态</a></div>' +
        '<ul class="menu"><li>工作动态</li><li>通知公告</li></ul>' +
        '<h1>某县召开节能会议——副标题在此</h1>' +
        '<div class="info">信息来源：某县机关事务中心　发布日期：2024年3月5日 09:07　阅读次数：1,024</div>' +
        '<div>分享到：微信 微博</div>' +
        '<p>会议要求各单位抓好落实。</p><p>节能先行</p><p>全县公共机构能耗下降。</p>' +
        '<p>某县机关事务中心</p><p>2024年3月5日</p>' +
        '<p>上一篇：某县开展安全检查</p>'
    );
    const read = parseLegacyPage(iconv.encode(page, 'gbk'), { html: true });
    expect([read.breadcrumb, read.title, read.subtitle, read.source, read.publishDate, read.legacyClickCount]).toEqual([
      ['首页', '工作动态'],
      '某县召开节能会议',
      '副标题在此',
      '某县机关事务中心',
      '2024-03-05T01:07:00.000Z',
      1024,
    ]);
    // The signature and its date close the text; they are not headings.
    expect(read.headings).toEqual(['节能先行']);
  });

  test('a text page whose breadcrumb has no label, a byline that is not a heading', () => {
    const text = [
      '首页 > 新闻中心 > 基层动态',
      '某镇食堂换新颜',
      '来源：某镇人民政府　时间：2024-06-01 16:30　浏览：88',
      '',
      '（通讯员 某某）',
      '食堂改造完成。',
      '小食堂 大变化',
      '干部职工吃得更放心。',
    ].join('\n');
    const read = parseLegacyPage(text, { html: false });
    expect([read.breadcrumb, read.title, read.source, read.publishDate, read.legacyClickCount, read.headings]).toEqual([
      ['首页', '新闻中心', '基层动态'],
      '某镇食堂换新颜',
      '某镇人民政府',
      '2024-06-01T08:30:00.000Z',
      88,
      ['小食堂 大变化'],
    ]);
  });

  test('the meta line before the title, and the subtitle on a line of its own', () => {
    const text = ['当前位置：首页 > 动态', '发布时间：2024-01-02 08:00　来源：某局', '某局召开会议', '——副题在此', '', '正文一句。'].join(
      '\n'
    );
    const read = parseLegacyPage(text, { html: false });
    expect([read.title, read.subtitle, read.source, read.publishDate, read.blocks.map((block) => block.text)]).toEqual([
      '某局召开会议',
      '副题在此',
      '某局',
      '2024-01-02T00:00:00.000Z',
      ['正文一句。'],
    ]);
  });

  test('English labels', () => {
    const text = [
      'You are here: Home > News',
      'City canteens cut waste',
      'Source: City Offices Administration | Date: 2024-02-02 10:00 | Views: 12',
      '',
      'The city cut food waste by a third.',
    ].join('\n');
    const read = parseLegacyPage(text, { html: false });
    expect([read.breadcrumb, read.title, read.source, read.publishDate, read.legacyClickCount]).toEqual([
      ['Home', 'News'],
      'City canteens cut waste',
      'City Offices Administration',
      '2024-02-02T02:00:00.000Z',
      12,
    ]);
  });
});

describe('headings: quoted terms, document numbers, the entries of a 名单 (#29)', () => {
  test('a heading may hold quoted terms; a document number and the lines of a list are not headings', () => {
    const text = [
      '首页 > 通知公告',
      '某县人民政府关于表彰节约能源工作先进单位的通报',
      '来源：某县人民政府办公室 发布时间：2024-06-01 10:00',
      '',
      '某政发〔2024〕12号',
      '',
      '各乡镇人民政府，县直各单位：',
      '',
      '从“耗电大户”到“节能标兵”',
      '',
      '过去一年，全县公共机构节能工作取得明显成效。',
      '',
      '节能先进单位名单',
      '',
      '一、先进单位（3个）',
      '',
      '县档案馆',
      '县气象局',
      '县供销社',
      '',
      '二、先进个人（2名）',
      '',
      '严志明　　县档案馆',
      '柏晓琳（女）　　县气象局',
      '',
      '希望受表彰的单位和个人再接再厉。',
    ].join('\n');
    expect(parseLegacyPage(text).headings).toEqual([
      '从“耗电大户”到“节能标兵”',
      '节能先进单位名单',
      '一、先进单位（3个）',
      '二、先进个人（2名）',
    ]);
    // Speech in quotation marks stays a paragraph, however short.
    const speech = ['首页 > 新闻', '某县会议', '来源：某县 发布时间：2024-06-01 10:00', '', '“干得好！”', '', '会议结束。'].join('\n');
    expect(parseLegacyPage(speech).headings).toEqual([]);
  });
});
