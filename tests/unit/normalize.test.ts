// The checks read text as a reader does (src/lib/inspection/normalize.ts): every disguise
// of a listed word or a personal number below is caught at the original offsets, and the
// legitimate numbers at the end are not flagged.
import OpenCC from 'opencc-js';
import { INVISIBLE, normalize, normalizeForWords, originalRange } from '../../src/lib/inspection/normalize';
import { findPersonalData, maskPersonalData, personalDataFindings } from '../../src/lib/inspection/personal-data';
import { termProblem, WordList } from '../../src/lib/inspection/word-list';

describe('the reading', () => {
  test('drops invisible characters, folds compatibility forms and traditional characters, and maps back', () => {
    const original = '臺\u200b灣\u2060政府';
    const read = normalize(original);
    expect(read.text).toBe('台湾政府');
    expect(originalRange(read, 0, 4)).toEqual({ start: 0, end: original.length });
    expect(originalRange(read, 1, 2)).toEqual({ start: 2, end: 3 }); // 湾 is the 灣 after the ZWSP
    expect(normalize('ＴＡＩＷＡＮ１３８Ｘ').text).toBe('TAIWAN138X');
    expect(normalize('乾隆年间，乾燥').text).toBe('乾隆年间,干燥'); // OpenCC's phrases: 乾隆 stays
    expect(normalize('').text).toBe('');
  });

  test('keeps case, Latin spaces and visible format characters', () => {
    expect(normalizeForWords('Taiwan  Government').text).toBe('Taiwan  Government');
    expect(normalizeForWords('台湾 government').text).toBe('台湾 government');
    expect(normalize('\u0600١').text).toBe('\u0600١'); // an Arabic number sign is visible
  });

  test('composes a letter with its combining mark, and drops marks put on Han characters', () => {
    const read = normalize('Cafe\u0301 台\u0301\u20dd湾');
    expect(read.text).toBe('Café 台湾');
    expect(originalRange(read, 3, 4)).toEqual({ start: 3, end: 5 });
  });

  test('a character that becomes two UTF-16 units (or one from two) keeps its range', () => {
    const read = normalize('㗲a𝟏b'); // 㗲 → 𠵾 (astral) in OpenCC; 𝟏 (astral) → 1 by NFKC
    expect(read.text).toBe('𠵾a1b');
    expect(originalRange(read, 0, 2)).toEqual({ start: 0, end: 1 });
    expect(originalRange(read, 3, 4)).toEqual({ start: 2, end: 4 });
  });

  test('every table the converter uses maps one code point to one (the offset map relies on it)', () => {
    const groups = [...OpenCC.Locale.from.tw, ...OpenCC.Locale.from.hk, ...OpenCC.Locale.to.cn];
    let entries = 0;
    for (const group of groups) {
      for (const dict of group) {
        const pairs = typeof dict === 'string' ? dict.split('|').map((line) => line.split(' ')) : dict;
        for (const [from, to] of pairs) {
          entries += 1;
          if ([...from].length !== [...to].length) throw new Error(`${from} → ${to}`);
        }
      }
    }
    expect(entries).toBeGreaterThan(5_000);
  });

  test('the invisible set: format characters nobody sees, not visible spaces or letters', () => {
    for (const ch of [
      '\u200b',
      '\u200c',
      '\u200d',
      '\u200e',
      '\u200f',
      '\u2060',
      '\u2061',
      '\u2062',
      '\u2063',
      '\u2064',
      '\u00ad',
      '\ufeff',
      '\u180e',
      '\u034f',
      '\u202a',
      '\u202e',
      '\u2066',
      '\u2069',
      '\u3164',
      '\ufe0f',
      '\u{E0100}',
      '\u{E0041}',
      '\ufff9',
    ])
      expect([ch, INVISIBLE.test(ch)]).toEqual([ch, true]);
    for (const ch of ['a', '台', ' ', '\u3000', '\u00a0', '\n', '-', '\u0600']) expect([ch, INVISIBLE.test(ch)]).toEqual([ch, false]);
  });

  // Its speed is measured by npm run bench:checks (row (e)), not in a timed test.
  test('reads 20,000 characters whole', () => {
    const text = '浙江省機關事務管理局召開會議，部署下一階段工作。'.repeat(900);
    const read = normalizeForWords(text).text;
    expect(read).toContain('浙江省机关事务管理局召开会议');
    expect(read).not.toContain('機關');
  });
});

