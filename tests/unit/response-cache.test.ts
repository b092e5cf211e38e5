// The pure parts of the response cache: the text with click totals left open, the
// validators, the Surrogate-Keys, and which database writes can change public answers.
import { etagOf, fill, purgeKeys, surrogateKeys, template, MAX_DOCUMENT_KEYS } from '../../src/lib/response-cache/answer';
import { LiveCount } from '../../src/lib/response-cache/live-count';
import { changesPublicContent } from '../../src/features/response-cache/service';

const A = 'a'.repeat(24);
const B = 'b'.repeat(24);

test('a body with live counts is kept with the counts open, and filled back to the same JSON', () => {
  const body = {
    data: [
      { documentId: A, clickCount: new LiveCount(A, 7) },
      { documentId: B, clickCount: new LiveCount(B, 0) },
    ],
    meta: {},
  };
  const made = template(body);
  expect(made.counts).toEqual([A, B]);
  expect(made.values).toEqual([7, 0]);
  expect(made.pieces).toHaveLength(3);
  expect(fill(made.pieces, made.values)).toBe(JSON.stringify(body));
  expect(JSON.parse(fill(made.pieces, [8, 1])).data.map((d: { clickCount: number }) => d.clickCount)).toEqual([8, 1]);
  // The same text with other totals has another ETag; the same totals the same one.
  expect(etagOf(made.hash, [7, 0])).toBe(etagOf(made.hash, [7, 0]));
  expect(etagOf(made.hash, [8, 0])).not.toBe(etagOf(made.hash, [7, 0]));
});

test('stored text that looks like a placeholder stays text', () => {
  const body = { title: '"gnr-live-0000000000000000:aaaaaaaaaaaaaaaaaaaaaaaa"', clickCount: 3 };
  const made = template(body);
  expect(made.counts).toEqual([]);
  expect(fill(made.pieces, made.values)).toBe(JSON.stringify(body));
});

test('surrogate keys name the collection and every document, or `many`', () => {
  const keys = surrogateKeys({ data: { documentId: A, channel: { documentId: B } } }, 'articles');
  expect(keys).toEqual(['all', 'articles', `d-${A}`, `d-${B}`]);
  const lots = Array.from({ length: MAX_DOCUMENT_KEYS + 1 }, (_, i) => ({ documentId: String(i).padStart(24, '0') }));
  expect(surrogateKeys({ data: lots }, 'articles')).toEqual(['all', 'articles', 'many']);
  expect(purgeKeys('channels', A)).toEqual(expect.arrayContaining(['channels', 'articles', `d-${A}`, 'search', 'graphql', 'many']));
});

test('draft rows and Strapi-internal writes leave public answers alone; everything else changes them', () => {
  const article = { uid: 'api::article.article', options: { draftAndPublish: true } };
  expect(changesPublicContent({ action: 'afterUpdate', model: article, result: { publishedAt: null } })).toBe(false);
  expect(changesPublicContent({ action: 'afterCreate', model: article, result: { publishedAt: '2026-11-30T00:00:00Z' } })).toBe(true);
  expect(changesPublicContent({ action: 'afterDeleteMany', model: article })).toBe(true);
  expect(changesPublicContent({ action: 'afterFindMany', model: article })).toBe(false);
  expect(changesPublicContent({ action: 'afterCreate', model: { uid: 'admin::session' } })).toBe(false);
  // The 操作日志 and the 三审 records are never read by the public: an admin login's entry leaves the cache alone.
  expect(changesPublicContent({ action: 'afterCreate', model: { uid: 'api::audit.audit-entry' }, result: {} })).toBe(false);
  expect(changesPublicContent({ action: 'afterUpdate', model: { uid: 'api::review.review-state' }, result: {} })).toBe(false);
  expect(changesPublicContent({ action: 'afterUpdate', model: { uid: 'plugin::i18n.locale' }, result: {} })).toBe(true);
  expect(changesPublicContent({ action: 'afterUpdate', model: { uid: 'plugin::users-permissions.permission' }, result: {} })).toBe(true);
  // The upload plugin's weekly metrics row is Strapi's bookkeeping; other core-store rows (settings) count.
  const store = { uid: 'strapi::core-store' };
  expect(changesPublicContent({ action: 'afterUpdate', model: store, result: { key: 'plugin_upload_metrics' } })).toBe(false);
  expect(changesPublicContent({ action: 'afterUpdate', model: store, result: { key: 'plugin_i18n_default_locale' } })).toBe(true);
});
