// The quote finder: reads the text of a news article and returns each direct quote
// (“…”) with its speaker split into name, position and organisation, in order. Pure
// TypeScript, no Strapi: the importer (scripts/import.js) and the editor's 识别引语 use it.
//
// What it takes for speech, as this kind of writing puts it:
//   quote then attribution     “…。”杭州市机关事务管理局党组书记、局长韩卫表示。
//   attribution then quote     …在发言中说:“…”  /  …徐灵波对…有了更深刻的理解。“…”
//   a pronoun                  他感慨地说:“…” (the person just named)
//   descriptors                先进集体代表、… / 全省…先进集体,…的 / 来自…的
//   the site's own province    省机关事务管理局 → 浙江省机关事务管理局 (options.province)
//   来自…的 POSITION NAME         “…”来自长丰县机关事务服务中心的采购员孙晓倩说。
//   a scene or time before         座谈会结束前,县财政局局长王强总结道 (not part of the organisation)
//   a place is not a post          从食堂的餐务服务台走上…的莫佳佳 / 在区政府食堂工作了十年的… (从/在/来到/走上)
//   a pronoun, or a name again     她说 / 其坦言 / 该同志 / 王强说: the person named last before, with the
//                                  organisation and position given when they were introduced
//   a group                        不少基层干部坦言, 与会代表一致认为: collective, named by the group's
//                                  words as written (大家 stays 大家; 他们 names no group: 与会代表)
//   any quotation marks            “…”, 「…」 with 『…』 inside, a quote over paragraphs (each opens
//                                  with “, only the last closes), English pages (“…,” said NAME, POST of ORG)
//   full-width punctuation         ，：；！？ as well as their ASCII forms
// What it does not take: quoted terms and slogans (“两个先行”, “最多跑一次”: no sentence end, no
// speech verb), single-quoted words (‘公务餐’), titles (《…》), reported speech without
// quotation marks.
import {
  AFTER_NAME,
  COLLECTIVE,
  COLLECTIVE_NAME,
  DESCRIPTORS,
  DOUBLE_SURNAMES,
  GENERIC_POSITION,
  GROUP,
  ORG_END,
  POSITIONS,
  POSITIONS_AFTER_NAME,
  PRONOUN,
  RELATIONS,
  SPEECH_ANY,
  SPEECH_START,
  SPEECH_VERB,
  SURNAMES,
  TERMINAL,
  VERBS,
} from './lexicon';

export type Speaker = { speakerName: string; speakerPosition: string | null; speakerOrganization: string | null };
export type FoundQuote = Speaker & {
  text: string;
  /** Said by a group (与会代表, 大家, 不少干部), not a named person: speakerName holds the group's words. */
  collective?: boolean;
};
export type FinderOptions = {
  /** The site's own province (e.g. 浙江省): an organisation written 省… is that province's. */
  province?: string | null;
};

type Span = { start: number; end: number; text: string };
type Found = Speaker & { collective?: boolean };

const SENTENCE_END = /[。!?！？]/;
const SENTENCE_BREAK = new Set('。!?！？;；\n');
/** The longest attribution clause read, and the longest organisation + position before a name. */
const MAX_CLAUSE = 400;
const MAX_PREFIX = 120;
/** Where two paragraphs of one quote meet (the second's opening mark dropped); \n in the quote's text. */
const JOIN = '\u2029';
/** Words that open a sentence before its subject (随后,…). */
const CONNECTIVES = /^(?:随后|之后|接着|同时|此外|另外|会上|会议上|会后|座谈会上|最后|首先|其次|其中|对此|据)[,，]?/;
/** Words that say where someone is or was (从…走上…的, 在…工作…的, 来到…的): a place, not a post. */
const PLACE_START = /^(?:从|在|来到|走上|走进)/;
const PLACE_VERB = /走上|走到|走进|调到|调入|调任|转岗|转到|转入|来到|工作|扎根|坚守|服务|生活|成长/;
/**
 * A section of an institution written between it and the position (…管理局物业科科长, …中心的膳食科科长,
 * …中心党支部书记, …中心食堂管理员): the section belongs to the position, the institution is the organisation.
 */
const SECTION_OF =
  /^(.+?(?:局|中心|厅|委员会|管委会|政府|医院|公司|集团|学校|大学|研究院|研究所))的?([\u4e00-\u9fa5]{0,8}?(?:科|股|处|室|组|班|支部|党委|食堂|车队|车间))$/;
