// The decisions of the document-service rules (src/features/*/rules/), as plain functions.
import { decidePublicRead } from '../../src/features/public-api/rules/guard-public-reads';
import { decideSlug, firstFreeSlug } from '../../src/features/editing/rules/fill-slug';
import { isPublishing } from '../../src/features/schedule/rules/keep-publish-date';
import { isVisibleChange } from '../../src/utils/visible-change';
import { changedSlug, rebuildAction } from '../../src/features/rebuild/rules/record-rebuild-change';
import { relationTarget } from '../../src/features/editing/rules/guard-channel-tree';
import { sentDisclosure } from '../../src/features/disclosure/rules/check-disclosure';
import { codeToNumber, numberingMoment } from '../../src/features/disclosure/rules/assign-index-number';
import { allTypeSettings, componentSettingsOf, readableTypes, settingsOf } from '../../src/utils/type-settings';
import { isAcceptanceWrite } from '../../src/features/inspection/rules/protect-acceptances';
import { blockingOf, isDirectPublish, localesOf } from '../../src/features/inspection/guard';
import type { Finding } from '../../src/lib/inspection/types';

describe('public reads', () => {
  test('anonymous content-API reads are forced to the published version; drafts are refused', () => {
    expect(decidePublicRead('findMany', 'content-api', undefined, {})).toBe('published');
    expect(decidePublicRead('findOne', 'content-api', 'users-permissions', { status: 'published' })).toBe('published');
    expect(decidePublicRead('findMany', 'content-api', undefined, { status: 'draft' })).toBe('drafts-forbidden');
    expect(decidePublicRead('count', 'content-api', undefined, { status: 'modified' })).toBe('bad-status');
  });

  test('API tokens may read drafts; the admin panel and writes are not the public', () => {
    expect(decidePublicRead('findMany', 'content-api', 'content-api-token', { status: 'draft' })).toBe('token');
    expect(decidePublicRead('findMany', 'admin', undefined, { status: 'draft' })).toBe('not-public');
    expect(decidePublicRead('update', 'content-api', undefined, {})).toBe('not-public');
  });
});

describe('slugs', () => {
  test('generated when empty on create or emptied on update; inherited when absent on update', () => {
    expect(decideSlug('create', { title: 'x' }, 'slug')).toBe('generate');
    expect(decideSlug('create', { title: 'x', slug: '' }, 'slug')).toBe('generate');
    expect(decideSlug('create', { slug: 'mine' }, 'slug')).toBe('keep');
    expect(decideSlug('update', { title: 'x' }, 'slug')).toBe('inherit');
    expect(decideSlug('update', { slug: null }, 'slug')).toBe('generate');
    expect(decideSlug('update', { slug: 'mine' }, 'slug')).toBe('keep');
  });

  test('collisions get -2, -3 …', () => {
    expect(firstFreeSlug('a', new Set())).toBe('a');
    expect(firstFreeSlug('a', new Set(['a']))).toBe('a-2');
    expect(firstFreeSlug('a', new Set(['a', 'a-2', 'a-3']))).toBe('a-4');
  });
});

test('what counts as publishing and as a change readers see', () => {
  expect(isPublishing('publish', {})).toBe(true);
  expect(isPublishing('create', { status: 'published' })).toBe(true);
  expect(isPublishing('update', {})).toBe(false);
  for (const action of ['publish', 'unpublish', 'delete']) expect(isVisibleChange(action, {})).toBe(true);
  expect(isVisibleChange('update', { status: 'published' })).toBe(true);
  expect(isVisibleChange('update', {})).toBe(false);
  expect(isVisibleChange('create', { status: 'draft' })).toBe(false);
  expect(isVisibleChange('discardDraft', {})).toBe(false);
});

test('a rebuild change names its action and slug', () => {
  expect(rebuildAction('create')).toBe('publish');
  expect(rebuildAction('update')).toBe('publish');
  expect(rebuildAction('unpublish')).toBe('unpublish');
  expect(changedSlug({ slug: 'a' }, { slug: 'b' })).toBe('a');
  expect(changedSlug({ entries: [{ slug: 'c' }] }, null)).toBe('c');
  expect(changedSlug(null, { slug: 'b' })).toBe('b');
  expect(changedSlug(null, null)).toBeNull();
});

test('a relation input names its target in every shape editors and the API send', () => {
  expect(relationTarget('abc')).toBe('abc');
  expect(relationTarget({ documentId: 'abc' })).toBe('abc');
  expect(relationTarget({ connect: ['abc'] })).toBe('abc');
  expect(relationTarget({ set: [{ documentId: 'abc' }] })).toBe('abc');
  expect(relationTarget({ disconnect: ['abc'] })).toBeNull();
  expect(relationTarget(null)).toBeNull();
});

