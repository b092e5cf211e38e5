// A page of the agency's old site, read: as saved HTML (any encoding it declares) or as
// its text (like ../shared/samples/legacy-article-2022-09-23.txt). Breadcrumb, title and
// subtitle (split on ——), 来源, 发布时间 (Beijing time), 点击率, body paragraphs and
// section headings, the images and files it links, then the quotes and commendation
// facts found in its text. Pure TypeScript: the importer (scripts/import.js) uses it.
import iconv from 'iconv-lite';
import { Parser } from 'htmlparser2';
import { findQuotes, type FoundQuote } from './quotes/finder';
import { findCommendationFacts, type CommendationFacts } from './quotes/commendation';

export type BodyBlock = { type: 'heading' | 'paragraph'; text: string };

export type LegacyPage = {
  title: string;
  subtitle: string | null;
  source: string | null;
  /** ISO 8601 (UTC) of the page's 发布时间, read as Beijing time; null when absent. */
  publishDate: string | null;
  breadcrumb: string[];
  legacyClickCount: number | null;
  blocks: BodyBlock[];
  headings: string[];
  /** Images and attachments the page links, as written (relative to the page). */
  media: Array<{ kind: 'image' | 'file'; href: string; label: string | null }>;
  quotes: FoundQuote[];
} & CommendationFacts;

export class PageError extends Error {}

const FILE_LINK = /\.(?:pdf|docx?|xlsx?|pptx?|wps|et|zip|rar|7z|txt|csv|ofd)(?:$|[?#])/i;
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'table',
  'title',
  'dd',
  'dt',
  // Table layouts and page regions: a cell (当前位置 beside a date, 来源 beside 发布时间) is a line of its own.
  'td',
  'th',
  'ul',
  'ol',
  'dl',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'center',
  'form',
  'blockquote',
  'hr',
  'figure',
  'figcaption',
]);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'head', 'select', 'option', 'iframe']);
/** Where a page's article ends and the site's chrome starts. */
const FOOTER =
  /^(?:【?(?:打印本页|关闭窗口|返回顶部|打印|关闭)】?|上一篇|下一篇|相关链接|相关阅读|分享到|版权所有|主办单位|承办单位|网站标识码|ICP备)/;
/** Lines of the article's own chrome between its meta line and its text (字号:大 中 小). */
const ARTICLE_CHROME = /^(?:【?字号[:：]|【?字体[:：]|【?(?:大|中|小)】?\s*【?(?:大|中|小)】|分享到|扫一扫|【?打印】?\s*【?关闭】?$)/;
/** Where the breadcrumb starts: 当前位置:, 您的位置:, Location:, You are here: … */
const CRUMB =
  /^(?:当前位置|您的位置|您现在的位置|您当前的位置|您当前位置|当前页面|所在位置|位置|Location|Current location|You are here)\s*[:：]/i;
/** The labels of the meta line: 来源, 发布时间, 点击率 and their other names. */
const SOURCE_LABEL = '(?:信息来源|文章来源|稿件来源|来源|Source|From)';
const TIME_LABEL =
  '(?:发布时间|发布日期|发文日期|更新时间|时间|日期|Release date|Published on|Posted on|Published|Updated|Posted|Date|Time)';
const CLICKS_LABEL =
  '(?:点击率|点击数|点击量|点击|浏览次数|浏览量|浏览|阅读次数|阅读量|阅读数|阅读|访问量|访问次数|Page views|Views|Clicks|Hits|Read)';
const OTHER_LABEL = '(?:作者|编辑|责任编辑|Author|Editor)';
const LABEL = `(?:${SOURCE_LABEL}|${TIME_LABEL}|${CLICKS_LABEL}|${OTHER_LABEL})\\s*[:：]`;
const META = new RegExp(`(?:^|[\\s|｜])${LABEL}|^${LABEL}`, 'i');

/** The charset an HTML page declares (meta charset or http-equiv), read from its first bytes. */
export const declaredCharset = (bytes: Buffer) => {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return match ? match[1].toLowerCase() : null;
};

/** The page's text, decoded: UTF-8 unless it declares another encoding (GB2312 and GBK read as GB18030, their superset). */
export const decodePage = (bytes: Buffer, isHtml: boolean) => {
  const charset = isHtml ? declaredCharset(bytes) : null;
  if (charset && !/^utf-?8$/.test(charset)) {
    const name = /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(charset) ? 'gb18030' : charset;
    if (!iconv.encodingExists(name)) throw new PageError(`the page declares an unknown charset "${charset}"`);
    return iconv.decode(bytes, name);
  }
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) throw new PageError('the page is not UTF-8 and declares no charset');
  return text.replace(/^\uFEFF/, '');
};