/** A group noun (职工, 代表们) does not name a person. */
const GROUP_NOUN = /^(?:职工|干部|代表|人员|群众|党员|居民|村民|市民|员工|学员)/;
/** Words that count or gather people before a noun: what follows is a group (不少干部, 与会代表). */
const QUANTIFIED = /(?:不少|许多|很多|部分|一些|广大|多位|多名|各位|与会|参会|参训|全体)[\u4e00-\u9fa5]{0,4}$/;
/** Characters that do not start a name (干部们纷纷说: not a name 们纷纷). */
const SURNAME_SET = new Set(SURNAMES);
const DOUBLE_FIRST = new Set(DOUBLE_SURNAMES.map((surname) => surname[0]));
const NAME_STOP = new Set('们在是说对从向为将已也还就都和与及等的了着过被把让给于');
/** What follows a name of two characters, so that the third is not part of it (郑丽在…, 陈骥表示, 张秀英主持…). */
const AFTER_SHORT_NAME = [
  '出席',
  '主持',
  '今年',
  '带领',
  '牵头',
  '负责',
  '每月',
  '每天',
  '正在',
  '是',
  '从事',
  '已',
  '等',
  '和',
  '与',
  '及',
  '的',
  '同志',
  // 何静第一个发言, 李明首先介绍: an ordinal or "first" after the name.
  '第一',
  '第二',
  '第三',
  '首先',
  '率先',
  ...[
    '打开',
    '拿出',
    '翻开',
    '指着',
    '看着',
    '走进',
    '来到',
    '带着',
    '握着',
    '望着',
    '站在',
    '坐在',
    '回到',
    '刚',
    '曾',
    '多年',
    '常',
    '总是',
    '始终',
    '一直',
  ],
];
const shortNameEnds = (rest: string) =>
  !/^[\u4e00-\u9fa5]/.test(rest) || startsWithAny(rest, AFTER_NAME) || startsWithAny(rest, AFTER_SHORT_NAME);

/** 「」 and 『』 read as “” and ‘’ (the same length: offsets hold). */
const shadowOf = (paragraph: string) => paragraph.replace(/「/g, '“').replace(/」/g, '”').replace(/『/g, '‘').replace(/』/g, '’');

const opensUnclosed = (shadow: string) => shadow.lastIndexOf('“') > shadow.lastIndexOf('”');

/** The text's paragraphs; a quote over several (“… / “…”) is one, joined by JOIN. */
const paragraphsOf = (text: string) => {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const last = out.at(-1);
    if (last !== undefined && opensUnclosed(shadowOf(last)) && /^[“「]/.test(raw)) out[out.length - 1] = last + JOIN + raw.slice(1);
    else if (last !== undefined && raw.trim() === '' && opensUnclosed(shadowOf(last))) continue;
    else out.push(raw);
  }
  return out;
};

/** The “…” spans of a paragraph (‘…’ inside one stays in its text). */
const quoteSpans = (shadow: string, paragraph: string): Span[] => {
  const spans: Span[] = [];
  let from = 0;
  for (;;) {
    let open = shadow.indexOf('“', from);
    if (open < 0) break;
    const close = shadow.indexOf('”', open + 1);
    if (close < 0) break;
    // An opening mark left unclosed (or a “ misused inside a quote): the span starts at the last one.
    const reopened = shadow.lastIndexOf('“', close);
    if (reopened > open) open = reopened;
    spans.push({
      start: open,
      end: close + 1,
      text: paragraph
        .slice(open + 1, close)
        .split(JOIN)
        .join('\n'),
    });
    from = close + 1;
  }
  return spans;
};

/** Spans that follow one another with nothing between them (“振奋!”“激动!”) share a speaker. */
const runsOf = (paragraph: string, spans: Span[]) => {
  const runs: Span[][] = [];
  for (const span of spans) {
    const last = runs.at(-1);
    if (last && paragraph.slice(last.at(-1)!.end, span.start).trim() === '') last.push(span);
    else runs.push([span]);
  }
  return runs;
};

const startsWithAny = (text: string, words: readonly string[]) => words.some((word) => text.startsWith(word));
const POSITION_FIRST = new Set(POSITIONS.map((position) => position[0]));
const POSITIONS_BY_LAST = new Map<string, string[]>();
for (const position of POSITIONS) POSITIONS_BY_LAST.set(position.at(-1)!, [...(POSITIONS_BY_LAST.get(position.at(-1)!) ?? []), position]);
const POSITION_LAST = new Set([...POSITIONS_BY_LAST.keys(), '员', '师']);
/** Whether `text` ends, at `end`, with a position (局长, 党组书记, or a trade such as 护林员). */
const endsWithPosition = (text: string, end = text.length) => {
  const last = text[end - 1];
  if (!POSITION_LAST.has(last)) return false;
  if ((POSITIONS_BY_LAST.get(last) ?? []).some((position) => text.startsWith(position, end - position.length))) return true;
  return (last === '员' || last === '师') && /^[\u4e00-\u9fa5]{2,3}$/.test(text.slice(Math.max(0, end - 3), end)) && end >= 2;
};

