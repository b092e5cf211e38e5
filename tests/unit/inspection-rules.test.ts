// The publish checks' pure rules: word lists (Aho–Corasick), personal data, links,
// required facts, and reading rich text. Positive and negative cases for each.
import IDValidator from 'id-validator';
import { blockLinks, blockTexts, locate, replaceInBlocks } from '../../src/lib/inspection/blocks-text';
import { hostsOf, linkTarget } from '../../src/lib/inspection/links';
import { findPersonalData, isIdNumber, maskCard, maskId, maskMobile, personalDataFindings } from '../../src/lib/inspection/personal-data';
import { missingFacts } from '../../src/lib/inspection/required-facts';
import { parseTermsCsv } from '../../src/lib/inspection/terms-csv';
import { termProblem, WordList } from '../../src/lib/inspection/word-list';

const ids = new IDValidator();
/** A valid 18-digit ID with a given body (17 digits), by computing its GB 11643 check digit. */
const withCheckDigit = (body: string) => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split('').reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
};

describe('word lists', () => {
  const list = new WordList([
    { term: '决策部属', kind: 'misspelling', replacement: '决策部署' },
    { term: '共产党', kind: 'misspelling', replacement: '中国共产党' },
    { term: '台湾总统', kind: 'forbidden', replacement: '台湾地区领导人' },
    { term: '弱智', kind: 'sensitive', replacement: '智力障碍者' },
    { term: '', kind: 'forbidden' },
    { term: '无正确写法', kind: 'misspelling' },
  ]);

  it('skips entries that could not be used (empty term, misspelling without its correct form)', () => {
    expect(list.size).toBe(4);
    expect(termProblem({ term: '无正确写法', kind: 'misspelling' })).toMatch(/correct form/);
    expect(termProblem({ term: 'x', kind: 'other' as never })).toMatch(/kind/);
  });

  it('finds each listed word with its offsets, kind and suggestion', () => {
    const text = '会议传达了决策部属。有人称台湾总统，用语弱智。';
    const findings = list.findings([{ field: 'body', node: [0], text }]);
    expect(findings.map((f) => [f.rule, f.severity, f.match, f.suggestion, text.slice(f.start, f.end)])).toEqual([
      ['misspelling', 'warn', '决策部属', '决策部署', '决策部属'],
      ['forbidden-word', 'block', '台湾总统', '台湾地区领导人', '台湾总统'],
      ['sensitive-word', 'warn', '弱智', '智力障碍者', '弱智'],
    ]);
    expect(findings[0].node).toEqual([0]);
  });

  it('does not flag a wrong form inside its own correct form, nor clean text', () => {
    expect(list.scan('坚持中国共产党的领导，决策部署落实到位')).toEqual([]);
    expect(list.scan('共产党员').map((hit) => hit.term.term)).toEqual(['共产党']);
  });

  it('gives a finding the same id when other text changes, and another for another field', () => {
    const a = list.findings([{ field: 'title', text: '决策部属' }])[0];
    const b = list.findings([{ field: 'title', text: '前文。决策部属' }])[0];
    const c = list.findings([{ field: 'summary', text: '决策部属' }])[0];
    expect(a.id).toBe(b.id);
    expect(c.id).not.toBe(a.id);
  });

  it('keeps overlapping hits linear and bounded (a one-character term in a long text)', () => {
    const common = new WordList([
      { term: '的', kind: 'sensitive' },
      { term: '的的', kind: 'sensitive' },
    ]);
    const started = Date.now();
    const hits = common.scan('的'.repeat(50_000));
    expect(hits.length).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reads 10,000 terms against a long text in one pass', () => {
    const terms = Array.from({ length: 10_000 }, (_, i) => ({ term: `词${i}号`, kind: 'sensitive' as const }));
    const big = new WordList(terms);
    expect(big.scan('甲'.repeat(20_000) + '词9999号').map((hit) => hit.start)).toEqual([20_000]);
  });
});