/** An HTML page as lines of text (block elements break lines), and the media it links. */
export const htmlToLines = (html: string) => {
  const lines: string[] = [];
  const media: LegacyPage['media'] = [];
  let line = '';
  let skipping = 0;
  let link: { href: string; text: string } | null = null;
  const breakLine = () => {
    lines.push(line);
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIP_TAGS.has(name)) skipping += 1;
        if (skipping) return;
        if (BLOCK_TAGS.has(name)) breakLine();
        if (name === 'img' && attributes.src)
          media.push({ kind: 'image', href: attributes.src, label: attributes.alt || attributes.title || null });
        if (name === 'a' && attributes.href) link = { href: attributes.href, text: '' };
      },
      ontext(text) {
        if (skipping) return;
        line += text;
        if (link) link.text += text;
      },
      onclosetag(name) {
        if (SKIP_TAGS.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping) return;
        if (name === 'a' && link) {
          if (FILE_LINK.test(link.href)) media.push({ kind: 'file', href: link.href, label: link.text.trim() || null });
          link = null;
        }
        if (BLOCK_TAGS.has(name)) breakLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true }
  );
  parser.write(html);
  parser.end();
  breakLine();
  return { lines, media };
};

const clean = (line: string) =>
  line
    .replace(/\u00a0/g, ' ')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
    .replace(/[ \t]{2,}/g, ' ');

/** 2022-09-23 20:40 (Beijing time) → 2022-09-23T12:40:00.000Z. */
export const beijingTime = (text: string): string | null => {
  const match = /(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  // No rolling over: 2022-13-45 is not a date.
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour - 8, minute, second));
  const local = new Date(date.getTime() + 8 * 3_600_000);
  return local.getUTCDate() === day ? date.toISOString() : null;
};

/** A short line without a sentence's punctuation: a section heading (殷殷嘱托 激励奋进). */
export const isHeading = (line: string) =>
  line.length <= 24 &&
  // Quoted terms may stand in a heading (从“老大难”到“好帮手”), speech may not.
  !/[。!?！？,，;；:：“”「」]|\.$/.test(line.replace(/“[^“”。!?！？,，]{1,10}”/g, '')) &&
  line.replace(/“[^“”]*”/g, '').length >= 2 &&
  // A document number (某政发〔2024〕5号) heads no section.
  !/[〔[]\d{4}[〕\]]\s*\d+\s*号$/.test(line) &&
  !/^[\d\s]+$/.test(line) &&
  !DATE_LINE.test(line) &&
  !BYLINE.test(line);
/** A byline, a caption or an editor's note: (记者 张三), 图为…, 责任编辑 李四. */
const BYLINE = /^[(（【[].*[)）】\]]$|^(?:记者|通讯员|作者|编辑|责任编辑|审核|供稿|摄影|图为|图片|图\/|文\/|▲|△)/;
/** A date on its own line (the signature of a 决定 or 通报), never a heading. */
const DATE_LINE = /^\d{4}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?$/;