/** Parses `党组书记、局长,市接待办主任`: positions joined by 、 or a comma (a later one may name its office). */
const isPositionList = (text: string): boolean => {
  if (text === '') return false;
  const items = text.split(/[、,，]/);
  return items.every((item, i) => {
    if (POSITIONS.includes(item) || (i === items.length - 1 && GENERIC_POSITION.test(item))) return true;
    // 市接待办主任: an office, then a position (not for the first item: that would eat the organisation).
    return i > 0 && POSITIONS.some((position) => item.endsWith(position) && item.length - position.length <= 8);
  });
};

/** 从食堂的餐务服务台走上了…领奖台的 / 在区政府食堂工作了十年的: dropped, up to the 的 after the verb. */
const withoutPlace = (text: string) => {
  if (!PLACE_START.test(text)) return text;
  const verb = PLACE_VERB.exec(text);
  if (!verb) return text;
  const of = text.indexOf('的', verb.index + verb[0].length);
  return of >= 0 ? text.slice(of + 1) : text;
};

/** The organisation and position written before a name: 杭州市机关事务管理局党组书记、局长 → both. */
export const splitOrganization = (prefix: string, province?: string | null): Omit<Speaker, 'speakerName'> => {
  let text = prefix.trim();
  text = withoutPlace(text.replace(CONNECTIVES, ''));
  for (const descriptor of DESCRIPTORS) text = text.replace(descriptor, '');
  if (RELATIONS.some((relation) => text.endsWith(relation))) return { speakerPosition: null, speakerOrganization: null };
  let organization = '';
  let position = '';
  if (text.endsWith('的')) {
    organization = text.slice(0, -1);
  } else {
    const of = text.lastIndexOf('的');
    if (of > 0 && isPositionList(text.slice(of + 1))) {
      organization = text.slice(0, of);
      position = text.slice(of + 1);
    } else {
      // The earliest split whose rest is all positions: 管委会党政办|副主任, 管理局|办公室负责人.
      // A trade read from its last characters (局|厨师, not 局厨师) starts where an organisation can end.
      let split = text.length;
      let first = -1;
      for (let i = 0; i < text.length; i += 1) {
        if (!isPositionList(text.slice(i))) continue;
        if (first < 0) first = i;
        if (i === 0 || ORG_END.test(text.slice(0, i))) {
          split = i;
          break;
        }
      }
      if (split === text.length && first >= 0) split = first;
      organization = text.slice(0, split);
      position = text.slice(split);
    }
  }
  // A scene or time before the organisation (座谈会结束前,…): organisations have no commas.
  organization = organization.replace(/[,，、\s]+$/, '');
  organization = (organization.split(/[,，]/).at(-1) ?? '').replace(/^[、\s]+/, '');
  organization = withoutPlace(organization);
  // 会议邀请了省…局的: the verb before the organisation is not part of it.
  organization = organization.replace(/^.*(?:了|邀请|请来|陪同)(?=[\u4e00-\u9fa5]{3})/, '');
  // What is left before a position and does not end as an organisation does (面点 + 班长) is part of the position.
  if (organization && !ORG_END.test(organization)) {
    if (position && organization.length <= 4 && /^[\u4e00-\u9fa5]+$/.test(organization)) position = organization + position;
    organization = '';
  }
  const section = position ? SECTION_OF.exec(organization) : null;
  if (section && !/行政中心$|政务中心$/.test(section[1])) {
    organization = section[1];
    position = section[2] + position;
  }
  if (province && /^省(?!长)/.test(organization)) organization = province + organization.slice(1);
  else if (province && province.endsWith('自治区') && organization.startsWith('自治区')) organization = province + organization.slice(3);
  return { speakerPosition: position || null, speakerOrganization: organization || null };
};

/** The people a text introduces (a position then a name: 主治医师罗晓丽, 干部乌兰,), and where it names them. */
class People {
  private readonly byName = new Map<string, Speaker>();
  /** The text with the words inside quotation marks blanked: where people are named, not quoted. */
  readonly masked: string;

  constructor(shadows: string[], province?: string | null) {
    this.masked = shadows.map((shadow) => shadow.replace(/“[^“”]*”/g, (quote) => ' '.repeat(quote.length))).join('\n');
    const text = this.masked;
    let sentenceStart = 0;
    let sentenceOrganization: string | null = null;
    for (let i = 0; i < text.length; i += 1) {
      if (SENTENCE_BREAK.has(text[i])) {
        sentenceStart = i + 1;
        sentenceOrganization = null;
        continue;
      }
      // A name right after a position: 局长王强, 护林员陶春生, 干部乌兰,
      if (i <= sentenceStart || !endsWithPosition(text, i)) continue;
      // 不少干部, 与会代表, 参会人员: a counted or gathered group, not a title.
      if (QUANTIFIED.test(text.slice(sentenceStart, i))) continue;
      // 厨师|长赵刚: the position goes on (厨师长).
      if (endsWithPosition(text, i + 1)) continue;
      const at = i;
      const name = nameAfterPosition(text, at);
      if (!name) continue;
      const prefix = text.slice(Math.max(sentenceStart, at - MAX_PREFIX), at);
      const split = splitOrganization(prefix, province);
      // 主任马国栋出席…,副主任张秀英主持: a position alone after a person of an organisation is that organisation's.
      if (!split.speakerOrganization && split.speakerPosition && /^[,，、]?[^,，]*$/.test(prefix.slice(prefix.search(/[,，][^,，]*$/))))
        split.speakerOrganization = sentenceOrganization;
      if (split.speakerOrganization) sentenceOrganization = split.speakerOrganization;
      const known = this.byName.get(name);
      if (!known || (!known.speakerOrganization && split.speakerOrganization)) this.byName.set(name, { speakerName: name, ...split });
      i = at + name.length - 1;
    }
  }

