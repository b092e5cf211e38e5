// The reader's 信息公开 table rows (public/reader/disclosure.js), run as the browser
// module it is: Node imports the shipped file as ES module source, no copy of it here.
import { execFileSync } from 'child_process';
import path from 'path';

const MODULE = path.resolve(__dirname, '..', '..', 'public', 'reader', 'disclosure.js');

/** disclosureRows(metadata, publishDate) with the reader's Chinese or English labels stubbed as below. */
const rows = (metadata: unknown, publishDate: string | null, locale: 'zh' | 'en' = 'zh'): Array<[string, string]> => {
  const script = `
    import fs from 'fs';
    const source = fs.readFileSync(${JSON.stringify(MODULE)}, 'utf8');
    const { disclosureRows } = await import('data:text/javascript,' + encodeURIComponent(source));
    const t = ${JSON.stringify(LABELS)}[${JSON.stringify(locale)}];
    const out = disclosureRows(${JSON.stringify(metadata)}, ${JSON.stringify(publishDate)}, t, (iso) => 'day of ' + iso);
    process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
};

const LABELS = {
  zh: {
    indexNumber: '索引号',
    publishingOrganization: '发布机构',
    topic: '主题分类',
    documentNumber: '文号',
    writtenDate: '成文日期',
    validity: '有效性',
    validityValues: { effective: '有效', expired: '失效', repealed: '废止' },
    disclosureMethod: '公开方式',
    disclosureMethodValues: { proactive: '主动公开', on_request: '依申请公开' },
    publishDate: '发布日期',
  },
  en: {
    indexNumber: 'Index number',
    publishingOrganization: 'Publishing organization',
    topic: 'Topic',
    documentNumber: 'Document number',
    writtenDate: 'Date written',
    validity: 'Validity',
    validityValues: { effective: 'Effective', expired: 'Expired', repealed: 'Repealed' },
    disclosureMethod: 'Disclosure',
    disclosureMethodValues: { proactive: 'Proactive', on_request: 'On request' },
    publishDate: 'Date published',
  },
};

const METADATA = {
  id: 3,
  indexNumber: '11330000002482365P/2026-00001',
  organizationCode: '11330000002482365P',
  publishingOrganization: '浙江省机关事务管理局',
  topic: '机关事务',
  documentNumber: '浙机管〔2022〕12号',
  writtenDate: '2022-09-20',
  validity: 'repealed',
  disclosureMethod: 'on_request',
};

test('a catalogue article shows its eight facts in the catalogue’s order, enumerations in words', () => {
  expect(rows(METADATA, '2022-09-23T12:40:00.000Z')).toEqual([
    ['索引号', '11330000002482365P/2026-00001'],
    ['发布机构', '浙江省机关事务管理局'],
    ['主题分类', '机关事务'],
    ['文号', '浙机管〔2022〕12号'],
    ['成文日期', '2022-09-20'],
    ['有效性', '废止'],
    ['公开方式', '依申请公开'],
    ['发布日期', 'day of 2022-09-23T12:40:00.000Z'],
  ]);
});

test('in English the labels and words are English; the values stay as published', () => {
  const english = rows({ ...METADATA, validity: 'effective', disclosureMethod: 'proactive' }, null, 'en');
  expect(english.map(([label]) => label)).toEqual(LABELS.en ? Object.values(LABELS.en).filter((v) => typeof v === 'string') : []);
  expect(english[5]).toEqual(['Validity', 'Effective']);
  expect(english[6]).toEqual(['Disclosure', 'Proactive']);
  expect(english[7]).toEqual(['Date published', '']);
});

test('missing facts are empty cells, and an article outside the catalogue has no table', () => {
  expect(rows({ indexNumber: null, publishingOrganization: '某局' }, null).map(([, value]) => value)).toEqual([
    '',
    '某局',
    '',
    '',
    '',
    '',
    '',
    '',
  ]);
  expect(rows(null, '2022-09-23T12:40:00.000Z')).toEqual([]);
});
