// The pure decisions behind the side-door guards (#27): relation inputs read in every form
// Strapi takes, which articles a write to a linked entry touches, which schedule fields a
// write changes, who a scheduled job runs for, and the reader graph read from the declarations.
import { linkedWriteDecision, parseRelationInput } from '../../src/features/linked-entries/rules/guard-linked-edits';
import { changedSchedule, scheduledByOf } from '../../src/features/schedule/rules/guard-scheduling';
import { linksToCopy } from '../../src/features/editing/rules/guard-clone';
import { onBehalfOf } from '../../src/features/schedule/service';
import { actorOf } from '../../src/lib/audit/actor';
import { ownersOf, readerGraphOf, type SchemaLookup } from '../../src/utils/type-settings';

describe('parseRelationInput', () => {
  test('the content manager’s empty connect/disconnect leaves the relation as it is; absent too', () => {
    expect(parseRelationInput(undefined)).toBeNull();
    expect(parseRelationInput({ connect: [], disconnect: [] })).toBeNull();
  });
  test('reads documentIds, row ids, objects, lists, null, connect/disconnect/set', () => {
    expect(parseRelationInput('abc')).toEqual({ replace: true, connect: [{ documentId: 'abc' }], disconnect: [] });
    expect(parseRelationInput(7)).toEqual({ replace: true, connect: [{ id: 7 }], disconnect: [] });
    expect(parseRelationInput(null)).toEqual({ replace: true, connect: [], disconnect: [] });
    expect(parseRelationInput([{ documentId: 'a' }, { id: '3' }])).toEqual({
      replace: true,
      connect: [{ documentId: 'a' }, { id: 3 }],
      disconnect: [],
    });
    expect(parseRelationInput({ connect: [{ id: 1, documentId: 'a', locale: 'zh-Hans' }], disconnect: [{ documentId: 'b' }] })).toEqual({
      replace: false,
      connect: [{ documentId: 'a' }],
      disconnect: [{ documentId: 'b' }],
    });
    expect(parseRelationInput({ set: [] })).toEqual({ replace: true, connect: [], disconnect: [] });
    expect(parseRelationInput({ connect: 'a' })).toEqual({ replace: false, connect: [{ documentId: 'a' }], disconnect: [] });
  });
});

describe('linkedWriteDecision', () => {
  const base = { before: [] as string[], input: null, toOne: true, changed: [] as string[] };
  test('a quote created on an article: that article, checked and sent back', () => {
    expect(linkedWriteDecision({ ...base, action: 'create', input: { replace: false, connect: ['A'], disconnect: [] } })).toEqual({
      check: ['A'],
      reset: ['A'],
      what: '新建',
    });
    expect(linkedWriteDecision({ ...base, action: 'create' })).toMatchObject({ check: [], reset: [] });
  });
  test('moved to another article (a to-one link: connect replaces): both', () => {
    const decision = linkedWriteDecision({
      ...base,
      action: 'update',
      before: ['A'],
      input: { replace: false, connect: ['B'], disconnect: [] },
    });
    expect(decision.reset.sort()).toEqual(['A', 'B']);
    expect(decision.what).toBe('关联，取消关联');
  });
  test('its text changed: the articles it is in; an update changing nothing visible touches none', () => {
    expect(linkedWriteDecision({ ...base, action: 'update', before: ['A', 'B'], toOne: false, changed: ['text'] })).toEqual({
      check: ['A', 'B'],
      reset: ['A', 'B'],
      what: '修改 text',
    });
    expect(linkedWriteDecision({ ...base, action: 'update', before: ['A'] })).toEqual({ check: [], reset: [], what: '' });
  });
  test('many-to-many: a connect adds, a disconnect removes, the rest stay untouched', () => {
    const decision = linkedWriteDecision({
      ...base,
      toOne: false,
      action: 'update',
      before: ['A', 'B'],
      input: { replace: false, connect: ['C'], disconnect: ['A'] },
    });
    expect(decision.reset.sort()).toEqual(['A', 'C']);
  });
  test('deleted: every article it was in; published or discarded: the right is checked, no approved text changed', () => {
    expect(linkedWriteDecision({ ...base, action: 'delete', before: ['A'] })).toMatchObject({ check: ['A'], reset: ['A'] });
    expect(linkedWriteDecision({ ...base, action: 'publish', before: ['A'] })).toEqual({ check: ['A'], reset: [], what: '' });
    expect(linkedWriteDecision({ ...base, action: 'discardDraft', before: ['A'] })).toMatchObject({ check: ['A'], reset: [] });
  });
  test('a clone not relinked is shown where its source is', () => {
    expect(linkedWriteDecision({ ...base, action: 'clone', before: ['A'] })).toMatchObject({ reset: ['A'], what: '复制' });
    expect(
      linkedWriteDecision({ ...base, action: 'clone', before: ['A'], input: { replace: true, connect: ['C'], disconnect: [] } })
    ).toMatchObject({
      reset: ['C'],
    });
  });
});