  get(name: string) {
    return this.byName.get(name);
  }

  /** Whether a person introduced has a name starting with `char`. */
  starts(char: string) {
    for (const name of this.byName.keys()) if (name[0] === char) return true;
    return false;
  }

  add(speaker: Speaker) {
    const known = this.byName.get(speaker.speakerName);
    if (!known || (!known.speakerOrganization && !known.speakerPosition)) this.byName.set(speaker.speakerName, speaker);
  }

  /** A name the text introduced, starting at `at` of `text` (the longest). */
  nameAt(text: string, at: number) {
    let best: string | null = null;
    for (const name of this.byName.keys()) if (text.startsWith(name, at) && (!best || name.length > best.length)) best = name;
    return best;
  }

  /** The person named last before `offset` of the text (他, 她, 其, 该同志 refer to them). */
  lastBefore(offset: number): Speaker | null {
    let best: Speaker | null = null;
    let bestAt = -1;
    for (const [name, speaker] of this.byName) {
      const at = this.masked.lastIndexOf(name, offset - 1);
      if (at > bestAt) {
        bestAt = at;
        best = speaker;
      }
    }
    return best;
  }

  /** The full record of a person named again without a title (王强说 after 局长王强…). */
  complete(speaker: Speaker): Speaker {
    if (speaker.speakerPosition || speaker.speakerOrganization) return speaker;
    return this.byName.get(speaker.speakerName) ?? speaker;
  }
}

/** A name right after a position (局长王强, 主治医师罗晓丽每月…, 干部乌兰,): surname names of 2 or 3 characters, others before a mark or a verb. */
const nameAfterPosition = (text: string, at: number): string | null => {
  const cjk = (from: number, length: number) =>
    /^[\u4e00-\u9fa5]+$/.test(text.slice(from, from + length)) &&
    !/[的了是]/.test(text.slice(from, from + length)) &&
    text.length >= from + length;
  // 代表常山县机关事务保障中心: a place and an organisation, not a name.
  if (/^[\u4e00-\u9fa5]{0,2}(?:省|市|县|区|州|旗|镇|乡|村|局|厅|委|中心|机关)/.test(text.slice(at + 1, at + 6))) return null;
  if (DOUBLE_SURNAMES.some((surname) => text.startsWith(surname, at))) {
    if (!cjk(at, 3)) return null;
    return cjk(at, 4) && !shortNameEnds(text.slice(at + 3, at + 13)) ? text.slice(at, at + 4) : text.slice(at, at + 3);
  }
  if (SURNAME_SET.has(text[at]) && cjk(at, 2)) {
    if (!cjk(at, 3)) return text.slice(at, at + 2);
    // 王小道说: the name the speech verb follows.
    if (SPEECH_START.test(text.slice(at + 3, at + 24))) return text.slice(at, at + 3);
    // 彭志刚分管… (刚, 曾, 常 read as "just", "once", "often"): the three characters are the name when the text names them again.
    const three = text.slice(at, at + 3);
    if ('刚曾常'.includes(three[2]) && text.indexOf(three, at + 3) >= 0) return three;
    return !shortNameEnds(text.slice(at + 2, at + 12)) ? text.slice(at, at + 3) : text.slice(at, at + 2);
  }
  if (NAME_STOP.has(text[at]) || !/[\u4e00-\u9fa5]/.test(text[at] ?? '')) return null;
  const ahead = text.slice(at, at + 8);
  if (startsWithAny(ahead, AFTER_NAME) || startsWithAny(ahead, AFTER_SHORT_NAME)) return null;
  // 代表纷纷表示, 干部职工感慨: an adverb, a doubled character or a group noun is no name.
  if (/^(?:纷纷|一致|普遍|齐声|连连|频频|都|也|均)/.test(ahead) || ahead[0] === ahead[1] || GROUP_NOUN.test(ahead)) return null;
  // Names without a Han surname run to four characters (泽仁拉姆, 阿依古丽): before a mark or a speech verb.
  for (const length of [2, 3, 4]) {
    if (!cjk(at, length)) return null;
    const rest = text.slice(at + length, at + length + 8);
    if (/^[,，、]/.test(rest) || /^(?:这样|说|表示|介绍|指出|强调|坦言|感慨)/.test(rest)) return text.slice(at, at + length);
  }
  return null;
};

