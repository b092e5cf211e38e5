// The 操作日志 keeps personal numbers masked (#27, finding 7): the masking itself, with the
// publish checks' detectors, and the diff that records a masked change and says so.
import { maskChanges, maskDeep, maskedOffset, maskText } from '../../src/lib/audit/mask-personal-data';
import { diffFields, MAX_TEXT, titleOf, type AttributeInfo } from '../../src/lib/audit/diff';
import { findPersonalData } from '../../src/lib/inspection/personal-data';

const ID = '11010519491231002X';
const ID_MASKED = '110***********002X';
const MOBILE = '13812345678';
const MOBILE_MASKED = '138****5678';
const CARD = '6222021234567894';
const CARD_MASKED = '6222********7894';
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const ATTRIBUTES: Record<string, AttributeInfo> = {
  title: { type: 'string' },
  summary: { type: 'text' },
  body: { type: 'blocks' },
  disclosure: { type: 'component' },
};
/** Any run of the raw numbers' digits long enough to identify someone. */
const RAW = /1101051949|12345678|0212345678|13812345/;

describe('masking a text', () => {
  test('replaces each ID, mobile and bank card number by its masked form and names the kinds', () => {
    const text = `身份证${ID}，电话 ${MOBILE}，卡号${CARD}。`;
    expect(maskText(text)).toEqual({
      value: `身份证${ID_MASKED}，电话 ${MOBILE_MASKED}，卡号${CARD_MASKED}。`,
      kinds: ['id-number', 'mobile-number', 'bank-card'],
    });
  });

  test('is idempotent: a masked text has nothing left to mask', () => {
    const once = maskText(`${ID} ${MOBILE} ${CARD}`).value;
    expect(findPersonalData(once)).toEqual([]);
    expect(maskText(once)).toEqual({ value: once, kinds: [] });
  });

  test('leaves text without personal numbers alone, order numbers and 文号 included', () => {
    for (const text of ['国办发〔2019〕19号', '订单号 A13812345678B', '2026年11月30日', ''])
      expect(maskText(text)).toEqual({ value: text, kinds: [] });
  });

  test('a mobile written with separators is masked whole', () => {
    expect(maskText('+86 138-1234-5678').value).toBe(MOBILE_MASKED);
  });

  test('offsets map into the masked text, a place inside a number to its start', () => {
    const text = `电话+86 138-1234-5678，另见`;
    const masked = maskText(text).value;
    expect(masked).toBe(`电话${MOBILE_MASKED}，另见`);
    expect(maskedOffset(text, text.indexOf('另'))).toBe(masked.indexOf('另'));
    expect(maskedOffset(text, text.indexOf('5678'))).toBe(2);
    expect(maskedOffset(text, 1)).toBe(1);
  });

  test('every string of a JSON value, keys kept', () => {
    expect(maskDeep({ a: [MOBILE, 1, null, { [MOBILE]: ID }] })).toEqual({
      value: { a: [MOBILE_MASKED, 1, null, { [MOBILE]: ID_MASKED }] },
      kinds: ['id-number', 'mobile-number'],
    });
  });

  test('changes of any recorder (a review comment, an accepted warning’s reason) name what they masked', () => {
    const { value } = maskChanges({ stage: { before: 'review1', after: 'draft' }, comment: { after: `请联系 ${MOBILE}` } });
    expect(value).toEqual({
      stage: { before: 'review1', after: 'draft' },
      comment: { after: `请联系 ${MOBILE_MASKED}`, masked: ['mobile-number'] },
    });
    // Again: nothing changes, the kinds named before stay.
    expect(maskChanges(value).value).toEqual(value);
    expect(maskChanges(null).value).toBeNull();
  });
});

describe('the diff records personal numbers masked', () => {
  test('a number typed, then masked: both sides masked, and the change says which kind it was', () => {
    const typed = diffFields(ATTRIBUTES, { summary: '联系电话：' }, { summary: `联系电话：${MOBILE}` });
    expect(typed.summary).toEqual({ before: '联系电话：', after: `联系电话：${MOBILE_MASKED}`, masked: ['mobile-number'] });
    const fixed = diffFields(ATTRIBUTES, { summary: `联系电话：${MOBILE}` }, { summary: `联系电话：${MOBILE_MASKED}` });
    // Alike once masked, yet recorded: the log says a number changed.
    expect(fixed.summary).toEqual({ before: `联系电话：${MOBILE_MASKED}`, after: `联系电话：${MOBILE_MASKED}`, masked: ['mobile-number'] });
  });

  test('rich text and components are masked too; the title shown is masked', () => {
    const changes = diffFields(
      ATTRIBUTES,
      { body: [paragraph('正文')], disclosure: { id: 1, topic: '综合' } },
      { body: [paragraph(`正文 ${ID}`)], disclosure: { id: 2, topic: `综合 ${CARD}` } }
    );
    expect(JSON.stringify(changes)).not.toMatch(RAW);
    expect(changes.body.after).toEqual({ length: `正文 ${ID_MASKED}`.length, offset: 0, excerpt: `正文 ${ID_MASKED}` });
    expect(changes.body.masked).toEqual(['id-number']);
    expect(changes.disclosure).toEqual({ before: { topic: '综合' }, after: { topic: `综合 ${CARD_MASKED}` }, masked: ['bank-card'] });
    expect(titleOf({ title: `寻人 ${MOBILE}` })).toBe(`寻人 ${MOBILE_MASKED}`);
  });

  test('an excerpt of a long text never starts or ends inside a number (it was cut to 1101051949… before)', () => {
    const filler = (n: number) => '文'.repeat(n);
    // The change lies so that the excerpt's window ends, and then starts, in the middle of the ID.
    for (const gap of [150, 10, 30, 45]) {
      const before = `${filler(300)}甲${filler(gap)}${ID}${filler(300)}`;
      const after = `${filler(300)}乙${filler(gap)}${ID}${filler(300)}`;
      const around = `${filler(300)}${filler(gap)}${ID}${filler(40)}甲${filler(300)}`;
      const aroundAfter = `${filler(300)}${filler(gap)}${ID}${filler(40)}乙${filler(300)}`;
      for (const [a, b] of [
        [before, after],
        [around, aroundAfter],
      ]) {
        const changes = diffFields(ATTRIBUTES, { summary: a, body: [paragraph(a)] }, { summary: b, body: [paragraph(b)] });
        expect(JSON.stringify(changes)).not.toMatch(RAW);
        expect((changes.summary.after as { excerpt: string }).excerpt.length).toBeLessThanOrEqual(MAX_TEXT);
      }
    }
  });

  test('a number changed inside a long text: the excerpt is placed at it, masked', () => {
    const before = `${'文'.repeat(400)}电话${MOBILE}${'文'.repeat(400)}`;
    const after = `${'文'.repeat(400)}电话${MOBILE_MASKED}${'文'.repeat(400)}`;
    const changes = diffFields(ATTRIBUTES, { summary: before }, { summary: after });
    expect((changes.summary.before as { excerpt: string }).excerpt).toContain(`电话${MOBILE_MASKED}`);
    expect((changes.summary.after as { excerpt: string }).excerpt).toContain(`电话${MOBILE_MASKED}`);
    expect(changes.summary.masked).toEqual(['mobile-number']);
  });
});
