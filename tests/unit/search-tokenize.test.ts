// The search tokenizer, query parser and snippet as plain functions.
import { indexTokens, parseQuery, SearchQueryProblem, toFtsMatch, toTsQuery, toTsVector } from '../../src/lib/search/tokenize';
import { blocksText, snippet } from '../../src/lib/search/snippet';
import { parseSearchInput } from '../../src/lib/search/request';

test('Chinese runs become overlapping bigrams; other words are lowercased words', () => {
  expect(indexTokens('浙江省机关事务管理局')).toBe('浙江 江省 省机 机关 关事 事务 务管 管理 理局');
  expect(indexTokens('Strapi 5 发布，GOV-Newsroom！')).toBe('strapi 5 发布 gov newsroom');
  // A lone character between separators is kept as it is.
  expect(indexTokens('《会》')).toBe('会');
  // Full-width letters and digits read as their ASCII forms.
  expect(indexTokens('ＡＢＣ２０２２年')).toBe('abc2022 年');
});

test('a query is split into dictionary words, each a phrase of its bigrams', () => {
  const query = parseQuery('机关事务管理局');
  expect(query.words).toEqual(['机关', '事务', '管理局']);
  expect(query.highlights).toEqual(['机关事务管理局', '机关', '事务', '管理局']);
  expect(query.terms).toEqual([['机关'], ['事务'], ['管理', '理局']]);
  expect(toFtsMatch(query)).toBe('"机关" AND "事务" AND "管理 理局"');
  expect(toTsQuery(query)).toBe("'机关' & '事务' & ('管理' <-> '理局')");
});

test('two characters are a query; a lone character is joined to its neighbour or refused', () => {
  expect(parseQuery('会议').terms).toEqual([['会议']]);
  expect(() => parseQuery('会')).toThrow(/至少两个汉字/);
  expect(parseQuery('会 表彰').words).toEqual(['表彰']);
});

test('hostile and empty queries are refused with a message, never passed to FTS syntax', () => {
  for (const bad of ['', '   ', undefined, ['a'], '"(', '*', ')))', 'x'.repeat(5000)]) {
    expect(() => parseQuery(bad)).toThrow(SearchQueryProblem);
  }
  // FTS keywords and quotes are ordinary words, quoted in the MATCH text.
  expect(toFtsMatch(parseQuery('NEAR "a" OR b*'))).toBe('"near" AND "a" AND "or" AND "b"');
  expect(() => parseQuery(Array.from({ length: 11 }, (_, i) => `w${i}`).join(' '))).toThrow(/at most 10 words/);
});

test('the tsvector text carries positions for phrases, and quotes are escaped', () => {
  expect(toTsVector('管理 理局 管理')).toBe("'管理':1,3 '理局':2");
  expect(toTsVector('')).toBe('');
});

test('a snippet marks every matched word around the first match and escapes the rest', () => {
  const text = `${'前文'.repeat(40)}召开<b>会议</b>，会议强调${'后文'.repeat(60)}`;
  const html = snippet(text, ['会议'], 40);
  expect(html.startsWith('…')).toBe(true);
  expect(html.endsWith('…')).toBe(true);
  expect(html).toContain('&lt;b&gt;<mark>会议</mark>&lt;/b&gt;，<mark>会议</mark>强调');
  expect(snippet('<img onerror=x>', [], 40)).toBe('&lt;img onerror=x&gt;');
  expect(snippet('Strapi News', ['news'])).toBe('Strapi <mark>News</mark>');
});

test('blocks become plain text, one line per block', () => {
  expect(
    blocksText([
      { type: 'heading', level: 2, children: [{ type: 'text', text: '一、总结' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '会议' },
          { type: 'link', url: 'x', children: [{ type: 'text', text: '链接' }] },
        ],
      },
      { type: 'list', children: [{ type: 'list-item', children: [{ type: 'text', text: '条目' }] }] },
    ])
  ).toBe('一、总结\n会议链接\n条目');
});

test('Latin words are marked as whole words, Chinese inside words', () => {
  expect(snippet('Provincial affairs: a plan', ['a'])).toBe('Provincial affairs: <mark>a</mark> plan');
  expect(snippet('管理局的管理', ['管理'])).toBe('<mark>管理</mark>局的<mark>管理</mark>');
});

test('search input: impossible dates refused, offsets default to Beijing, empty values take the defaults', () => {
  const parse = (input: Record<string, unknown>) => () => parseSearchInput({ q: '会议', ...input }, 'zh-Hans');
  expect(parse({ from: '2024-02-30' })).toThrow(/must be a date/);
  expect(parse({ to: '2023-13-01' })).toThrow(/must be a date/);
  expect(parse({ from: '2024-02-29' })).not.toThrow();
  expect(parseSearchInput({ q: '会议', from: '2024-03-01T08:00' }, 'zh-Hans').fromMs).toBe(Date.parse('2024-03-01T00:00:00Z'));
  expect(parseSearchInput({ q: '会议', from: '2024-03-01' }, 'zh-Hans').fromMs).toBe(Date.parse('2024-02-29T16:00:00Z'));
  expect(parseSearchInput({ q: '会议', sort: '', locale: '' }, 'zh-Hans')).toMatchObject({ sort: 'relevance', locale: 'zh-Hans' });
  expect(parse({ from: '2024-03-02', to: '2024-03-01' })).toThrow(/after/);
});
