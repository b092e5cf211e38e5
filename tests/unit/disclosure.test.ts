// 信息公开 metadata: the 索引号 format, the year a number is filed under, 机构代码 and 文号.
import {
  formatIndexNumber,
  normaliseDocumentNumber,
  normaliseOrganizationCode,
  organizationCodeProblem,
  parseIndexNumber,
  reviewDisclosure,
  yearOf,
} from '../../src/lib/disclosure';

describe('索引号', () => {
  test('is 机构代码/YYYY-NNNNN, the serial zero-padded to five digits', () => {
    expect(formatIndexNumber('11330000002482365P', 2026, 1)).toBe('11330000002482365P/2026-00001');
    expect(formatIndexNumber('002482365', 2026, 12345)).toBe('002482365/2026-12345');
  });

  test('past 99,999 in one year it grows a digit rather than wrap or collide', () => {
    expect(formatIndexNumber('002482365', 2026, 100000)).toBe('002482365/2026-100000');
  });

  test('reads back into its parts; anything else is not a 索引号', () => {
    expect(parseIndexNumber('11330000002482365P/2026-00042')).toEqual({ organizationCode: '11330000002482365P', year: 2026, serial: 42 });
    expect(parseIndexNumber('11330000002482365P/2026-42')).toBeNull();
    expect(parseIndexNumber('abc/2026-00001')).toBeNull();
  });
});

describe('the year of a number is Beijing’s', () => {
  test('16:00 UTC on 31 December is already the new year in Asia/Shanghai', () => {
    expect(yearOf(new Date('2025-12-31T15:59:59.999Z'))).toBe(2025);
    expect(yearOf(new Date('2025-12-31T16:00:00.000Z'))).toBe(2026);
  });

  test('and 1 January 07:59 Beijing is not yet the new year in UTC, but is here', () => {
    expect(yearOf(new Date('2026-01-01T07:59:00+08:00'), 'UTC')).toBe(2025);
    expect(yearOf(new Date('2026-01-01T07:59:00+08:00'))).toBe(2026);
  });
});

describe('机构代码', () => {
  test('9-character 组织机构代码 and 18-character 统一社会信用代码 pass', () => {
    expect(organizationCodeProblem('002482365')).toBeNull();
    expect(organizationCodeProblem('11330000002482365P')).toBeNull();
  });

  test('is stored upper case, without spaces or the hyphen of 00248236-5, full-width characters made ASCII', () => {
    expect(normaliseOrganizationCode(' 00248236-5 ')).toBe('002482365');
    expect(normaliseOrganizationCode('11330000002482365p')).toBe('11330000002482365P');
    expect(normaliseOrganizationCode('１１３３００００００２４８２３６５Ｐ')).toBe('11330000002482365P');
  });

  test('other lengths, other characters and empty values are refused with a reason', () => {
    for (const bad of ['12345678', '1133000000248236', '11330000002482365P0', '11330000002482365/', '浙江省机关事务管理局', '', null, 42]) {
      expect(organizationCodeProblem(bad)).toMatch(/机构代码/);
    }
  });
});

describe('文号', () => {
  test('a correct 文号 is kept as written', () => {
    expect(normaliseDocumentNumber('国办发〔2019〕19号')).toEqual({ value: '国办发〔2019〕19号' });
  });

  test.each([
    ['国办发[2019]19号'],
    ['国办发【2019】19号'],
    ['国办发(2019)19号'],
    ['国办发（2019）19号'],
    ['国办发［2019］19号'],
    ['国办发〖2019〗19号'],
    ['国办发﹝2019﹞19号'],
    [' 国办发 〔２０１９〕 １９号 '],
  ])('%s becomes 国办发〔2019〕19号', (written) => {
    expect(normaliseDocumentNumber(written)).toEqual({ value: '国办发〔2019〕19号' });
  });

  test('empty means no 文号', () => {
    expect(normaliseDocumentNumber('')).toEqual({ value: null });
    expect(normaliseDocumentNumber('   ')).toEqual({ value: null });
    expect(normaliseDocumentNumber(null)).toEqual({ value: null });
  });

  test.each([
    ['国办发2019年19号'],
    ['国办发〔19〕19号'],
    ['〔2019〕19号'],
    ['国办发〔2019〕'],
    ['国办发〔2019〕十九号'],
    ['国务院令第711号'],
    ['国办发〔2019〕19号〔2020〕'],
  ])('%s is refused with an example of the right form', (written) => {
    const result = normaliseDocumentNumber(written);
    expect(result).toEqual({ problem: expect.stringContaining('国办发〔2019〕19号') });
  });
});

describe('the metadata a client sends', () => {
  test('is normalised, and its 索引号 dropped: the server puts back its own', () => {
    expect(
      reviewDisclosure({
        indexNumber: 'X/2026-99999',
        organizationCode: '11330000002482365p',
        documentNumber: '浙政办发[2022]12号',
        topic: '综合政务',
      })
    ).toEqual({
      data: { organizationCode: '11330000002482365P', documentNumber: '浙政办发〔2022〕12号', topic: '综合政务' },
      problems: [],
    });
  });

  test('an empty 机构代码 is a draft’s business (required at publish); a malformed one and a bad 文号 are both reported', () => {
    expect(reviewDisclosure({ organizationCode: '' }).problems).toEqual([]);
    const { problems } = reviewDisclosure({ organizationCode: 'ABC', documentNumber: '国办发2019年19号' });
    expect(problems.map((problem) => problem.path)).toEqual([
      ['disclosure', 'organizationCode'],
      ['disclosure', 'documentNumber'],
    ]);
  });
});
