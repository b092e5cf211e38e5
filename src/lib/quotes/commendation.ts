// Commendation facts in an article's text: the quotas (80个先进集体和180名先进个人), the
// commended units and individuals it names (in a speaker's descriptor, in 名单 lists, in a
// sentence: A、B、C等10个单位被评为先进集体 / 对ORG NAME、ORG NAME等同志予以表扬, a person
// 被评为…先进个人, and English: X, Y and Z were among the units named advanced collectives),
// and the city of each. Pure TypeScript, beside the quote finder.
import { findSpeaker, peopleOf, splitOrganization } from './finder';
import { DOUBLE_SURNAMES, ORG_END, SURNAMES } from './lexicon';
import { placeOf } from './places';

export type Commendation = { unitQuota: number | null; individualQuota: number | null };
export type CommendedUnit = { name: string; city: string | null; district: string | null };
export type CommendedIndividual = { name: string; organization: string | null; position: string | null; city: string | null };
export type CommendationFacts = {
  commendation: Commendation | null;
  /** What the quotas are of, as a commendation's title (全省机关事务工作先进集体和先进个人) and its level. */
  commendationTitle: string | null;
  commendationLevel: 'national' | 'provincial' | 'municipal' | null;
  commendedUnits: CommendedUnit[];
  commendedIndividuals: CommendedIndividual[];
};

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 180, 一百八十, 八十 → a number; null when it is not one. */
export const parseCount = (text: string): number | null => {
  if (text.length > 8) return null;
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const char of text) {
    if (char in DIGITS) digit = DIGITS[char];
    else if (char in UNITS) {
      total += (digit || 1) * UNITS[char];
      digit = 0;
    } else return null;
  }
  return total + digit;
};

const COUNT = '(\\d{1,6}|[〇零一二两三四五六七八九十百千]{1,8})';
const QUOTAS = [
  new RegExp(`${COUNT}个(?:[^,，。]{0,12}?)先进集体(?:和|、|及|与|,|，)${COUNT}名(?:[^,，。]{0,12}?)先进个人`),
  new RegExp(`先进集体${COUNT}个(?:和|、|及|与|,|，)先进个人${COUNT}名`),
];

const unitFromName = (name: string): CommendedUnit => ({ name, ...placeOf(name) });

const uniqueBy = <T>(items: T[], key: (item: T) => string) => {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/** The lines of a 名单 list: after a heading naming 先进集体 or 先进个人 (and 名单 or a count), until a blank line or another heading. */
const listsOf = (lines: string[]) => {
  const units: string[] = [];
  const individuals: string[] = [];
  let into: string[] | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    // A list's heading names the list (名单) or counts it (先进集体(20个)); 附件:…名单 only points to one.
    if (/^附件|[:：]/.test(line)) {
      into = null;
      continue;
    }
    if (/先进集体.*(?:名单|[(（]\d+个[)）])/.test(line) && line.length <= 40) {
      into = units;
      continue;
    }
    if (/先进个人.*(?:名单|[(（]\d+名[)）])/.test(line) && line.length <= 40) {
      into = individuals;
      continue;
    }
    if (!into) continue;
    if (line === '' || line.length > 120 || /[。!?！？“”:：]/.test(line) || /^\d{4}\s*年/.test(line)) {
      into = null;
      continue;
    }
    into.push(line);
  }
  return { units, individuals };
};

/** `张三 杭州市机关事务管理局办公室主任`, `张三(杭州市…)`, `杭州市…  张三`: one commended person. */
const individualFrom = (entry: string): CommendedIndividual | null => {
  // 刘芳（女）: the sex written after a name in a 名单 is not part of it.
  const text = entry.trim().replace(/[(（][男女][)）]/, '');
  let name: string | undefined;
  let rest = '';
  let match = /^([\u4e00-\u9fa5]{2,4})[(（](.+)[)）]$/.exec(text);
  if (match) [, name, rest] = match;
  else if ((match = /^([\u4e00-\u9fa5]{2,4})[\s ]+(.+)$/.exec(text))) [, name, rest] = match;
  else if ((match = /^(.+?)[\s ]+([\u4e00-\u9fa5]{2,4})$/.exec(text))) [, rest, name] = match;
  else if (/^[\u4e00-\u9fa5]{2,4}$/.test(text)) name = text;
  if (!name) return null;
  const speaker = findSpeaker(`${rest}${name}说`);
  const organization = speaker?.speakerName === name ? speaker.speakerOrganization : rest || null;
  const position = speaker?.speakerName === name ? speaker.speakerPosition : null;
  return { name, organization: organization || null, position, city: organization ? placeOf(organization).city : null };
};

