// The quote finder (src/lib/quotes) on the agency's sample page, where it must find every
// named speaker with the splits the demo data holds, and on pages written for these tests
// in the other styles of this kind of writing, with their traps.
import fs from 'fs';
import path from 'path';
import { findQuotes, splitOrganization } from '../../src/lib/quotes/finder';
import { findCommendationFacts, parseCount } from '../../src/lib/quotes/commendation';
import { placeOf } from '../../src/lib/quotes/places';

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'legacy', 'legacy-article-2022-09-23.txt'), 'utf8');
type SeedQuote = {
  data: { order: number };
  locales: { 'zh-Hans': { text: string; speakerName: string; speakerPosition: string | null; speakerOrganization: string | null } };
};
const seed = require('../../database/seed/demo.json') as { quotes: SeedQuote[] };

describe('the sample page', () => {
  const found = findQuotes(SAMPLE, { province: '浙江省' });

  test('every quote of the demo data, in order, with the speaker split as the demo data holds it', () => {
    const expected = seed.quotes
      .sort((a, b) => a.data.order - b.data.order)
      .map(({ locales: { 'zh-Hans': quote } }) => ({
        text: quote.text,
        // A group is named as the page writes it (“振奋!”“激动!”大家一致表示: 大家), per the corpus conventions (#29).
        speakerName: quote.speakerName === '与会代表' && ['振奋!', '激动!'].includes(quote.text) ? '大家' : quote.speakerName,
        // The demo data took 莫佳佳's post from 从食堂的餐务服务台走上…: a place she came from, not a position (#29).
        speakerPosition: quote.speakerName === '莫佳佳' ? null : quote.speakerPosition,
        speakerOrganization: quote.speakerOrganization,
        // Said by the delegates, not a named person (#29).
        ...(quote.speakerName === '与会代表' ? { collective: true } : {}),
      }));
    expect(found).toEqual(expected);
    const named = new Set(found.filter((quote) => !quote.collective).map((quote) => quote.speakerName));
    expect(named.size).toBe(17);
  });

  test('quoted terms, slogans and single-quoted words are not quotes', () => {
    const texts = found.map((quote) => quote.text);
    for (const term of ['两个先行', '五个机关事务', '螺丝钉', '弓箭手', '改革者', '浙里好管家', '数字化改革', '公务餐']) {
      expect(texts).not.toContain(term);
    }
  });

  test('the commendation: 80 collectives and 180 individuals, the units and the person named as commended', () => {
    const facts = findCommendationFacts(SAMPLE, { province: '浙江省' });
    expect(facts.commendation).toEqual({ unitQuota: 80, individualQuota: 180 });
    expect(facts.commendationTitle).toBe('全省机关事务工作先进集体和先进个人');
    expect(facts.commendationLevel).toBe('provincial');
    expect(facts.commendedUnits).toEqual([
      { name: '温州市龙湾区机关事务管理中心', city: '温州市', district: '龙湾区' },
      { name: '常山县机关事务保障中心', city: '衢州市', district: '常山县' },
    ]);
    // 从食堂的餐务服务台走上了…领奖台: where she came from, not her position (#29).
    expect(facts.commendedIndividuals).toEqual([{ name: '莫佳佳', organization: null, position: null, city: null }]);
  });
});

describe('other styles (pages written for these tests)', () => {
  test('attribution then quote, with 在发言中说, 表示 and a colon; a pronoun is the person just named', () => {
    const text = [
      '市财政局党组书记、局长李明在发言中说:“我们将全力保障重点项目资金。”',
      '随后,宁波市机关事务管理局副局长欧阳晓峰表示:“节约型机关建设没有终点。”他感慨地说:“这几年的变化,大家都看在眼里。”',
      '来自杭州市西湖区机关事务服务中心的张小红说:“能为大家服务,我很自豪。”',
    ].join('\n');
    expect(findQuotes(text)).toEqual([
      { text: '我们将全力保障重点项目资金。', speakerName: '李明', speakerPosition: '党组书记、局长', speakerOrganization: '市财政局' },
      { text: '节约型机关建设没有终点。', speakerName: '欧阳晓峰', speakerPosition: '副局长', speakerOrganization: '宁波市机关事务管理局' },
      {
        text: '这几年的变化,大家都看在眼里。',
        speakerName: '欧阳晓峰',
        speakerPosition: '副局长',
        speakerOrganization: '宁波市机关事务管理局',
      },
      {
        text: '能为大家服务,我很自豪。',
        speakerName: '张小红',
        speakerPosition: null,
        speakerOrganization: '杭州市西湖区机关事务服务中心',
      },
    ]);
  });

  test('traps: terms, book titles, reported speech without quotation marks, a quote nobody is named for', () => {
    const text = [
      '会议印发了《关于进一步加强机关事务工作的意见》,提出打造“五个机关事务”和“数字机关”。',
      '省机关事务管理局局长王强指出,要坚持勤俭节约,反对铺张浪费。',
      '“绿水青山就是金山银山。”这句话写在展板上。',
      '大家把这里称为‘最美食堂’,把厨师叫作“大管家”。',
    ].join('\n');
    expect(findQuotes(text, { province: '浙江省' })).toEqual([]);
  });

  test('a descriptor before the organisation, the site province, a position after a comma', () => {
    const text =
      '“我们会把荣誉当作新的起点。”先进集体代表、省人力社保厅办公室主任赵一鸣说。' +
      '“服务无止境。”全省机关事务工作先进个人,湖州市长兴县机关事务中心的副主任孙丽华表示,将继续努力。';
    expect(findQuotes(text, { province: '浙江省' })).toEqual([
      { text: '我们会把荣誉当作新的起点。', speakerName: '赵一鸣', speakerPosition: '办公室主任', speakerOrganization: '浙江省人力社保厅' },
      { text: '服务无止境。', speakerName: '孙丽华', speakerPosition: '副主任', speakerOrganization: '湖州市长兴县机关事务中心' },
    ]);
    // Without a province, 省… is kept as written.
    expect(findQuotes(text)[0].speakerOrganization).toBe('省人力社保厅');
  });

  test('a 名单 list: units and individuals with their organisations and cities', () => {
    const text = [
      '省政府决定,对50个先进集体和一百二十名先进个人予以表彰。',
      '先进集体名单',
      '杭州市机关事务管理局、宁波市鄞州区机关事务管理中心',
      '义乌市机关事务服务中心',
      '',
      '先进个人名单',
      '王小明 嘉兴市机关事务管理局办公室主任',
      '陈静(衢州市江山市机关事务中心)',
      '',
      '希望受表彰的集体和个人珍惜荣誉。',
    ].join('\n');
    const facts = findCommendationFacts(text);
    expect(facts.commendation).toEqual({ unitQuota: 50, individualQuota: 120 });
    // No scope named (对50个…): no title to file the quotas under.
    expect(facts.commendationTitle).toBeNull();
    expect(facts.commendedUnits).toEqual([
      { name: '杭州市机关事务管理局', city: '杭州市', district: null },
      { name: '宁波市鄞州区机关事务管理中心', city: '宁波市', district: '鄞州区' },
      { name: '义乌市机关事务服务中心', city: '金华市', district: '义乌市' },
    ]);
    expect(facts.commendedIndividuals).toEqual([
      { name: '王小明', organization: '嘉兴市机关事务管理局', position: '办公室主任', city: '嘉兴市' },
      { name: '陈静', organization: '衢州市江山市机关事务中心', position: null, city: '衢州市' },
    ]);
  });
});