/** A name's candidate in a clause: where it starts, the name, and how sure the verb after it is. */
type Candidate = { at: number; speaker: Speaker; strong: boolean };

/**
 * The people a clause names, in order: a surname after a position, a 的, a comma or the
 * clause's start; 2 or 3 characters (3 after 的: 来自…的张小红, 领奖台的莫佳佳), then a
 * verb or another predicate (说, 表示, 在会上, 感动万分…), or a position then a verb
 * (习近平总书记强调). Of 2 and 3 characters the one followed by a speech verb wins
 * (王小道说 is 王小道), else the shorter (郑丽在发言时说 is 郑丽). A person the text
 * introduced is a name wherever it stands.
 */
const candidates = (text: string, people: People | null, province?: string | null, beforeColon = false): Candidate[] => {
  // An attribution is a few dozen characters; a pasted wall of text without punctuation is not scanned whole.
  const clause = text.length > MAX_CLAUSE ? text.slice(-MAX_CLAUSE) : text;
  const found: Candidate[] = [];
  for (let i = 0; i < clause.length; i += 1) {
    // Only where a name may start: a surname, or the first character of a person introduced.
    if (!SURNAME_SET.has(clause[i]) && !DOUBLE_FIRST.has(clause[i]) && !people?.starts(clause[i])) continue;
    const prefix = clause.slice(0, i);
    const afterOf = prefix.endsWith('的');
    const titled = endsWithPosition(clause, i) && !endsWithPosition(clause, i + 1);
    const prefixOk = prefix === '' || afterOf || titled || /[,，、]$/.test(prefix) || RELATIONS.some((word) => prefix.endsWith(word));
    // 市财政局李明局长表示: an organisation, then a name with its position after it.
    const orgBefore = !prefixOk && ORG_END.test(prefix);
    const double = DOUBLE_SURNAMES.some((surname) => clause.startsWith(surname, i));
    // 党组书记 starts with a surname, and is not a name.
    const surnamed =
      (double || SURNAME_SET.has(clause[i])) &&
      (prefixOk || orgBefore) &&
      !(POSITION_FIRST.has(clause[i]) && POSITIONS.some((position) => clause.startsWith(position, i)));
    const lengths = (!surnamed ? [] : double ? [3, 4] : afterOf ? [3] : [2, 3]).filter(
      (length) =>
        /^[\u4e00-\u9fa5]+$/.test(clause.slice(i, i + length)) &&
        !/[的了是]/.test(clause.slice(i + 1, i + length)) &&
        // 孟凡第一个发言: 第 before a numeral is an ordinal, not the end of a name.
        !(clause[i + length - 1] === '第' && /^[一二三四五六七八九十]/.test(clause.slice(i + length)))
    );
    let best: Candidate | null = null;
    let bestScore = 0;
    for (const length of lengths) {
      const name = clause.slice(i, i + length);
      if (name.length < length) continue;
      let rest = clause.slice(i + length);
      // 习近平总书记强调, 李明局长表示: the position after the name.
      const leader = POSITIONS_AFTER_NAME.find((position) => rest.startsWith(position));
      const after = leader ?? (titled || afterOf ? undefined : POSITIONS.find((position) => rest.startsWith(position)));
      if (after) rest = rest.slice(after.length);
      if (orgBefore && !after) continue;
      // After a position or a 的, a name then a comma and a verb a little further on (姚红梅,分享了她的体会).
      const further = (titled || afterOf) && /^[,，][^,，。“”]{0,12}$/.test(rest.split(SPEECH_ANY)[0] ?? '') && SPEECH_ANY.test(rest);
      const adverb = ADVERB_VERB.test(rest);
      // 县机关事务中心主任李明打开了话匣子:“…”: a titled name, a few words, the colon of the quote.
      const introducing = beforeColon && titled && /^[^,，。“”:：]{1,12}[:：]\s*$/.test(rest);
      if ((!startsWithAny(rest, AFTER_NAME) && !further && !adverb && !introducing) || /^说明/.test(rest)) continue;
      const strong = SPEECH_START.test(rest) || adverb;
      if (after && !strong) continue;
      const split = leader
        ? { speakerPosition: leader, speakerOrganization: null }
        : after
          ? { speakerPosition: after, speakerOrganization: splitOrganization(prefix.slice(-MAX_PREFIX), province).speakerOrganization }
          : splitOrganization(prefix.slice(-MAX_PREFIX), province);
      // A verb right after the name beats a verb further on (柯文亮语重心长地说: not 柯文 + 亮…).
      const score = strong ? 3 : startsWithAny(rest, AFTER_NAME) ? 2 : 1;
      if (!best || score > bestScore) {
        best = { at: i, speaker: { speakerName: name, ...split }, strong };
        bestScore = score;
      }
    }
    // A person the text introduced is a name wherever it stands (and a longer name than the one read: 丁海涛).
    const known = people?.nameAt(clause, i);
    if (best && known && known.length > best.speaker.speakerName.length && known.startsWith(best.speaker.speakerName))
      best.speaker.speakerName = known;
    if (best) {
      found.push(best);
      continue;
    }
    if (known) {
      const rest = clause.slice(i + known.length);
      const split = prefixOk
        ? splitOrganization(prefix.slice(-MAX_PREFIX), province)
        : { speakerPosition: null, speakerOrganization: null };
      found.push({ at: i, speaker: { speakerName: known, ...split }, strong: SPEECH_START.test(rest) });
      i += known.length - 1;
    }
  }
  return found;
};