/** A list inside a sentence ends so: 等单位, 等10个单位, 等集体, 等同志, 等50名同志. */
const LISTED = /等(?:\d+|[一二两三四五六七八九十百]+)?(?:个|家|名|位)?(?:先进)?(单位|集体|同志|个人|人)/g;
/** What the sentence does with the list: commends it (not 通报批评). */
const COMMENDS = /授予|被评为|评为|荣获|获评|表彰|表扬|嘉奖|记功/;

/** `郑州市机关事务管理局王建军`: the organisation, then a name of 2 or 3 characters. */
const orgAndName = (
  entry: string,
  known: (name: string) => boolean = () => false
): { name: string; organization: string | null } | null => {
  const text = entry.trim().replace(/同志$/, '');
  // A person the text introduced, whatever their name's form (names without a Han surname: 阿依古丽).
  for (let at = Math.max(0, text.length - 6); at <= text.length - 2; at += 1)
    if (known(text.slice(at)) && (at === 0 || ORG_END.test(text.slice(0, at).replace(/的$/, ''))))
      return { name: text.slice(at), organization: at ? text.slice(0, at).replace(/的$/, '') : null };
  // 张三(县财政局)
  const bracketed = /^([\u4e00-\u9fa5]{2,4})[(（](.+)[)）]$/.exec(text);
  if (bracketed) return { name: bracketed[1], organization: bracketed[2] };
  if (/^[\u4e00-\u9fa5]{2,3}$/.test(text)) return { name: text, organization: null };
  for (const length of [3, 2]) {
    const at = text.length - length;
    if (at < 1) continue;
    const double = length === 3 && DOUBLE_SURNAMES.some((surname) => text.startsWith(surname, at));
    if (!double && !SURNAMES.includes(text[at] ?? '')) continue;
    // 3 characters only when the one before the surname ends an organisation's name or a position.
    if (length === 3 && !/[局心厅办委会所院站处科股室部队司校堂府镇乡村馆长记任员师席理]$/.test(text.slice(0, at))) continue;
    // 市财政局局长王五: the organisation without the position.
    const before = text.slice(0, at).replace(/的$/, '');
    const organization = before ? (splitOrganization(before).speakerOrganization ?? before) : null;
    return { name: text.slice(at), organization };
  }
  return null;
};

/** Units and people listed inside the sentences of a text (ending in 等单位 / 等同志) that commend them. */
const listedInSentences = (text: string, known: (name: string) => boolean) => {
  const units: string[] = [];
  const people: Array<{ name: string; organization: string | null }> = [];
  for (const sentence of text.split(/[。\n]/)) {
    if (sentence.length > 2000) continue;
    // Where the list before it ended, and whether it was commended: A、B等10个先进集体和C、D等20名先进个人.
    let previous: { end: number; commended: boolean } | null = null;
    for (const match of sentence.matchAll(LISTED)) {
      const rest = sentence.slice((match.index ?? 0) + match[0].length);
      const clauseEnd = rest.search(/[;；]/);
      const what = clauseEnd >= 0 ? rest.slice(0, clauseEnd) : rest;
      let list = sentence.slice(0, match.index);
      const clauseStart = Math.max(...['，', ',', '：', ':', '；', ';'].map((mark) => list.lastIndexOf(mark))) + 1;
      const joined: boolean = previous !== null && previous.end >= clauseStart && /^(?:和|及|以及|与|、)/.test(list.slice(previous.end));
      list = joined ? list.slice(previous!.end).replace(/^(?:和|及|以及|与|、)/, '') : list.slice(clauseStart);
      // The verb may come first (授予A、B等单位…称号, 评选出A、B等先进集体, 通报表扬了A、B等…) or after (A、B等单位被评为…).
      const lead: string = joined
        ? ''
        : (/^.*?(?:对|授予|评选出|表彰了|表彰|表扬了|表扬|命名)(?=[\u4e00-\u9fa5]{2})/.exec(list)?.[0] ?? '');
      const commended: boolean = (joined ? previous!.commended : false) || COMMENDS.test(what) || /授予|评选出|表彰|表扬|命名/.test(lead);
      previous = { end: (match.index ?? 0) + match[0].length, commended };
      if (!commended || /批评|约谈|问责/.test(what)) continue;
      list = list.slice(lead.length).replace(/^(?:其中|经研究|经评选)/, '');
      const items = list.split('、').flatMap((item, i, all) => {
        // …、B和C: the last two joined by 和 or 及, when both read as names of their own.
        const pair = i === all.length - 1 ? /^(.{4,}?)(?:和|及|以及)(.{4,})$/.exec(item.trim()) : null;
        return pair && ORG_END.test(pair[1]) ? [pair[1], pair[2]] : [item.trim()];
      });
      if (items.length < 2 && !/^[\u4e00-\u9fa5]{4,30}$/.test(items[0] ?? '')) continue;
      if (match[1] === '单位' || match[1] === '集体') units.push(...items.filter((item) => item.length >= 4 && item.length <= 40));
      else
        for (const item of items) {
          const person = orgAndName(item, known);
          if (person) people.push(person);
        }
    }
  }
  return { units, people };
};