export const parseLegacyPage = (content: string | Buffer, options: { html?: boolean; province?: string | null } = {}): LegacyPage => {
  const isHtml =
    options.html ??
    (typeof content === 'string'
      ? /<html|<body|<p[\s>]|<div[\s>]/i.test(content)
      : /<html|<body/i.test(content.subarray(0, 4096).toString('latin1')));
  const text = typeof content === 'string' ? content : decodePage(content, isHtml);
  const { lines: rawLines, media } = isHtml ? htmlToLines(text) : { lines: text.split(/\r?\n/), media: [] as LegacyPage['media'] };
  const lines = rawLines.map(clean);

  // The breadcrumb: 当前位置:首页 >> 工作动态 >> 上级工作动态 (one line or several).
  let at = lines.findIndex((line) => CRUMB.test(line));
  // Without its label: 首页 > 新闻中心 > 工作动态 (a line that starts at the home page and has a separator).
  if (at < 0) at = lines.findIndex((line) => /^(?:首页|网站首页|主页|Home)\s*(?:>>|>|»|›|→|\/)\s*\S/i.test(line));
  if (at < 0) throw new PageError('no breadcrumb (当前位置:…) found');
  let crumbText = lines[at].replace(CRUMB, '');
  at += 1;
  while (at < lines.length && (lines[at] === '' || /^(?:>>|>|»|&gt;)/.test(lines[at]))) {
    crumbText += ` ${lines[at]}`;
    at += 1;
  }
  const breadcrumb = crumbText
    .split(/\s*(?:>>|>|»|›|→|\/)\s*/)
    .map((item) => item.trim())
    .filter(Boolean);
  if (breadcrumb.length === 0) throw new PageError('the breadcrumb is empty');

  while (at < lines.length && lines[at] === '') at += 1;

  let source: string | null = null;
  let publishDate: string | null = null;
  let legacyClickCount: number | null = null;
  /** Reads the meta line(s) from `at` on (来源:… 发布时间:… 点击率:…, and the article's toolbar). */
  const readMeta = () => {
    while (at < lines.length && (lines[at] === '' || META.test(lines[at]) || ARTICLE_CHROME.test(lines[at]))) {
      const meta = lines[at];
      const sourceMatch = new RegExp(`${SOURCE_LABEL}\\s*[:：]\\s*(.*?)[\\s|｜]*(?=${LABEL}|$)`, 'i').exec(meta);
      if (sourceMatch && sourceMatch[1]) source = sourceMatch[1];
      const timeMatch = new RegExp(`${TIME_LABEL}\\s*[:：]\\s*([^\\s|｜]+(?:\\s+\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?)?)`, 'i').exec(meta);
      if (timeMatch) publishDate = beijingTime(timeMatch[1]) ?? publishDate;
      // A date written without its label (2023-05-12 10:30 来源:…).
      else if (!publishDate) {
        const bare = /(\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?)/.exec(meta);
        if (bare) publishDate = beijingTime(bare[1]);
      }
      const clicks = new RegExp(`${CLICKS_LABEL}\\s*[:：]\\s*(\\d[\\d,]*)`, 'i').exec(meta);
      if (clicks) legacyClickCount = Number(clicks[1].replace(/,/g, ''));
      at += 1;
    }
  };

  // The title is the line before the meta line (a column's menu may stand between the
  // breadcrumb and the article), or the line after the breadcrumb, or after a meta line
  // that comes first.
  const metaAt = lines.slice(at, at + 40).findIndex((line) => META.test(line));
  if (metaAt === 0) {
    readMeta();
    while (at < lines.length && lines[at] === '') at += 1;
  } else if (metaAt > 0) {
    let before = at + metaAt - 1;
    while (before > at && lines[before] === '') before -= 1;
    at = before;
  }
  let heading = lines[at] ?? '';
  // A subtitle on its own line (——…) under the title.
  if (/^——/.test(heading) && at > 0) {
    let above = at - 1;
    while (above > 0 && lines[above] === '') above -= 1;
    if (lines[above] && !CRUMB.test(lines[above]) && !META.test(lines[above])) heading = `${lines[above]}${heading}`;
  }
  if (!heading || META.test(heading)) throw new PageError('no title after the breadcrumb');
  at += 1;
  // …or on the line after the title.
  if (!heading.includes('——') && /^——/.test(lines[at] ?? '')) {
    heading += lines[at];
    at += 1;
  }
  const [title, ...subtitleParts] = heading.split('——');
  readMeta();

  const texts: string[] = [];
  for (; at < lines.length; at += 1) {
    const line = lines[at];
    if (line === '') continue;
    // The page's chrome after the article (上一篇, 主办单位…); before any text it is the article's own toolbar.
    if (FOOTER.test(line)) {
      if (texts.length > 0) break;
      continue;
    }
    texts.push(line);
  }
  // A heading leads a paragraph: a short line with nothing after it, or only a date (the
  // issuer's name above a 决定's date), is a signature, not a heading.
  // In a run of three or more short lines (a 名单: units, names), only the run's first line and
  // numbered lines (一、…, （二）…, 3. …) are headings; the others are the list's entries.
  const short = texts.map(isHeading);
  const runStart = (i: number) => {
    let at = i;
    while (at > 0 && short[at - 1]) at -= 1;
    return at;
  };
  const runEnd = (i: number) => {
    let at = i;
    while (at + 1 < texts.length && short[at + 1]) at += 1;
    return at;
  };
  const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))/;
  const listEntry = (i: number) => runEnd(i) - runStart(i) >= 2 && runStart(i) !== i && !NUMBERED.test(texts[i]);
  const blocks: BodyBlock[] = texts.map((line, i) => ({
    type: short[i] && !listEntry(i) && i + 1 < texts.length && !DATE_LINE.test(texts[i + 1]) ? 'heading' : 'paragraph',
    text: line,
  }));
  if (blocks.length === 0) throw new PageError('the page has no body text');

  const body = blocks.map((block) => block.text).join('\n');
  const province = options.province ?? (/^(.{2,3}?省|.{2,6}?自治区)/.exec(source ?? '')?.[1] || null);
  return {
    title: title.trim(),
    subtitle: subtitleParts.join('——').trim() || null,
    source,
    publishDate,
    breadcrumb,
    legacyClickCount,
    blocks,
    headings: blocks.filter((block) => block.type === 'heading').map((block) => block.text),
    media,
    quotes: findQuotes(body, { province }),
    ...findCommendationFacts(body, { province }),
  };
};
