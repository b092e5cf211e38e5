// The bounds of a public content-API query, as a plain function over a small model.
import {
  checkPublicQuery,
  checkPublicFilters,
  fromGraphqlFilters,
  LIMITS,
  queryWeight,
  type SchemaLookup,
} from '../../src/lib/public-query';

const MODEL: Record<
  string,
  Record<string, { kind: 'relation' | 'number' | 'date' | 'boolean' | 'text'; target?: string; many?: boolean }>
> = {
  article: {
    title: { kind: 'text' },
    legacyClickCount: { kind: 'number' },
    publishDate: { kind: 'date' },
    channel: { kind: 'relation', target: 'channel' },
    quotes: { kind: 'relation', target: 'quote', many: true },
    localizations: { kind: 'relation', target: 'article', many: true },
  },
  channel: {
    name: { kind: 'text' },
    slug: { kind: 'text' },
    parent: { kind: 'relation', target: 'channel' },
    articles: { kind: 'relation', target: 'article', many: true },
  },
  quote: { text: { kind: 'text' }, article: { kind: 'relation', target: 'article' }, person: { kind: 'relation', target: 'person' } },
  person: { name: { kind: 'text' } },
};
const schema: SchemaLookup = (uid, field) => MODEL[uid]?.[field] ?? null;
const check = (query: Record<string, unknown>) => () => checkPublicQuery(query, 'article', schema);

describe('filters', () => {
  test('follow at most two relations', () => {
    expect(check({ filters: { channel: { parent: { slug: { $eq: 'x' } } } } })).not.toThrow();
    expect(check({ filters: { channel: { parent: { parent: { slug: { $eq: 'x' } } } } } })).toThrow(/at most 2 relations/);
    // Through $and/$or/$not the count goes on.
    expect(check({ filters: { $or: [{ channel: { $not: { parent: { parent: { name: 'x' } } } } }] } })).toThrow(/at most 2 relations/);
  });

  test('never follow localizations, whatever the depth', () => {
    expect(check({ filters: { localizations: { title: { $eq: 'x' } } } })).toThrow(/localizations/);
    expect(check({ filters: { quotes: { article: { localizations: { title: 'x' } } } } })).toThrow(/localizations|relation/);
    expect(check({ filters: { channel: { localizations: { name: 'x' } } } })).toThrow(/localizations/);
  });

  test('values fit their field and operators are known', () => {
    expect(check({ filters: { legacyClickCount: { $gt: '12' } } })).not.toThrow();
    expect(check({ filters: { legacyClickCount: { $gt: 'abc' } } })).toThrow(/not a number/);
    expect(check({ filters: { legacyClickCount: { $containsi: 'abc' } } })).not.toThrow();
    expect(check({ filters: { publishDate: { $gte: '2022-09-23' } } })).not.toThrow();
    expect(check({ filters: { publishDate: { $gte: 'yesterday-ish' } } })).toThrow(/not a date/);
    expect(check({ filters: { title: { $regex: '.*' } } })).toThrow(/unknown operator/);
    expect(check({ filters: { title: { $eq: { nested: 1 } } } })).toThrow(/string, number or boolean/);
    expect(check({ filters: { nosuch: { $eq: 1 } } })).toThrow(/no field "nosuch"/);
    expect(check({ filters: 'x' })).toThrow(/must be an object/);
    expect(check({ filters: { $or: 'x' } })).toThrow(/list of conditions/);
  });

  test('lists and condition counts are bounded (qs turns long lists into objects)', () => {
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [String(i), String(i)]));
    expect(check({ filters: { title: { $in: many } } })).toThrow(/at most 100 values/);
    const ors = Array.from({ length: LIMITS.conditions + 1 }, (_, i) => ({ title: { $eq: String(i) } }));
    expect(check({ filters: { $or: ors } })).toThrow(/at most 20 conditions/);
    expect(check({ filters: { title: { $eq: 'x'.repeat(1001) } } })).toThrow(/1000 characters/);
  });
});

describe('populate, sort, fields and pagination', () => {
  test('populate nests at most two levels, by object, string or path', () => {
    expect(check({ populate: { quotes: { populate: { person: true } } } })).not.toThrow();
    expect(check({ populate: { quotes: { populate: { article: { populate: { channel: true } } } } } })).toThrow(/2 levels/);
    expect(check({ populate: ['quotes.person'] })).not.toThrow();
    expect(check({ populate: ['quotes.article.channel'] })).toThrow(/2 levels/);
    expect(check({ populate: '*' })).toThrow(/not available/);
    expect(check({ populate: { '*': true } })).toThrow(/not available/);
    expect(check({ populate: 'channel,quotes' })).not.toThrow();
    expect(check({ populate: 'localizations' })).toThrow(/localizations/);
    expect(check({ populate: { title: true } })).toThrow(/not a relation/);
    expect(check({ populate: { quotes: { filters: { article: { channel: { name: 'x' } } } } } })).toThrow(/relations/);
  });

  test('sort is field[:asc|desc] or one relation field', () => {
    for (const ok of ['title', 'title:desc', ['publishDate:desc', 'title:asc'], 'channel.name:asc'])
      expect(check({ sort: ok })).not.toThrow();
    for (const bad of ['.', 'title.', 'title:sideways', 'nosuch', 'channel', 'channel.nosuch', 'localizations.title', 'title.name']) {
      expect([bad, check({ sort: bad })]).toEqual([bad, expect.any(Function)]);
      expect(check({ sort: bad })).toThrow();
    }
  });

  test('fields are scalar fields; pagination is whole numbers within the page limit', () => {
    expect(check({ fields: ['title', 'publishDate'] })).not.toThrow();
    expect(check({ fields: ['channel'] })).toThrow(/cannot be selected|not a field/);
    expect(check({ pagination: { page: '2', pageSize: '10' } })).not.toThrow();
    for (const bad of [{ pageSize: 'abc' }, { pageSize: '1000' }, { page: '-1' }, { page: '0' }, { limit: '0' }, { nosuch: '1' }, 'x']) {
      expect(check({ pagination: bad })).toThrow();
    }
  });
});

