// The rule for quotes said by a group (src/lib/collective-quotes.ts): the finder's mark
// when it sets one, else the group's words the lexicon knows.
import { isCollective, namedQuotes } from '../../src/lib/collective-quotes';

const quote = (speakerName: string, collective?: boolean) => ({
  text: '……',
  speakerName,
  speakerPosition: null,
  speakerOrganization: null,
  ...(collective === undefined ? {} : { collective }),
});

test('a quote is collective when the finder says so, or, unmarked, when its speaker is a group', () => {
  expect(isCollective(quote('李明', true))).toBe(true);
  expect(isCollective(quote('与会代表', false))).toBe(false);
  expect(isCollective(quote('与会代表'))).toBe(true);
  expect(isCollective(quote('大家'))).toBe(true);
  expect(isCollective(quote('谢小云'))).toBe(false);
  expect(namedQuotes([quote('与会代表'), quote('谢小云'), quote('代表们', true)]).map((q) => q.speakerName)).toEqual(['谢小云']);
});
