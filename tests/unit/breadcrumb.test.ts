import { buildBreadcrumb, withNode, wouldCreateCycle, type ChannelNode } from '../../src/lib/breadcrumb';

const node = (documentId: string, parentId: string | null): [string, ChannelNode] => [
  documentId,
  { documentId, name: documentId.toUpperCase(), slug: documentId, parentId },
];

test('lists ancestors from the root down to the node', () => {
  const nodes = new Map([node('home', null), node('news', 'home'), node('upper', 'news')]);
  expect(buildBreadcrumb(nodes, 'upper').map((item) => item.documentId)).toEqual(['home', 'news', 'upper']);
});

test('stops at a parent that is not published', () => {
  const nodes = new Map([node('news', 'home'), node('upper', 'news')]);
  expect(buildBreadcrumb(nodes, 'upper').map((item) => item.documentId)).toEqual(['news', 'upper']);
});

test('an unknown or missing channel gives an empty breadcrumb', () => {
  expect(buildBreadcrumb(new Map(), 'nope')).toEqual([]);
  expect(buildBreadcrumb(new Map([node('a', null)]), null)).toEqual([]);
});

test('a loop in the data ends the walk instead of hanging', () => {
  const nodes = new Map([node('a', 'b'), node('b', 'a')]);
  expect(buildBreadcrumb(nodes, 'a').map((item) => item.documentId)).toEqual(['b', 'a']);
});

test('detects a move under its own descendant', () => {
  const parentOf = new Map<string, string | null>([
    ['home', null],
    ['news', 'home'],
    ['upper', 'news'],
  ]);
  expect(wouldCreateCycle(parentOf, 'home', 'upper')).toBe(true);
  expect(wouldCreateCycle(parentOf, 'news', 'news')).toBe(true);
  expect(wouldCreateCycle(parentOf, 'upper', 'home')).toBe(false);
});

test('a channel added to the published tree ends its own path without changing the tree', () => {
  const published = new Map([node('home', null), node('news', 'home')]);
  const nodes = withNode(published, { documentId: 'draft', name: 'DRAFT', slug: null, parentId: 'news' });
  expect(buildBreadcrumb(nodes, 'draft').map((item) => item.documentId)).toEqual(['home', 'news', 'draft']);
  expect(published.has('draft')).toBe(false);
});