/** English: `A, the B and the C were among the units named advanced collectives`, `Individuals honored include N of the O and …`. */
const listedInEnglish = (text: string) => {
  const units: string[] = [];
  const people: Array<{ name: string; organization: string | null }> = [];
  const split = (list: string) =>
    list
      .split(/,\s*(?:and\s+)?|\s+and\s+/)
      .map((item) => item.trim().replace(/^the\s+/i, ''))
      .filter(Boolean);
  for (const match of text.matchAll(
    /(?:^|\.\s+)([^.]{4,400}?)\s+(?:were|was)\s+(?:among\s+the\s+(?:units|collectives)\s+)?(?:named|honou?red\s+as|commended\s+as)\s+(?:an?\s+)?advanced\s+collectives?/gi
  ))
    units.push(...split(match[1].replace(/^(?:among them|of these|in addition|meanwhile),\s*/i, '')));
  // …, while A, B and C were among those named advanced individuals (or workers).
  for (const match of text.matchAll(
    /(?:^|\.\s+|,\s*(?:while|and)\s+)((?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}(?:,\s*|\s+and\s+)?){1,20}?)\s+(?:were|was)\s+(?:among\s+those\s+)?(?:named|honou?red\s+as|commended\s+as)\s+(?:an?\s+)?(?:advanced|outstanding|model)\s+(?:individuals?|workers?)/g
  ))
    for (const item of split(match[1])) people.push({ name: item, organization: null });
  for (const match of text.matchAll(/(?:individuals|people)\s+(?:honou?red|commended)\s+include\s+([^.]{4,400}?)\.(?:\s|$)/gi))
    for (const item of split(match[1])) {
      const person = /^([A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})(?:\s+(?:of|from|at)\s+(?:the\s+)?(.+))?$/.exec(item);
      if (person) people.push({ name: person[1], organization: person[2] ?? null });
    }
  return { units, people };
};

