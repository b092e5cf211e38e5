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
// What it does not take: quoted terms and slogans (“两个先行”: no sentence end, no
// speech verb), single-quoted words (‘公务餐’), titles (《…》), reported speech without
// quotation marks, and quotes nobody is named for.
import {
  AFTER_NAME,
  COLLECTIVE,
  COLLECTIVE_NAME,
  DESCRIPTORS,
  DOUBLE_SURNAMES,
  POSITIONS,
  POSITIONS_AFTER_NAME,
  PRONOUNS,
  SPEECH_START,
  SPEECH_VERB,
  SURNAMES,
  TERMINAL,
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

const SENTENCE_END = /[。!?!?]/;
/** The longest attribution clause read, and the longest organisation + position before a name. */
const MAX_CLAUSE = 400;
const MAX_PREFIX = 120;
/** Words that open a sentence before its subject (随后,…). */
const CONNECTIVES = /^(?:随后|之后|接着|同时|此外|另外|会上|会议上|会后|座谈会上|最后|首先|其次|其中|对此)[,,]?/;

/** The “…” spans of a paragraph (‘…’ inside one stays in its text). */
const quoteSpans = (paragraph: string): Span[] => {
  const spans: Span[] = [];
  let from = 0;
  for (;;) {
    let open = paragraph.indexOf('“', from);
    if (open < 0) break;
    const close = paragraph.indexOf('”', open + 1);
    if (close < 0) break;
    // An opening mark left unclosed (or a “ misused inside a quote): the span starts at the last one.
    const reopened = paragraph.lastIndexOf('“', close);
    if (reopened > open) open = reopened;
    spans.push({ start: open, end: close + 1, text: paragraph.slice(open + 1, close) });
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
const endsWithPosition = (text: string) => POSITIONS.some((position) => text.endsWith(position));

/** Parses `党组书记、局长,市接待办主任`: positions joined by 、 or a comma (a later one may name its office). */
const isPositionList = (text: string): boolean => {
  if (text === '') return false;
  const items = text.split(/[、,,]/);
  return items.every((item, i) => {
    if (POSITIONS.includes(item)) return true;
    // 市接待办主任: an office, then a position (not for the first item: that would eat the organisation).
    return i > 0 && POSITIONS.some((position) => item.endsWith(position) && item.length - position.length <= 8);
  });
};

/** The organisation and position written before a name: 杭州市机关事务管理局党组书记、局长 → both. */
export const splitOrganization = (prefix: string, province?: string | null): Omit<Speaker, 'speakerName'> => {
  let text = prefix.trim();
  // 从食堂的餐务服务台走上了全国先进个人领奖台的: the post the person comes from.
  const from = /^从(.+?)走(?:上|到|进)了?.*的$/.exec(text);
  if (from) return { speakerPosition: from[1].split('的').at(-1) || null, speakerOrganization: null };
  for (const descriptor of DESCRIPTORS) text = text.replace(descriptor, '');
  text = text.replace(CONNECTIVES, '');
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
      let split = text.length;
      for (let i = 0; i < text.length; i += 1) {
        if (isPositionList(text.slice(i))) {
          split = i;
          break;
        }
      }
      organization = text.slice(0, split);
      position = text.slice(split);
    }
  }
  organization = organization.replace(/^[,,、\s]+|[,,、\s]+$/g, '');
  if (province && /^省(?!长)/.test(organization)) organization = province + organization.slice(1);
  return { speakerPosition: position || null, speakerOrganization: organization || null };
};

/** A name's candidate in a clause: where it starts, the name, and how sure the verb after it is. */
type Candidate = { at: number; speaker: Speaker; strong: boolean };

/**
 * The people a clause names, in order: a surname after a position, a 的, a comma or the
 * clause's start; 2 or 3 characters (3 after 的: 来自…的张小红, 领奖台的莫佳佳), then a
 * verb or another predicate (说, 表示, 在会上, 感动万分…), or a position then a verb
 * (习近平总书记强调). Of 2 and 3 characters the one followed by a speech verb wins
 * (王小道说 is 王小道), else the shorter (郑丽在发言时说 is 郑丽).
 */
const candidates = (text: string, province?: string | null): Candidate[] => {
  // An attribution is a few dozen characters; a pasted wall of text without punctuation is not scanned whole.
  const clause = text.length > MAX_CLAUSE ? text.slice(-MAX_CLAUSE) : text;
  const found: Candidate[] = [];
  for (let i = 0; i < clause.length; i += 1) {
    const double = DOUBLE_SURNAMES.some((surname) => clause.startsWith(surname, i));
    if (!double && !SURNAMES.includes(clause[i])) continue;
    const prefix = clause.slice(0, i);
    const afterOf = prefix.endsWith('的');
    if (!(prefix === '' || afterOf || endsWithPosition(prefix) || /[,,、]$/.test(prefix))) continue;
    const lengths = (double ? [3, 4] : afterOf ? [3] : [2, 3]).filter((length) => /^[\u4e00-\u9fa5]+$/.test(clause.slice(i, i + length)));
    let best: Candidate | null = null;
    for (const length of lengths) {
      const name = clause.slice(i, i + length);
      if (name.length < length) continue;
      let rest = clause.slice(i + length);
      // 习近平总书记强调: the position after the name.
      const after = POSITIONS_AFTER_NAME.find((position) => rest.startsWith(position));
      if (after) rest = rest.slice(after.length);
      if (!startsWithAny(rest, AFTER_NAME) || /^说明/.test(rest)) continue;
      const strong = SPEECH_START.test(rest);
      if (after && !strong) continue;
      const split = after ? { speakerPosition: after, speakerOrganization: null } : splitOrganization(prefix.slice(-MAX_PREFIX), province);
      if (!best || (strong && !best.strong)) best = { at: i, speaker: { speakerName: name, ...split }, strong };
    }
    if (best) found.push(best);
  }
  return found;
};

/** The person a clause names first (an attribution after its quote). */
export const findSpeaker = (text: string, province?: string | null): Speaker | null => candidates(text, province)[0]?.speaker ?? null;

/** The person a clause names nearest its end (an attribution before its quote: …指出,X强调:“…”). */
const lastSpeaker = (text: string, province?: string | null): Speaker | null => candidates(text, province).at(-1)?.speaker ?? null;

/** The sentence an attribution lives in: up to the sentence's end after the quote. */
const sentenceAfter = (paragraph: string, from: number) => {
  let rest = paragraph.slice(from, from + MAX_CLAUSE).replace(/^[,,\s]+/, '');
  const end = rest.search(SENTENCE_END);
  if (end >= 0) rest = rest.slice(0, end);
  // Up to the next quote; text that ends with a colon there introduces that quote, not this one.
  const next = rest.indexOf('“');
  if (next >= 0) rest = rest.slice(0, next);
  return /[::]\s*$/.test(rest) && next >= 0 ? '' : rest;
};

/** The sentence before a quote (the attribution of `…说:“…”` or of a quote that starts a sentence). */
const sentenceBefore = (paragraph: string, to: number, floor: number) => {
  const text = paragraph.slice(Math.max(floor, to - MAX_CLAUSE), to).replace(/\s+$/, '');
  const body = text.replace(/[。!?!?]$/, '');
  let start = body.length;
  while (start > 0 && !SENTENCE_END.test(body[start - 1])) start -= 1;
  return body.slice(start);
};

export const findQuotes = (text: string, options: FinderOptions = {}): FoundQuote[] => {
  const found: FoundQuote[] = [];
  let lastNamed: Speaker | null = null;
  for (const paragraph of text.split(/\r?\n/)) {
    const runs = runsOf(paragraph, quoteSpans(paragraph));
    // Where the text after the last quote taken as speech starts: an attribution before a
    // quote never reaches into an earlier one.
    let floor = 0;
    for (const run of runs) {
      const first = run[0];
      const last = run.at(-1)!;
      // Only its end matters (a colon before the quote).
      const before = paragraph.slice(Math.max(floor, first.start - 16), first.start).replace(/\s+$/, '');
      const colon = /[::]$/.test(before);
      const after = sentenceAfter(paragraph, last.end);
      const afterStartsSentence = /^[。!?!?]?$/.test(
        paragraph
          .slice(last.end, last.end + 64)
          .trim()
          .slice(0, 1)
      );
      const speechAfter = SPEECH_VERB.test(after.split(/[,,]/)[0] ?? '') || /^[^,,。]{0,40}?(?:说|表示)/.test(after);
      const isSpeech = run.every((span) => TERMINAL.test(span.text)) || colon || speechAfter;
      if (!isSpeech) continue;

      const clauses = [
        // Quote then attribution, unless the quote closes its sentence.
        ...(afterStartsSentence ? [] : [after]),
        // Attribution then quote.
        sentenceBefore(paragraph, first.start, floor),
      ];
      const clauseIsBefore = clauses.map((_, i) => i === clauses.length - 1);
      let speaker: Speaker | null = null;
      for (const [i, clause] of clauses.entries()) {
        const trimmed = clause.replace(/^[,,\s]+/, '');
        // 他们/她们: a group, not the person just named.
        if (/^(?:他们|她们)/.test(trimmed)) {
          speaker = { speakerName: COLLECTIVE_NAME, speakerPosition: null, speakerOrganization: null };
          break;
        }
        speaker = clauseIsBefore[i] ? lastSpeaker(clause, options.province) : findSpeaker(clause, options.province);
        if (speaker) break;
        if (lastNamed && startsWithAny(trimmed, PRONOUNS)) {
          speaker = lastNamed;
          break;
        }
        if (COLLECTIVE.test(clause)) {
          speaker = { speakerName: COLLECTIVE_NAME, speakerPosition: null, speakerOrganization: null };
          break;
        }
      }
      floor = last.end;
      if (!speaker) continue;
      if (speaker.speakerName !== COLLECTIVE_NAME) lastNamed = speaker;
      for (const span of run) found.push({ text: span.text, ...speaker });
    }
  }
  return found;
};