/** The person a clause names first (an attribution after its quote). */
export const findSpeaker = (text: string, province?: string | null, people: People | null = null): Speaker | null =>
  candidates(text, people, province)[0]?.speaker ?? null;

/** The person a clause names nearest its end (an attribution before its quote: …指出,X强调:“…”). */
const lastSpeaker = (text: string, province: string | null | undefined, people: People): Speaker | null =>
  candidates(text, people, province, /[:：]\s*$/.test(text))
    // 这样介绍吴光荣: a name right after such a verb is who is spoken of, not who speaks.
    .filter((candidate) => !OBJECT_VERB.test(text.slice(0, candidate.at)))
    .at(-1)?.speaker ?? null;
/** 王强动情地说 / 王强语气坚定地表示: an adverb of a few characters, 地, then the verb. */
const ADVERB_VERB = new RegExp(`^[\\u4e00-\\u9fa5]{1,6}?地(?:${VERBS})`);
const OBJECT_VERB = /(?:介绍|评价|告诉|问|对|向|给|称赞|表扬|采访|祝贺|感谢|看望|慰问|叫|喊)$/;

/** The sentence an attribution lives in: up to the sentence's end after the quote. */
const sentenceAfter = (paragraph: string, from: number) => {
  let rest = paragraph.slice(from, from + MAX_CLAUSE).replace(/^[,，\s]+/, '');
  const end = rest.search(SENTENCE_END);
  if (end >= 0) rest = rest.slice(0, end);
  // Up to the next quote; text that ends with a colon there introduces that quote, not this one.
  const next = rest.indexOf('“');
  if (next >= 0) rest = rest.slice(0, next);
  return /[:：]\s*$/.test(rest) && next >= 0 ? '' : rest;
};

/** The sentence before a quote (the attribution of `…说:“…”` or of a quote that starts a sentence). */
const sentenceBefore = (paragraph: string, to: number, floor: number) => {
  const text = paragraph.slice(Math.max(floor, to - MAX_CLAUSE), to).replace(/\s+$/, '');
  const body = text.replace(/[。!?！？]$/, '');
  let start = body.length;
  while (start > 0 && !SENTENCE_END.test(body[start - 1])) start -= 1;
  return body.slice(start);
};

/** The words of a clause nearest the quote: the last comma-separated part before it, the first after it. */
const nearest = (clause: string, before: boolean) => {
  const trimmed = clause.replace(/^[,，\s]+|[,，:：\s]+$/g, '');
  const parts = trimmed.split(/[,，]/);
  return ((before ? parts.at(-1) : parts[0]) ?? '').trim();
};

/** A time or scene phrase (培训结束后, 会上, 采访结束前) opening the clause after a quote: the speaker follows it. */
const SCENE = /^(?:[\u4e00-\u9fa5]{0,10}(?:后|前|时|之际|期间|上|中|里)|随后|之后|接着|最后|此外|同时|另外)$/;
const withoutScene = (clause: string, before: boolean) => {
  if (before) return clause;
  const parts = clause.replace(/^[,，\s]+/, '').split(/[,，]/);
  while (parts.length > 1 && SCENE.test(parts[0].trim())) parts.shift();
  return parts.join('，');
};

/** A group that speaks (不少基层干部坦言): its words, or null. */
const groupOf = (part: string): Found | null => {
  const match = GROUP.exec(part);
  if (!match) return null;
  const words = /^(?:他们|她们)$/.test(match[1]) ? COLLECTIVE_NAME : match[1];
  return { speakerName: words, speakerPosition: null, speakerOrganization: null, collective: true };
};

const EN_VERB = '(?:said|says|added|noted|explained|stressed|emphasi[sz]ed|recalled|remarked|observed|admitted|told reporters|pointed out)';
/** `Name Surname, a POSITION at the ORG,`: how an English story introduces a person. */
const EN_APPOSITIVE =
  /([A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}),\s*(?:an?\s+|the\s+)?([a-z][a-z ]*?)\s+(?:of|at|from|with)\s+(?:the\s+)?([A-Z][^,.]*?)[,.]/g;