describe('personal data', () => {
  const id = withCheckDigit('33010619850312123');
  const card = '6222021234567890128'; // 19 digits, valid Luhn

  it('flags an 18-digit ID with a valid check digit, masked as 330***********1234', () => {
    expect(ids.isValid(id)).toBe(true);
    const hits = findPersonalData(`身份证号${id}。`);
    expect(hits).toEqual([{ rule: 'id-number', start: 4, end: 22, masked: maskId(id) }]);
    expect(maskId(id)).toMatch(/^330\*{11}\d{3}[\dX]$/);
  });

  it('does not flag numbers that only look like IDs', () => {
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(isIdNumber(wrongCheck)).toBe(false);
    expect(findPersonalData(`编号${wrongCheck}`).filter((hit) => hit.rule === 'id-number')).toEqual([]);
    expect(findPersonalData(`订单号A${id}B`)).toEqual([]); // part of a longer code
    expect(findPersonalData(`${withCheckDigit('33010619851332123')}`).filter((hit) => hit.rule === 'id-number')).toEqual([]); // month 13
    expect(findPersonalData('1234567890')).toEqual([]);
  });

  it('flags mobile numbers with or without separators and +86, masked as 138****1234', () => {
    expect(findPersonalData('电话13812345678').map((hit) => hit.masked)).toEqual(['138****5678']);
    expect(findPersonalData('电话 +86 138-1234-5678 。').map((hit) => [hit.rule, hit.masked])).toEqual([['mobile-number', '138****5678']]);
    expect(findPersonalData('座机0571-87654321，编号12812345678')).toEqual([]); // 12x is not a mobile prefix
    expect(maskMobile('13812345678')).toBe('138****5678');
  });

  it('flags bank card numbers only with a valid Luhn digit', () => {
    expect(findPersonalData(`卡号${card}`).map((hit) => [hit.rule, hit.masked])).toEqual([['bank-card', maskCard(card)]]);
    expect(findPersonalData('卡号 6222 0212 3456 7890 128').map((hit) => hit.rule)).toEqual(['bank-card']);
    expect(findPersonalData('卡号6222021234567890127')).toEqual([]);
    expect(maskCard(card)).toBe('6222***********0128');
  });

  it('reads full-width digits and hyphens as a number, at the same offsets', () => {
    expect(findPersonalData('电话１３８－１２３４－５６７８。').map((hit) => [hit.rule, hit.start, hit.end, hit.masked])).toEqual([
      ['mobile-number', 2, 15, '138****5678'],
    ]);
  });

  it('gives an id that does not hash the number itself', () => {
    const [a] = personalDataFindings([{ field: 'body', text: '电话13812345678' }]);
    const [b] = personalDataFindings([{ field: 'body', text: '电话13887655678' }]);
    expect(a.id).toBe(b.id); // same masked form, same place: the digits hidden by the mask do not enter the id
  });

  it('does not flag masked forms again', () => {
    expect(findPersonalData(`${maskId(id)} 138****5678 ${maskCard(card)}`)).toEqual([]);
  });

  it('reports the masked form, never the number itself', () => {
    const [finding] = personalDataFindings([{ field: 'commendedIndividuals[0].name', text: `张三 ${id}` }]);
    expect(finding).toMatchObject({ rule: 'id-number', severity: 'block', fixable: true, suggestion: maskId(id), match: maskId(id) });
    expect(JSON.stringify(finding)).not.toContain(id);
  });
});

describe('links', () => {
  const hosts = hostsOf(['https://www.example.gov.cn', undefined, 'not a url', 'http://cms.example.gov.cn:1337']);

  it('knows internal article and upload links, relative or on the site hosts', () => {
    expect(hosts).toEqual(['www.example.gov.cn', 'cms.example.gov.cn:1337']);
    expect(linkTarget('/articles/some-slug', hosts)).toEqual({ kind: 'article', slug: 'some-slug' });
    expect(linkTarget('https://www.example.gov.cn/articles/%E6%B5%99%E6%B1%9F', hosts)).toEqual({ kind: 'article', slug: '浙江' });
    expect(linkTarget('http://cms.example.gov.cn:1337/uploads/report_1a2b.pdf', hosts)).toEqual({
      kind: 'upload',
      path: '/uploads/report_1a2b.pdf',
    });
  });

  it('leaves other links alone', () => {
    expect(linkTarget('https://www.gov.cn/articles/x', hosts)).toEqual({ kind: 'other' });
    expect(linkTarget('mailto:office@example.gov.cn', hosts)).toEqual({ kind: 'other' });
    expect(linkTarget('/channels/news', hosts)).toEqual({ kind: 'other' });
    expect(linkTarget('/articles/%E0%A4%A', hosts)).toEqual({ kind: 'other' });
  });
});