test('each type declares its settings in its own folder', () => {
  expect(readableTypes().sort()).toEqual(
    [
      'api::article.article',
      'api::channel.channel',
      'api::commendation.commendation',
      'api::commended-individual.commended-individual',
      'api::commended-unit.commended-unit',
      'api::speaker-quote.speaker-quote',
    ].sort()
  );
  expect(settingsOf('api::article.article')?.slug).toEqual({ field: 'slug', from: 'title' });
  expect(settingsOf('api::rebuild.rebuild-delivery')?.admin?.readOnly).toBe(true);
  expect(settingsOf('api::rebuild.rebuild-target')?.publicRead).toBeUndefined();
  const seedOrder = allTypeSettings()
    .filter((settings) => settings.seed)
    .sort((a, b) => a.seed!.order - b.seed!.order)
    .map((settings) => settings.seed!.group);
  expect(seedOrder).toEqual(['channels', 'commendations', 'commendedUnits', 'commendedIndividuals', 'articles', 'quotes']);
});

describe('信息公开 metadata', () => {
  test('a number may be given by every publish path: before a publish or an update that publishes, after a create that does', () => {
    expect(numberingMoment('publish', {})).toBe('before');
    expect(numberingMoment('update', { status: 'published' })).toBe('before');
    expect(numberingMoment('create', { status: 'published' })).toBe('after');
    expect(numberingMoment('update', {})).toBeNull();
    expect(numberingMoment('create', { status: 'draft' })).toBeNull();
    expect(numberingMoment('unpublish', {})).toBeNull();
  });

  test('the code comes from the metadata sent, else from the drafts of the locales published; none: not in the catalogue', () => {
    const drafts = [
      { locale: 'en', disclosure: null },
      { locale: 'zh-Hans', disclosure: { organizationCode: '002482365' } },
    ];
    expect(codeToNumber(undefined, drafts, ['zh-Hans'])).toBe('002482365');
    expect(codeToNumber(undefined, drafts, '*')).toBe('002482365');
    expect(codeToNumber(undefined, drafts, ['en'])).toBeNull();
    expect(codeToNumber({ organizationCode: '11330000002482365P' }, drafts, ['zh-Hans'])).toBe('11330000002482365P');
    // Metadata removed in the same write: nothing to number.
    expect(codeToNumber(null, drafts, ['zh-Hans'])).toBeNull();
  });

  test('publishing catalogue metadata without a valid 机构代码 is a 400, before any number is given', () => {
    expect(() => codeToNumber({ organizationCode: null }, [], '*')).toThrow(/机构代码/);
    expect(() => codeToNumber(undefined, [{ locale: 'zh-Hans', disclosure: { organizationCode: 'bad' } }], '*')).toThrow(/机构代码/);
  });

  test('only article writes that send metadata are checked; null (removing it) is not', () => {
    expect(sentDisclosure('update', { data: { disclosure: { topic: 'x' } } })).toEqual({ topic: 'x' });
    expect(sentDisclosure('create', { data: { disclosure: null } })).toBeNull();
    expect(sentDisclosure('update', { data: { title: 'x' } })).toBeNull();
    expect(sentDisclosure('publish', { data: { disclosure: { topic: 'x' } } })).toBeNull();
  });

  test('the component’s admin layout is declared beside the article, 索引号 not editable', () => {
    expect(componentSettingsOf('disclosure.metadata')?.admin.fields.indexNumber.editable).toBe(false);
    expect(settingsOf('api::article.article')?.admin?.fields.disclosure.label).toBe('信息公开');
  });
});

describe('the publish guard', () => {
  test('knows every way a write publishes', () => {
    expect(isDirectPublish('create', { status: 'published' })).toBe(true);
    expect(isDirectPublish('update', { status: 'published' })).toBe(true);
    expect(isDirectPublish('update', { status: 'draft' })).toBe(false);
    expect(isDirectPublish('update', {})).toBe(false);
    expect(isDirectPublish('publish', {})).toBe(false); // checked before the publish instead
  });

  test('reads the locales a publish names: one, several, all or the default', () => {
    expect(localesOf({ locale: 'en' })).toEqual(['en']);
    expect(localesOf({ locale: ['en', 'zh-Hans', 3] as unknown as string })).toEqual(['en', 'zh-Hans']);
    expect(localesOf({ locale: '*' })).toBe('*');
    expect(localesOf({})).toBeNull();
  });

  test('stops on every block and on every warning no one accepted', () => {
    const finding = (severity: Finding['severity'], accepted = false): Finding => ({
      id: severity + accepted,
      rule: 'misspelling',
      severity,
      field: 'title',
      match: 'x',
      message: 'x',
      ...(accepted ? { accepted: { reason: 'r', by: 'b', at: 'now' } } : {}),
    });
    expect(blockingOf([finding('block'), finding('block', true), finding('warn'), finding('warn', true)]).map((f) => f.id)).toEqual([
      'blockfalse',
      'blocktrue',
      'warnfalse',
    ]);
  });

  test('accepted warnings are never written through the document service', () => {
    for (const action of ['create', 'update', 'delete', 'clone', 'publish']) {
      expect(isAcceptanceWrite('api::inspection.inspection-acceptance', action)).toBe(true);
    }
    expect(isAcceptanceWrite('api::inspection.inspection-acceptance', 'findMany')).toBe(false);
    expect(isAcceptanceWrite('api::article.article', 'update')).toBe(false);
  });

  test('every type readers see declares what the checks read', () => {
    for (const uid of readableTypes()) expect(settingsOf(uid)?.inspect?.fields.length).toBeGreaterThan(0);
  });
});
