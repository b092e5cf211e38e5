// 政府信息公开 metadata: the 索引号 format, the 机构代码 and 文号 checks and the year a
// number is filed under. Pure: the document rules and the service use it, the unit
// tests check it alone.

/** The newsroom's calendar: a number allocated at 00:30 on 1 January in Beijing belongs to the new year. */
export const INDEX_TIMEZONE = 'Asia/Shanghai';

/**
 * 机构代码: the 9-character 组织机构代码 (GB 11714, written without its hyphen) or the
 * 18-character 统一社会信用代码 (GB 32100). Only the shape is checked, not the check
 * character: a refused real code would block an editor, a wrong one is caught by review.
 */
export const ORGANIZATION_CODE = /^(?:[0-9A-Z]{9}|[0-9A-Z]{18})$/;

/** 索引号: 机构代码/YYYY-NNNNN (five digits at least; a sixth only past 99,999 in one year). */
export const INDEX_NUMBER = /^([0-9A-Z]{9}|[0-9A-Z]{18})\/(\d{4})-(\d{5,})$/;

export const VALIDITY_LABELS = { effective: '有效', expired: '失效', repealed: '废止' } as const;
export const DISCLOSURE_METHOD_LABELS = { proactive: '主动公开', on_request: '依申请公开' } as const;

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Full-width digits and letters (２０１９, ＡＢＣ) as ASCII: Chinese input methods type them. */
const toHalfWidth = (text: string) =>
  text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** The code as stored: no spaces or hyphens (组织机构代码 is often written 00248236-5), upper case. */
export const normaliseOrganizationCode = (value: string): string =>
  toHalfWidth(value)
    .replace(/[\s\-‐－—]/g, '')
    .toUpperCase();

export const organizationCodeProblem = (code: unknown): string | null => {
  if (isBlank(code)) return '机构代码不能为空（organizationCode is required）';
  if (typeof code !== 'string' || !ORGANIZATION_CODE.test(code)) {
    return '机构代码应为 9 位组织机构代码或 18 位统一社会信用代码，只含数字和大写字母（organizationCode must be 9 or 18 characters 0-9 A-Z）';
  }
  return null;
};

// Brackets editors type around the year instead of the 六角括号 〔〕 that GB/T 9704 prescribes.
const OPENING = '\\[［【〔﹝(（〖';
const CLOSING = '\\]］】〕﹞)）〗';
const DOCUMENT_NUMBER = new RegExp(`^([^${OPENING}${CLOSING}]+)[${OPENING}]((?:19|20)\\d{2})[${CLOSING}](\\d+)号$`);

/**
 * 文号 as published: the issuing organ's abbreviation, the year in 〔〕 and the serial
 * number, e.g. 国办发〔2019〕19号. The brackets editors commonly type instead ([] 【】 ()
 * （）〖〗﹝﹞) and full-width digits are corrected; anything else is a problem to report.
 */
export const normaliseDocumentNumber = (value: unknown): { value: string | null } | { problem: string } => {
  if (isBlank(value)) return { value: null };
  if (typeof value !== 'string') return { problem: '文号应为文字，如“国办发〔2019〕19号”（documentNumber must be text）' };
  const compact = toHalfWidth(value).replace(/\s+/g, '');
  const match = DOCUMENT_NUMBER.exec(compact);
  if (!match) {
    return {
      problem: `文号“${value.trim()}”应含用〔〕括起的年份和序号，如“国办发〔2019〕19号”（documentNumber must look like 国办发〔2019〕19号）`,
    };
  }
  const [, organ, year, serial] = match;
  return { value: `${organ}〔${year}〕${serial}号` };
};

/** The calendar year of `at` in `timeZone` (the newsroom's, by default). */
export const yearOf = (at: Date, timeZone = INDEX_TIMEZONE): number =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(at));

export const formatIndexNumber = (organizationCode: string, year: number, serial: number) =>
  `${organizationCode}/${year}-${String(serial).padStart(5, '0')}`;

export const parseIndexNumber = (indexNumber: string) => {
  const match = INDEX_NUMBER.exec(indexNumber);
  return match ? { organizationCode: match[1], year: Number(match[2]), serial: Number(match[3]) } : null;
};

export type DisclosureProblem = { path: string[]; message: string };

/**
 * The component's data as an editor or a client sent it, normalised (机构代码, 文号), and
 * what is wrong with it. `indexNumber` is the server's and is dropped here: the rule
 * that calls this puts back the document's own number.
 */
export const reviewDisclosure = (input: Record<string, unknown>): { data: Record<string, unknown>; problems: DisclosureProblem[] } => {
  const data: Record<string, unknown> = { ...input };
  const problems: DisclosureProblem[] = [];
  delete data.indexNumber;
  if ('organizationCode' in input) {
    const code = input.organizationCode;
    data.organizationCode = typeof code === 'string' ? normaliseOrganizationCode(code) || null : isBlank(code) ? null : code;
    // Empty is allowed on a draft (Strapi requires it at publish, as every required field).
    if (!isBlank(data.organizationCode)) {
      const problem = organizationCodeProblem(data.organizationCode);
      if (problem) problems.push({ path: ['disclosure', 'organizationCode'], message: problem });
    }
  }
  if ('documentNumber' in input) {
    const result = normaliseDocumentNumber(input.documentNumber);
    if ('problem' in result) problems.push({ path: ['disclosure', 'documentNumber'], message: result.problem });
    else data.documentNumber = result.value;
  }
  return { data, problems };
};