describe('word lists see through disguises', () => {
  const list = new WordList([
    { term: '台湾政府', kind: 'forbidden', replacement: '台湾当局' },
    { term: '决策部属', kind: 'misspelling', replacement: '决策部署' },
    { term: '中華民國總統', kind: 'forbidden', replacement: '台湾地区领导人' }, // listed in traditional characters
    { term: '识别', kind: 'sensitive' },
    { term: 'Taiwan government', kind: 'forbidden' },
  ]);
  const caught = (text: string) => list.scan(text).map((hit) => [hit.term.term, text.slice(hit.start, hit.end)]);

  test.each([
    ['zero-width space', '台湾\u200b政府'],
    ['word joiner', '台湾\u2060政府'],
    ['soft hyphen', '台湾\u00ad政府'],
    ['traditional characters', '臺灣政府'],
    ['Taiwan form 台灣', '台灣政府'],
    ['traditional and simplified mixed', '臺湾政府'],
    ['byte order mark', '台湾\ufeff政府'],
    ['zero-width non-joiner', '台湾\u200c政府'],
    ['zero-width joiner', '台湾\u200d政府'],
    ['left-to-right mark', '台\u200e湾\u200f政府'],
    ['bidi override', '台湾\u202e政府'],
    ['bidi isolates', '台\u2067湾\u2069\u2066政府'],
    ['Mongolian vowel separator', '台湾\u180e政府'],
    ['combining grapheme joiner', '台湾\u034f政府'],
    ['Hangul filler', '台湾\u3164政府'],
    ['variation selector', '台湾\ufe0f政府'],
    ['ideographic variation selector', '台\u{E0100}湾政府'],
    ['invisible times and separator', '台\u2062湾\u2063政\u2064府'],
    ['tag characters', '台湾\u{E0020}\u{E007F}政府'],
    ['ideographic space', '台湾\u3000政府'],
    ['no-break space', '台湾\u00a0政府'],
    ['ASCII spaces', '台 湾  政 府'],
    ['line break', '台湾\n政府'],
    ['combining accent on a Han character', '台\u0301湾政府'],
    ['enclosing circle', '台湾\u20dd政府'],
    ['many at once', '臺\u200b\u2060\u00ad灣 \u200b政\ufeff府'],
  ])('%s', (_name, text) => {
    expect(caught(text)).toEqual([['台湾政府', text.trim()]]);
  });

  test('a term listed in traditional characters catches the simplified and the mixed text', () => {
    expect(caught('中华民国总统')).toEqual([['中華民國總統', '中华民国总统']]);
    expect(caught('中華民国\u200b总統')).toEqual([['中華民國總統', '中華民国\u200b总統']]);
  });

  test('CJK compatibility ideographs and full-width Latin read as the plain forms', () => {
    expect(caught('\uF9FC别')).toEqual([['识别', '\uF9FC别']]); // U+F9FC is a compatibility 識
    expect(caught('Ｔａｉｗａｎ　ｇｏｖｅｒｎｍｅｎｔ')).toEqual([['Taiwan government', 'Ｔａｉｗａｎ　ｇｏｖｅｒｎｍｅｎｔ']]);
  });

  test('offsets are the original text’s, the invisible characters inside the match included', () => {
    const text = '声明：台\u200b湾\u200b政\u200b府。';
    const [hit] = list.scan(text);
    expect([hit.start, hit.end]).toEqual([3, 10]);
    const [finding] = list.findings([{ field: 'title', text }]);
    expect(finding.match).toBe('台\u200b湾\u200b政\u200b府');
    expect(finding.message).toBe('禁用词“台湾政府”（原文写作“台[U+200B]湾[U+200B]政[U+200B]府”），须修改后才能发布');
    // The one-click fix writes the suggestion over the whole original span.
    expect(text.slice(0, hit.start) + finding.suggestion + text.slice(hit.end)).toBe('声明：台湾当局。');
  });

  test('a misspelling in traditional characters gets the correct simplified form', () => {
    const [finding] = list.findings([{ field: 'body', text: '傳達決策部屬' }]);
    expect(finding).toMatchObject({ rule: 'misspelling', match: '決策部屬', suggestion: '决策部署', start: 2, end: 6 });
    expect(list.scan('决策部署，決策部署')).toEqual([]);
  });

  test('not caught: other words, punctuation between, Latin words run together', () => {
    expect(list.scan('台湾省政府')).toEqual([]);
    expect(list.scan('台湾。政府')).toEqual([]);
    expect(list.scan('台湾，政府')).toEqual([]);
    expect(list.scan('Taiwangovernment')).toEqual([]);
    expect(list.scan('台湾')).toEqual([]);
  });

  test('a misspelling whose correct form reads the same is refused as a term', () => {
    expect(termProblem({ term: '裡面', kind: 'misspelling', replacement: '里面' })).toMatch(/reads the same/);
    expect(termProblem({ term: '決策部屬', kind: 'misspelling', replacement: '决策部署' })).toBeNull();
  });

  test('a term of invisible characters only is not listed', () => {
    expect(new WordList([{ term: '\u200b\u200b', kind: 'forbidden' }]).size).toBe(0);
  });
});