describe('required facts', () => {
  const now = new Date('2026-11-30T08:00:00Z');
  it('needs a source and a channel', () => {
    expect(missingFacts({ source: '  ', hasChannel: false }, now).map((m) => m.field)).toEqual(['source', 'channel']);
    expect(missingFacts({ source: '办公室', hasChannel: true, publishDate: '2026-11-30T07:00:00Z' }, now)).toEqual([]);
  });
  it('refuses a publish date in the future, beyond a minute of clock skew', () => {
    expect(missingFacts({ source: 'x', hasChannel: true, publishDate: '2026-11-30T08:00:30Z' }, now)).toEqual([]);
    expect(missingFacts({ source: 'x', hasChannel: true, publishDate: '2026-12-01T00:00:00Z' }, now).map((m) => m.rule)).toEqual([
      'future-date',
    ]);
  });
});

describe('rich text', () => {
  const blocks = [
    { type: 'heading', level: 2, children: [{ type: 'text', text: '标题' }] },
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: '传达决策' },
        { type: 'text', text: '部属。详见', bold: true },
        { type: 'link', url: '/articles/other', children: [{ type: 'text', text: '另一篇' }] },
      ],
    },
    { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: '电话13812345678' }] }] },
    { type: 'image', image: { url: '/uploads/a.png' }, children: [{ type: 'text', text: '' }] },
  ];

  it('reads each paragraph as one text, across formatting, with its links', () => {
    expect(blockTexts(blocks).map((piece) => piece.text)).toEqual(['标题', '传达决策部属。详见另一篇', '电话13812345678', '']);
    expect(blockLinks(blocks)).toEqual([
      { path: [1, 'children', 2], url: '/articles/other' },
      { path: [3], url: '/uploads/a.png' },
    ]);
  });

  it('maps a match back to its text node, or refuses one that spans two', () => {
    const [, paragraph, item] = blockTexts(blocks);
    expect(locate(paragraph, 2, 6)).toBeNull(); // 决策部属 spans plain and bold text
    const at = locate(item, 2, 13)!;
    expect(at).toEqual({ path: [2, 'children', 0, 'children', 0], start: 2, end: 13 });
    const fixed = replaceInBlocks(blocks, at.path, at.start, at.end, '13812345678', '138****5678') as typeof blocks;
    expect(blockTexts(fixed)[2].text).toBe('电话138****5678');
    expect(blockTexts(blocks)[2].text).toBe('电话13812345678'); // the input is not changed
    expect(replaceInBlocks(blocks, at.path, at.start, at.end, 'something else', 'x')).toBeNull();
  });
});

describe('word list CSV', () => {
  it('reads Chinese or English headers and kinds, with a BOM', () => {
    const { terms, errors } = parseTermsCsv(
      '\uFEFF词语,类别,正确写法,说明\n决策部属,易错词,决策部署,\n台湾总统,禁用词,,规范称谓\n弱智,sensitive,,\n'
    );
    expect(errors).toEqual([]);
    expect(terms.map((term) => [term.term, term.kind, term.replacement])).toEqual([
      ['决策部属', 'misspelling', '决策部署'],
      ['台湾总统', 'forbidden', null],
      ['弱智', 'sensitive', null],
    ]);
  });
  it('names every bad row and keeps none of the file', () => {
    const { errors } = parseTermsCsv('term,kind,replacement\n好词,misspelling,\n,forbidden,\nx,unknown,\n');
    expect(errors).toEqual([
      expect.stringMatching(/^row 2: .*correct form/),
      expect.stringMatching(/^row 3: term/),
      expect.stringMatching(/^row 4: kind/),
    ]);
    expect(parseTermsCsv('a,b\n1,2').errors[0]).toMatch(/header/);
    expect(parseTermsCsv('"unclosed').errors[0]).toMatch(/CSV/);
  });
});