test('GraphQL filters are read with the same rules once their operators get a $', () => {
  expect(fromGraphqlFilters({ or: [{ title: { eq: 'a' } }], channel: { slug: { in: ['x'] } } })).toEqual({
    $or: [{ title: { $eq: 'a' } }],
    channel: { slug: { $in: ['x'] } },
  });
  expect(() =>
    checkPublicFilters(fromGraphqlFilters({ quotes: { article: { quotes: { text: { eq: 'x' } } } } }), 'article', schema)
  ).toThrow(/after a to-many relation/);
});

test('a read by indexed values is light; scans, big pages and deep populates are heavy', () => {
  const weight = (query: Record<string, unknown>) => queryWeight(query, 'article', schema);
  expect(weight({})).toBe('light');
  expect(weight({ filters: { slug: { $eq: 'x' } } })).toBe('light');
  expect(weight({ filters: { channel: { slug: { $eq: 'x' } } }, pagination: { pageSize: '10' } })).toBe('light');
  expect(weight({ filters: { channel: { documentId: { $in: ['a', 'b'] } } } })).toBe('light');
  expect(weight({ populate: { channel: { fields: ['name'] } } })).toBe('light');
  expect(weight({ populate: { quotes: true } })).toBe('heavy');
  expect(weight({ filters: { title: { $containsi: 'x' } } })).toBe('heavy');
  expect(weight({ filters: { $or: [{ slug: 'a' }, { slug: 'b' }] } })).toBe('heavy');
  expect(weight({ filters: { channel: { parent: { slug: 'x' } } } })).toBe('heavy');
  expect(weight({ filters: { quotes: { text: { $eq: 'x' } } } })).toBe('heavy');
  expect(weight({ pagination: { pageSize: '100' } })).toBe('heavy');
  expect(weight({ populate: { quotes: { populate: { person: true } } } })).toBe('heavy');
  expect(weight({ populate: ['quotes.person'] })).toBe('heavy');
});

test('filters join at most 3 relations in all, and one to-many, whatever $or spreads them over', () => {
  expect(check({ filters: { $or: [{ quotes: { text: 'a' } }, { channel: { parent: { name: 'c' } } }] } })).not.toThrow();
  expect(
    check({ filters: { $or: [{ quotes: { text: 'a' } }, { channel: { name: 'b' } }, { channel: { parent: { name: 'c' } } }] } })
  ).toThrow(/at most 3 relations in all/);
  expect(check({ filters: { $or: [{ quotes: { text: 'a' } }, { quotes: { text: 'b' } }] } })).toThrow(/at most 1 to-many relation/);
});

test('past a to-many relation, only its own fields (quotes → article scanned the archive per quote)', () => {
  expect(check({ filters: { quotes: { article: { title: { $eq: 'x' } } } } })).toThrow(/after a to-many relation/);
  expect(check({ filters: { $or: [{ quotes: { $and: [{ article: { title: 'x' } }] } }] } })).toThrow(/after a to-many relation/);
  expect(check({ filters: { quotes: { text: { $eq: '引语' } } } })).not.toThrow();
  // Back into the archive through a channel's list of articles: every article paired with its channel's others.
  expect(check({ filters: { channel: { articles: { title: { $eq: 'x' } } } } })).toThrow(/list of articles/);
  // To-one chains (the channel tree) keep their two hops.
  expect(check({ filters: { channel: { parent: { slug: { $eq: 'gong-zuo-dong-tai' } } } } })).not.toThrow();
});

test('substring conditions: at most two, on the type’s own fields', () => {
  expect(check({ filters: { $or: [{ title: { $containsi: 'a' } }, { title: { $startsWith: 'b' } }] } })).not.toThrow();
  expect(
    check({ filters: { $or: [{ title: { $containsi: 'a' } }, { title: { $containsi: 'b' } }, { title: { $endsWith: 'c' } }] } })
  ).toThrow(/at most 2/);
  expect(check({ filters: { quotes: { text: { $containsi: 'a' } } } })).toThrow(/not through a relation/);
  expect(check({ filters: { quotes: { text: { $eq: 'a' } } } })).not.toThrow();
});

test('what the attacker pass found: deep logical nesting, $between, _q, sorts on lists', () => {
  let deep: Record<string, unknown> = { title: { $eq: 'x' } };
  for (let i = 0; i < 20; i += 1) deep = { $and: [deep] };
  expect(check({ filters: deep })).toThrow(/nested at most/);
  expect(check({ filters: { publishDate: { $between: ['2020-01-01'] } } })).toThrow(/two values/);
  expect(check({ filters: { publishDate: { $between: ['2020-01-01', '2021-01-01'] } } })).not.toThrow();
  expect(check({ _q: 'a' })).toThrow(/_q/);
  expect(check({ sort: 'quotes.text' })).toThrow(/list of related items/);
});