const isEnglish = (paragraph: string) =>
  /[A-Za-z]{3}/.test(paragraph) &&
  (paragraph.match(/[A-Za-z]/g)?.length ?? 0) > 10 + 3 * (paragraph.match(/[\u4e00-\u9fa5]/g)?.length ?? 0);

/** An English subject: `Han Wei, Party secretary and director of the … Administration`, `she`, `participants`. */
const englishSpeaker = (subject: string, last: Speaker | null, people: Map<string, Speaker>, fullText = ''): Found | null => {
  const text = subject.trim().replace(/,$/, '');
  if (/^(?:he|she)$/i.test(text)) return last;
  // Liu, who has worked there for years: the person of that surname named before.
  const surname = /^([A-Z][a-z]+)(?:,|$)/.exec(text)?.[1];
  if (surname) {
    for (const [name, speaker] of people) if (name.startsWith(`${surname} `)) return speaker;
    // Mo, a driver from the …: the person of that surname the story named, with the post given here.
    const full = new RegExp(`\\b${surname} [A-Z][a-z]+\\b`).exec(fullText)?.[0];
    const post = /^[A-Z][a-z]+,\s*(?:an?\s+|the\s+)?(.+?)\s+(?:of|at|from|with)\s+(?:the\s+)?(.+)$/.exec(text);
    if (full) return { speakerName: full, speakerPosition: post?.[1] ?? null, speakerOrganization: post?.[2] ?? null };
  }
  const named = /^([A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})(?:,\s*(?:an?\s+|the\s+)?(.+?)\s+(?:of|at|from|with)\s+(?:the\s+)?(.+?))?$/.exec(
    text
  );
  if (named) {
    const speaker = { speakerName: named[1], speakerPosition: named[2] ?? null, speakerOrganization: named[3] ?? null };
    return speaker.speakerPosition || speaker.speakerOrganization ? speaker : (people.get(named[1]) ?? speaker);
  }
  if (/^(?:[A-Z][a-z]+\s+)?[a-z]/.test(text) && text.split(/\s+/).length <= 4)
    return { speakerName: text, speakerPosition: null, speakerOrganization: null, collective: true };
  return null;
};