describe('personal numbers across separators and disguises', () => {
  const ID = '11010519491231002X';
  const MOBILE = '13812345678';
  const found = (text: string) => findPersonalData(text).map((hit) => [hit.rule, hit.masked, text.slice(hit.start, hit.end)]);

  test.each([
    ['ID with spaces', '110105 19491231 002X'],
    ['ID with dashes', '110105-19491231-002X'],
    ['ID with dots', '110105.19491231.002X'],
    ['ID with a zero-width space', '1101\u200b0519491231002X'],
    ['ID with a soft hyphen and a word joiner', '110105\u00ad19491231\u2060002X'],
    ['ID in full-width digits', '１１０１０５１９４９１２３１００２Ｘ'],
    ['ID with a space before the X', '110105 19491231 002 X'],
    ['ID over line breaks', '110105\n19491231\n002X'],
    ['ID with ideographic spaces', '110105\u300019491231\u3000002X'],
    ['ID with no-break spaces', '110105\u00a019491231\u00a0002X'],
    ['ID with a lower-case x', '11010519491231002x'],
    ['ID in Arabic-Indic digits', '١١٠١٠٥١٩٤٩١٢٣١٠٠٢X'],
    ['ID with spaced dashes', '110105 — 19491231 — 002X'],
  ])('%s', (_name, text) => {
    expect(found(`身份证：${text}。`)).toEqual([['id-number', '110***********002X', text]]);
  });

  test.each([
    ['dots', '138.1234.5678'],
    ['spaces', '138 1234 5678'],
    ['dashes', '138-1234-5678'],
    ['zero-width spaces', '138\u200b1234\u200b5678'],
    ['a zero-width space between every digit', [...MOBILE].join('\u200b')],
    ['ideographic spaces', '138\u30001234\u30005678'],
    ['no-break spaces', '138\u00a01234\u00a05678'],
    ['middle dots', '138·1234·5678'],
    ['full-width hyphens', '138－1234－5678'],
    ['Unicode hyphens', '138\u20101234\u20115678'],
    ['full-width digits and spaces', '１３８ １２３４ ５６７８'],
    ['line breaks', '138\n1234\n5678'],
    ['mathematical digits', '𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖'],
    ['soft hyphens', '138\u00ad1234\u00ad5678'],
    ['spaced dashes', '138 - 1234 - 5678'],
    ['+86 and spaces', '+86 138 1234 5678'],
    ['0086 and dashes', '0086-138-1234-5678'],
    ['bidi marks', '\u202d138\u202c1234\u200e5678'],
  ])('mobile with %s', (_name, text) => {
    const hits = found(`联系电话 ${text} 。`);
    expect(hits).toEqual([['mobile-number', '138****5678', text.replace(/^\u202d/, '')]]);
  });

  test.each([
    ['spaces', '6222 0212 3456 7890 128'],
    ['zero-width spaces', '6222\u200b0212\u200b3456\u200b7890\u200b128'],
    ['dots', '6222.0212.3456.7890.128'],
    ['ideographic spaces', '6222\u30000212\u30003456\u30007890\u3000128'],
    ['full-width digits', '６２２２０２１２３４５６７８９０１２８'],
  ])('bank card with %s', (_name, text) => {
    expect(found(`卡号 ${text}`)).toEqual([['bank-card', '6222***********0128', text]]);
  });

  test('two numbers side by side are two numbers', () => {
    expect(found(`${MOBILE} 13987654321`).map(([rule, masked]) => [rule, masked])).toEqual([
      ['mobile-number', '138****5678'],
      ['mobile-number', '139****4321'],
    ]);
    expect(found(`0571-87654321 ${MOBILE}`).map(([, masked]) => masked)).toEqual(['138****5678']);
  });

  test.each([
    ['dates', '2024-01-01、2024.12.31、2019年12月31日、2024/01/01'],
    ['索引号', '11330000002482365P/2024-00001，002482365/2024-00123'],
    ['landlines', '0571-8765 4321，(0571) 87654321，0571 8765 4321，010-12345678，400-123-4567'],
    ['not a mobile prefix', '12812345678，128 1234 5678'],
    ['masked forms', `138****5678，138 **** 5678，110***********002X，6222***********0128`],
    ['amounts with thousands separators', '13,812,345,678元'],
    ['part of a longer code', `A138 1234 5678，订单${MOBILE}B，编号X110105-19491231-002X`],
    ['one digit too many', '138 1234 56789，110105 19491231 0021'],
    ['an ISBN', 'ISBN 978-7-01-012345-6'],
    ['a wrong ID check digit', '110105 19491231 0021'],
    ['too many separators apart', '138 -- -- 1234 5678'],
    ['a time and counts', '13:45 开会，到会 138 人，1234 5678 份材料'],
  ])('not flagged: %s', (_name, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  test('masking a text replaces each whole number, separators and invisibles included', () => {
    expect(maskPersonalData(`电话138\u200b1234\u200b5678，身份证 110105 19491231 002X，卡号 6222.0212.3456.7890.128。`)).toBe(
      '电话138****5678，身份证 110***********002X，卡号 6222***********0128。'
    );
    expect(maskPersonalData('没有号码')).toBe('没有号码');
    expect(maskPersonalData(maskPersonalData(`电话 ${MOBILE}`))).toBe('电话 138****5678');
  });

  test('a finding carries the masked form and the original span to replace', () => {
    const text = `联系 138.1234.5678 或 ${ID}`;
    const findings = personalDataFindings([{ field: 'body', text }]);
    expect(findings.map((finding) => [finding.rule, finding.match, text.slice(finding.start, finding.end), finding.suggestion])).toEqual([
      ['mobile-number', '138****5678', '138.1234.5678', '138****5678'],
      ['id-number', '110***********002X', ID, '110***********002X'],
    ]);
    expect(JSON.stringify(findings)).not.toMatch(/1234.5678|19491231/);
    expect(findings.every((finding) => finding.fixable)).toBe(true);
  });
});