describe('clone', () => {
  test('single links the client did not set are left off and copied', () => {
    expect(linksToCopy(['quotes'], {})).toEqual(['quotes']);
    expect(linksToCopy(['quotes'], { quotes: { connect: [], disconnect: [] } })).toEqual(['quotes']);
    expect(linksToCopy(['quotes'], { quotes: { set: [] } })).toEqual([]);
  });
});

describe('scheduling', () => {
  test('set, moved or cleared times are changes; the same time in another form is not', () => {
    const stored = { publishAt: '2030-01-01T00:00:00.000Z', unpublishAt: null };
    expect(changedSchedule({ publishAt: '2030-01-01T00:00:00Z', unpublishAt: null }, stored)).toEqual([]);
    expect(changedSchedule({ publishAt: null }, stored)).toEqual(['publishAt']);
    expect(changedSchedule({ unpublishAt: '2030-02-01T00:00:00Z' }, stored)).toEqual(['unpublishAt']);
    expect(changedSchedule({ publishAt: '2030-01-01T00:00:00Z' }, null)).toEqual(['publishAt']);
    expect(changedSchedule({ title: 'x' }, stored)).toEqual([]);
  });
  test('the job runs for whoever set it, and the log names them', () => {
    const by = scheduledByOf({ kind: 'admin', ability: {}, user: { id: 5, firstname: '终审', lastname: '编辑' } });
    expect(by).toEqual({ kind: 'admin', id: 5, name: '终审 编辑' });
    expect(scheduledByOf({ kind: 'system' })).toBeNull();
    const job = onBehalfOf('publish', by);
    expect(actorOf({ onBehalfOf: job! }, 'strapi')).toMatchObject({
      actorKind: 'admin',
      actorId: 5,
      actorName: '终审 编辑（定时发布）',
      ip: null,
    });
    expect(onBehalfOf('unpublish', { kind: 'root', name: 'x' })).toBeNull();
    expect(onBehalfOf('unpublish', null)).toBeNull();
    expect(actorOf(undefined, 'strapi').actorKind).toBe('system');
  });
});

describe('the reader graph', () => {
  const schemas: Record<string, { attributes: Record<string, unknown> }> = {
    'api::article.article': {
      attributes: {
        title: { type: 'string' },
        disclosure: { type: 'component', repeatable: false },
        quotes: { type: 'relation', relation: 'oneToMany', target: 'api::speaker-quote.speaker-quote', mappedBy: 'article' },
        commendedUnits: { type: 'relation', relation: 'manyToMany', target: 'api::commended-unit.commended-unit', inversedBy: 'articles' },
        commendedIndividuals: {
          type: 'relation',
          relation: 'manyToMany',
          target: 'api::commended-individual.commended-individual',
          inversedBy: 'articles',
        },
      },
    },
  };
  const schema: SchemaLookup = (uid) => schemas[uid];
  test('an article shows its fields, files, 信息公开, channel and linked entries; a quote belongs to one article', () => {
    const graph = readerGraphOf(schema, 'api::article.article');
    expect(graph.fields).toContain('body');
    expect(graph.media).toEqual(['cover', 'attachments']);
    expect(graph.components).toEqual(['disclosure']);
    expect(graph.relations).toEqual(['quotes', 'commendedUnits', 'commendedIndividuals', 'channel']);
    expect(graph.links[0]).toEqual({ field: 'quotes', target: 'api::speaker-quote.speaker-quote', inverse: 'article', single: true });
    expect(graph.links[1].single).toBe(false);
  });
  test('quotes and commended names know the articles they are shown in', () => {
    expect(ownersOf(schema, 'api::speaker-quote.speaker-quote')).toEqual([
      { owner: 'api::article.article', link: expect.objectContaining({ field: 'quotes', inverse: 'article' }) },
    ]);
    expect(ownersOf(schema, 'api::commended-unit.commended-unit')[0].link.inverse).toBe('articles');
    expect(ownersOf(schema, 'api::channel.channel')).toEqual([]);
  });
});