/** The quotes of an English paragraph: “…,” said NAME, POST of ORG. / NAME, POST of ORG, said: “…” / “…,” she said. */
const englishQuotes = (paragraph: string, state: { last: Speaker | null; people: Map<string, Speaker>; text: string }): FoundQuote[] => {
  const found: FoundQuote[] = [];
  const spans = [...paragraph.matchAll(/“([^“”]*)”|"([^"]*)"/g)];
  let floor = 0;
  for (const span of spans) {
    const start = span.index ?? 0;
    const end = start + span[0].length;
    const text = (span[1] ?? span[2] ?? '').split(JOIN).join('\n');
    const after = paragraph
      .slice(end)
      .split(/(?<=[.!?])\s|[“"]/)[0]
      .replace(/\.$/, '');
    const beforeAll = paragraph.slice(floor, start);
    // People introduced before the quote (Name, a POSITION at the ORG, …): he or she is the last of them.
    for (const intro of beforeAll.matchAll(EN_APPOSITIVE)) {
      const person = { speakerName: intro[1], speakerPosition: intro[2], speakerOrganization: intro[3] };
      state.people.set(person.speakerName, person);
      state.last = person;
    }
    const before = beforeAll.split(/(?<=[.!?])\s/).at(-1) ?? '';
    let subject: string | null = null;
    let match: RegExpExecArray | null;
    if ((match = new RegExp(`^\\s*,?\\s*${EN_VERB}\\s+(.+)$`).exec(after))) subject = match[1];
    else if ((match = new RegExp(`^\\s*,?\\s*(.+?)\\s+${EN_VERB}\\b`).exec(after))) subject = match[1];
    else if ((match = new RegExp(`^(.+?)\\s+${EN_VERB}\\s*[:,]?\\s*$`).exec(before))) subject = match[1];
    floor = end;
    if (!subject || (!/[,.!?:;]$/.test(text.trim()) && !/[:,]\s*$/.test(before))) continue;
    // He or she: the person named last before the quote in its paragraph (Chen stressed that … “…,” he added), else the last speaker.
    let mentioned: Speaker | null = null;
    let mentionedAt = -1;
    for (const [name, person] of state.people) {
      const at = Math.max(beforeAll.lastIndexOf(name), beforeAll.search(new RegExp(`\\b${name.split(' ')[0]}\\b(?![ -][A-Z])`)));
      if (at > mentionedAt) [mentioned, mentionedAt] = [person, at];
    }
    const speaker = englishSpeaker(
      subject.replace(/^(?:At|In|During|After|Before|On)\b[^,]*,\s*/, ''),
      mentioned ?? state.last,
      state.people,
      state.text
    );
    if (!speaker) continue;
    if (!speaker.collective) {
      state.last = speaker;
      if (speaker.speakerPosition || speaker.speakerOrganization || !state.people.has(speaker.speakerName))
        state.people.set(speaker.speakerName, speaker);
    }
    found.push({ text, ...speaker });
  }
  return found;
};

/** The page read last, and its people: the commendation reader reads the same text right after the finder. */
let lastRead: { text: string; province: string | null; people: People } | null = null;
const peopleIn = (text: string, province: string | null, shadows?: string[]) => {
  if (lastRead && lastRead.text === text && lastRead.province === province) return lastRead.people;
  const people = new People(shadows ?? paragraphsOf(text).map(shadowOf), province);
  lastRead = { text, province, people };
  return people;
};

export const findQuotes = (text: string, options: FinderOptions = {}): FoundQuote[] => {
  const found: FoundQuote[] = [];
  const paragraphs = paragraphsOf(text);
  const shadows = paragraphs.map(shadowOf);
  // Built afresh (a text read twice may have been changed in between), then kept for the commendation reader.
  lastRead = null;
  const people = peopleIn(text, options.province ?? null, shadows);
  const english = { last: null as Speaker | null, people: new Map<string, Speaker>(), text };
  let lastNamed: Speaker | null = null;
  let base = 0;
  for (const [index, paragraph] of paragraphs.entries()) {
    const shadow = shadows[index];
    const offset = base;
    base += paragraph.length + 1;
    if (isEnglish(paragraph)) {
      found.push(...englishQuotes(paragraph, english));
      continue;
    }
    const runs = runsOf(shadow, quoteSpans(shadow, paragraph));
    // Where the text after the last quote taken as speech starts: an attribution before a
    // quote never reaches into an earlier one.
    let floor = 0;
    for (const run of runs) {
      const first = run[0];
      const last = run.at(-1)!;
      // Only its end matters (a colon before the quote).
      const before = shadow.slice(Math.max(floor, first.start - 16), first.start).replace(/\s+$/, '');
      const colon = /[:：]$/.test(before);
      const after = sentenceAfter(shadow, last.end);
      const afterStartsSentence = /^[。!?！？]?$/.test(
        shadow
          .slice(last.end, last.end + 64)
          .trim()
          .slice(0, 1)
      );
      const speechAfter = SPEECH_VERB.test(after.split(/[,，]/)[0] ?? '') || /^[^,，。]{0,40}?(?:说|表示)/.test(after);
      const isSpeech = run.every((span) => TERMINAL.test(span.text)) || colon || speechAfter;
      if (!isSpeech) continue;

      const clauses = [
        // Quote then attribution, unless the quote closes its sentence.
        ...(afterStartsSentence ? [] : [after]),
        // Attribution then quote.
        sentenceBefore(shadow, first.start, floor),
      ];
      const clauseIsBefore = clauses.map((_, i) => i === clauses.length - 1);
      let speaker: Found | null = null;
      for (const [i, clause] of clauses.entries()) {
        const part = nearest(withoutScene(clause, clauseIsBefore[i]), clauseIsBefore[i]);
        // 他们/她们: a group, not the person just named.
        if (/^(?:他们|她们)/.test(part)) {
          speaker = { speakerName: COLLECTIVE_NAME, speakerPosition: null, speakerOrganization: null, collective: true };
          break;
        }
        speaker = clauseIsBefore[i] ? lastSpeaker(clause, options.province, people) : findSpeaker(clause, options.province, people);
        if (speaker) {
          speaker = people.complete(speaker);
          break;
        }
        if (PRONOUN.test(part) || /^用(?:他|她)的话(?:来)?说$/.test(part)) {
          speaker = people.lastBefore(offset + first.start) ?? lastNamed;
          if (speaker) break;
        }
        speaker = groupOf(part);
        if (speaker) break;
        const gathered = COLLECTIVE.exec(clause)?.[0];
        if (gathered) {
          // The group as written (大家, 与会人员); 的代表 names none.
          const words = gathered === '的代表' ? COLLECTIVE_NAME : gathered;
          speaker = { speakerName: words, speakerPosition: null, speakerOrganization: null, collective: true };
          break;
        }
      }
      floor = last.end;
      if (!speaker) continue;
      if (!speaker.collective) {
        lastNamed = speaker;
        people.add(speaker);
      }
      for (const span of run) found.push({ text: span.text, ...speaker });
    }
  }
  return found;
};

/** The people a text introduces, for the commendation reader: name → organisation and position. */
export const peopleOf = (text: string, province?: string | null) => {
  const people = peopleIn(text, province ?? null);
  return (name: string) => people.get(name) ?? null;
};