test('parts: counts in Chinese numerals, places, organisation and position', () => {
  expect(parseCount('一百八十')).toBe(180);
  expect(parseCount('八十')).toBe(80);
  expect(parseCount('十二')).toBe(12);
  expect(parseCount('两百')).toBe(200);
  expect(placeOf('海宁市机关事务管理中心')).toEqual({ city: '嘉兴市', district: '海宁市' });
  expect(placeOf('景宁畲族自治县机关事务中心')).toEqual({ city: '丽水市', district: '景宁畲族自治县' });
  expect(placeOf('江苏省苏州市机关事务管理局')).toEqual({ city: '苏州市', district: null });
  expect(splitOrganization('丽水经济技术开发区管委会党政办副主任')).toEqual({
    speakerOrganization: '丽水经济技术开发区管委会党政办',
    speakerPosition: '副主任',
  });
  expect(splitOrganization('省政协副秘书长', '浙江省')).toEqual({ speakerOrganization: '浙江省政协', speakerPosition: '副秘书长' });
});

describe('traps a reviewer found', () => {
  const speakerOf = (text: string) =>
    findQuotes(text, { province: '浙江省' }).map((quote) => [quote.speakerName, quote.speakerPosition, quote.text]);

  test('the person nearest the quote speaks, a position after a name counts, and 王小道 is one name', () => {
    expect(speakerOf('局长王军在讲话中指出,习近平总书记强调:“绿水青山就是金山银山。”')).toEqual([
      ['习近平', '总书记', '绿水青山就是金山银山。'],
    ]);
    expect(speakerOf('“我们会继续努力。”局长王小道说。')).toEqual([['王小道', '局长', '我们会继续努力。']]);
    expect(speakerOf('“我们会继续努力。”主任郑丽在发言时说。')).toEqual([['郑丽', '主任', '我们会继续努力。']]);
  });

  test('他们 and 她们 are a group, not the last person named; words after 的 are not names', () => {
    const text = [
      '“节约要从小事做起。”局长王明说。',
      '他们纷纷表示:“很受鼓舞。”',
      '人民日报发表的文章指出:“要厉行节约。”',
      '省委印发的文件强调:“要勤俭办事。”',
    ].join('\n');
    expect(speakerOf(text)).toEqual([
      ['王明', '局长', '节约要从小事做起。'],
      ['与会代表', null, '很受鼓舞。'],
    ]);
    // The pronoun after a 的 clause is still the person just named.
    expect(speakerOf('“节约要从小事做起。”局长王明说。\n他在接受采访的时候说:“还要继续努力。”').map(([name]) => name)).toEqual([
      '王明',
      '王明',
    ]);
    expect(speakerOf('“这是大家的功劳。”这样的成绩说明了一切。')).toEqual([]);
  });

  test('an unclosed or misused quotation mark does not swallow the next quote', () => {
    expect(speakerOf('王明说:“你好。今天天气好。李华说:“好。”')).toEqual([['李华', null, '好。']]);
    expect(findQuotes('我们要“节约”。')).toEqual([]);
  });

  test('hostile paragraphs are read in bounded time', () => {
    for (const text of ['“两个先行”和'.repeat(32000), '。'.repeat(200000), '“'.repeat(100000), `“${'好'.repeat(100000)}。”王明说。`]) {
      const started = Date.now();
      findQuotes(text);
      findCommendationFacts(text);
      expect(Date.now() - started).toBeLessThan(2000);
    }
    expect(parseCount('9'.repeat(400))).toBeNull();
  });

  test('a heading that mentions 先进集体 without a list, and a quote after it, are not names in a list', () => {
    const facts = findCommendationFacts(['先进集体代表发言', '杭州市机关事务管理局局长韩卫说:“我们深受鼓舞,将再接再厉。”'].join('\n'));
    expect(facts.commendedUnits).toEqual([]);
  });
});
