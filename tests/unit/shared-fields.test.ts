import { isEmptyGraph, sharedVisibleFields } from '../../src/lib/review/shared-fields';

const shared = { pluginOptions: { i18n: { localized: false } } };
const own = { pluginOptions: { i18n: { localized: true } } };

test('the reader-visible fields, files and components declared localized: false, never relations', () => {
  const visible = { fields: ['title', 'legacyClickCount'], relations: ['quotes'], media: ['cover'], components: ['disclosure'] };
  const attributes = { title: own, legacyClickCount: shared, quotes: {}, cover: shared, disclosure: shared, publishDate: shared };
  expect(sharedVisibleFields(visible, attributes)).toEqual({
    fields: ['legacyClickCount'],
    relations: [],
    media: ['cover'],
    components: ['disclosure'],
  });
});

test('a type whose visible fields are all localized shares none', () => {
  const result = sharedVisibleFields({ fields: ['title'], relations: [], media: [] }, { title: own, order: shared });
  expect(isEmptyGraph(result)).toBe(true);
  // An attribute without i18n options is not taken for shared.
  expect(isEmptyGraph(sharedVisibleFields({ fields: ['title'], relations: [], media: [] }, { title: {} }))).toBe(true);
});