export const findCommendationFacts = (text: string, options: { province?: string | null } = {}): CommendationFacts => {
  let commendation: Commendation | null = null;
  let commendationTitle: string | null = null;
  for (const pattern of QUOTAS) {
    const match = pattern.exec(text);
    if (match) {
      commendation = { unitQuota: parseCount(match[1]), individualQuota: parseCount(match[2]) };
      // 首次对全省机关事务工作80个先进集体…: what comes after 对 (or the clause's start) is the scope.
      const before = text.slice(0, match.index);
      const clause = before.slice(Math.max(...['。', ',', '，', '\n'].map((mark) => before.lastIndexOf(mark))) + 1);
      const scope = clause.includes('对') ? clause.slice(clause.lastIndexOf('对') + 1) : '';
      if (/^(?:全国|全省|全市)/.test(scope) && scope.length <= 20) commendationTitle = `${scope}先进集体和先进个人`;
      break;
    }
  }
  const commendationLevel = !commendationTitle
    ? null
    : commendationTitle.startsWith('全国')
      ? 'national'
      : commendationTitle.startsWith('全省')
        ? 'provincial'
        : 'municipal';

  const units: CommendedUnit[] = [];
  const individuals: CommendedIndividual[] = [];
  const lines = text.split(/\r?\n/);
  const lists = listsOf(lines);
  for (const line of lists.units)
    for (const name of line.split(/[、,，;；\s ]+/).filter((part) => part.length >= 4)) units.push(unitFromName(name));
  for (const line of lists.individuals) {
    for (const entry of /[、;;]/.test(line) ? line.split(/[、;;]/) : [line]) {
      const person = individualFrom(entry);
      if (person) individuals.push(person);
    }
  }

  // In the running text: 先进集体(代表)、X的… / 全省…先进集体,X的…: X is a commended unit.
  for (const match of text.matchAll(
    /先进集体(?:代表)?[,，、]?([\u4e00-\u9fa5]{4,30}?(?:局|中心|厅|办|委|所|院|站|处|科|队|公司|学校|医院))的/g
  )) {
    units.push(unitFromName(match[1]));
  }
  // …先进个人…的NAME / 先进个人(代表)NAME: a commended person, with the post the text gives.
  for (const match of text.matchAll(/先进个人[^。,，“”]{0,12}?的([\u4e00-\u9fa5]{2,4})|先进个人(?:代表)?[,，、]?([^。,，“”]{2,40})/g)) {
    const sentenceStart = Math.max(text.lastIndexOf('。', match.index ?? 0), text.lastIndexOf('\n', match.index ?? 0)) + 1;
    // The sentence, within its line.
    const ends = [text.indexOf('。', match.index ?? 0), text.indexOf('\n', match.index ?? 0)].filter((at) => at >= 0);
    const end = ends.length ? Math.min(...ends) : -1;
    const sentence = text.slice(sentenceStart, end < 0 ? undefined : end);
    const speaker =
      findSpeaker(sentence, options.province) ?? findSpeaker(sentence.slice(sentence.indexOf(match[0].slice(0, 4))), options.province);
    if (!speaker || !sentence.includes(speaker.speakerName)) continue;
    individuals.push({
      name: speaker.speakerName,
      organization: speaker.speakerOrganization,
      position: speaker.speakerPosition,
      city: speaker.speakerOrganization ? placeOf(speaker.speakerOrganization).city : null,
    });
  }

  const introduced = peopleOf(text, options.province);
  const listed = [listedInSentences(text, (name) => introduced(name) !== null), listedInEnglish(text)];
  const personOf = (person: { name: string; organization: string | null }, position: string | null = null): CommendedIndividual => ({
    name: person.name,
    organization: person.organization,
    position,
    city: person.organization ? placeOf(person.organization).city : null,
  });
  for (const { units: names, people } of listed) {
    for (const name of names) units.push(unitFromName(name));
    for (const person of people) individuals.push(personOf(person));
  }
  // 吴光荣被评为“全省机关事务工作先进个人”: a person the text introduced, with their organisation.
  for (const match of text.matchAll(/([\u4e00-\u9fa5]{2,4}?)(?:被评为|荣获|获评|被授予)[^。\n]{0,30}?先进(?:个人|工作者)/g)) {
    const known = introduced(match[1]);
    if (known) individuals.push(personOf({ name: known.speakerName, organization: known.speakerOrganization }, known.speakerPosition));
  }
  // One unit or one person, alone in its clause, 被评为…先进集体 / …先进个人 (县财政局被评为…, 县财政局李明被评为…).
  for (const match of text.matchAll(/([^,，、。;；:：\n“”]{2,40})(?:被评为|荣获|获评|被授予)[^。\n,，]{0,30}?先进(集体|个人|工作者)/g)) {
    const clause = match[1].replace(/^(?:其中|同时|此外|另外)/, '');
    // A list (…等同志) is read above.
    if (clause.includes('等')) continue;
    if (match[2] === '集体') {
      if (ORG_END.test(clause) && clause.length >= 4) units.push(unitFromName(clause));
      continue;
    }
    const person = orgAndName(clause, (name) => introduced(name) !== null);
    if (person && person.organization) individuals.push(personOf(person, introduced(person.name)?.speakerPosition ?? null));
  }

  // In the order the commendation names them (from where the text first commends), whichever reading found them.
  const firstCommends = Math.max(0, text.search(/被评为|荣获|获评|授予|表彰|表扬|名单/));
  const from = Math.max(text.lastIndexOf('。', firstCommends), text.lastIndexOf('\n', firstCommends)) + 1;
  const inPageOrder = <T extends { name: string }>(items: T[]) =>
    items
      .map((item, i) => ({ item, i, at: text.indexOf(item.name, from) }))
      .sort((a, b) => (a.at < 0 || b.at < 0 ? a.i - b.i : a.at - b.at || a.i - b.i))
      .map(({ item }) => item);
  return {
    commendation,
    commendationTitle,
    commendationLevel,
    commendedUnits: inPageOrder(uniqueBy(units, (unit) => unit.name)),
    commendedIndividuals: inPageOrder(uniqueBy(individuals, (person) => person.name)),
  };
};
