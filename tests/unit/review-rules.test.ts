// 三审's pure decisions: who may move an entry from which stage and where it leads, that a
// send-back needs a comment, the 待我审核 stages of each role, which edits undo an approval,
// and what the publish rule says about each stage.
import {
  changedVisibleFields,
  decideMove,
  resetsReview,
  reviewRefusal,
  stagesOwnedBy,
  unchangedRelation,
  type ReviewAction,
  type Stage,
} from '../../src/lib/review/stages';
import { bestStage, reviewFinding } from '../../src/features/review/check-review-stage';

const roles = {
  writer: new Set<ReviewAction>(['submit']),
  first: new Set<ReviewAction>(['first']),
  second: new Set<ReviewAction>(['second']),
  final: new Set<ReviewAction>(['final']),
  superAdmin: new Set<ReviewAction>(['submit', 'first', 'second', 'final']),
};

describe('moves', () => {
  test('each role moves forward only from the stage it owns, one stage on', () => {
    expect(decideMove('draft', 'forward', '', roles.writer)).toEqual({ ok: true, to: 'first' });
    expect(decideMove('first', 'forward', '', roles.first)).toEqual({ ok: true, to: 'second' });
    expect(decideMove('second', 'forward', '', roles.second)).toEqual({ ok: true, to: 'final' });
    expect(decideMove('final', 'forward', '', roles.final)).toEqual({ ok: true, to: 'approved' });
  });

  test('a role is refused (403) on stages it does not own', () => {
    const owners: Record<Stage, keyof typeof roles> = {
      draft: 'writer',
      first: 'first',
      second: 'second',
      final: 'final',
      approved: 'final',
    };
    for (const stage of Object.keys(owners) as Stage[]) {
      for (const role of ['writer', 'first', 'second', 'final'] as const) {
        if (role === owners[stage]) continue;
        expect(decideMove(stage, 'forward', 'ok', roles[role])).toMatchObject({ ok: false, status: 403 });
        expect(decideMove(stage, 'back', 'ok', roles[role])).toMatchObject({ ok: false, status: 403 });
      }
    }
  });

  test('sending back needs a comment and returns to 草稿; a draft cannot be sent back', () => {
    expect(decideMove('second', 'back', '  ', roles.second)).toMatchObject({ ok: false, status: 400 });
    expect(decideMove('second', 'back', '数据须核实', roles.second)).toEqual({ ok: true, to: 'draft' });
    expect(decideMove('approved', 'back', '撤回批准', roles.final)).toEqual({ ok: true, to: 'draft' });
    expect(decideMove('draft', 'back', '理由', roles.writer)).toMatchObject({ ok: false, status: 400 });
    expect(decideMove('approved', 'forward', '', roles.final)).toMatchObject({ ok: false, status: 400 });
  });

  test('a Super Admin holds every stage', () => {
    let stage: Stage = 'draft';
    for (let i = 0; i < 4; i += 1) {
      const decision = decideMove(stage, 'forward', '', roles.superAdmin);
      if (!decision.ok) throw new Error(decision.message);
      stage = decision.to;
    }
    expect(stage).toBe('approved');
  });

  test('待我审核: each role waits on its own stage; the writer on what was sent back', () => {
    expect(stagesOwnedBy(roles.writer)).toEqual(['draft']);
    expect(stagesOwnedBy(roles.first)).toEqual(['first']);
    expect(stagesOwnedBy(roles.final)).toEqual(['final']);
    expect(stagesOwnedBy(new Set())).toEqual([]);
  });
});

describe('edits after approval', () => {
  const visible = { fields: ['title', 'body'], relations: ['quotes', 'channel'], media: ['cover'] };
  const stored = { title: '标题', body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }], cover: { id: 3 } };

  test('a changed title, body, file or relation counts; the same values in another key order do not', () => {
    expect(changedVisibleFields({ title: '新标题' }, stored, visible)).toEqual(['title']);
    expect(changedVisibleFields({ body: [{ children: [{ text: '正文', type: 'text' }], type: 'paragraph' }] }, stored, visible)).toEqual(
      []
    );
    expect(changedVisibleFields({ body: [{ type: 'paragraph', children: [{ type: 'text', text: '改' }] }] }, stored, visible)).toEqual([
      'body',
    ]);
    expect(changedVisibleFields({ cover: { id: 3, url: '/uploads/a.png' } }, stored, visible)).toEqual([]);
    expect(changedVisibleFields({ cover: 4 }, stored, visible)).toEqual(['cover']);
    expect(changedVisibleFields({ quotes: { connect: [{ documentId: 'q' }], disconnect: [] } }, stored, visible)).toEqual(['quotes']);
    expect(changedVisibleFields({ channel: { connect: [], disconnect: [] } }, stored, visible)).toEqual([]);
  });

  test('the 信息公开 metadata counts when a value readers see changes or it is removed, not when it is sent back as stored', () => {
    const withDisclosure = { ...visible, components: ['disclosure'] };
    const disclosure = { id: 7, indexNumber: '002482410/2026-00001', documentNumber: '浙机管〔2026〕1号', writtenDate: '2026-01-05' };
    const before = { ...stored, disclosure };
    expect(changedVisibleFields({ disclosure: { ...disclosure, __temp_key__: 'a0' } }, before, withDisclosure)).toEqual([]);
    expect(changedVisibleFields({ disclosure: { id: 7, documentNumber: '浙机管〔2026〕2号' } }, before, withDisclosure)).toEqual([
      'disclosure',
    ]);
    expect(changedVisibleFields({ disclosure: null }, before, withDisclosure)).toEqual(['disclosure']);
    expect(
      changedVisibleFields({ disclosure: { documentNumber: '浙机管〔2026〕1号' } }, { ...stored, disclosure: null }, withDisclosure)
    ).toEqual(['disclosure']);
    expect(changedVisibleFields({ disclosure: null }, { ...stored, disclosure: null }, withDisclosure)).toEqual([]);
  });

  test('fields readers do not see, and empty values for empty ones, do not count', () => {
    expect(changedVisibleFields({ legacyKey: 'x', slug: 'y', title: '标题' }, stored, visible)).toEqual([]);
    expect(changedVisibleFields({ subtitle: '' }, { subtitle: null }, { ...visible, fields: ['subtitle'] })).toEqual([]);
  });

  test('the content manager’s empty relation change is no change; ids or set are', () => {
    expect(unchangedRelation(undefined)).toBe(true);
    expect(unchangedRelation({ connect: [], disconnect: [] })).toBe(true);
    expect(unchangedRelation(['a'])).toBe(false);
    expect(unchangedRelation({ set: [] })).toBe(false);
    expect(unchangedRelation(null)).toBe(false);
  });

  test('only an entry past 初审 goes back; a draft or one waiting for 初审 is not moved', () => {
    for (const stage of ['second', 'final', 'approved'] as Stage[]) expect(resetsReview(stage, ['title'])).toBe(true);
    for (const stage of ['draft', 'first'] as Stage[]) expect(resetsReview(stage, ['title'])).toBe(false);
    expect(resetsReview('approved', [])).toBe(false);
  });
});

describe('the publish rule', () => {
  test('names the level still missing and the current stage; nothing once approved', () => {
    expect(reviewRefusal('second')).toContain('尚未通过复审（当前：复审）');
    expect(reviewRefusal('draft')).toContain('尚未通过初审（当前：草稿）');
    expect(reviewRefusal('final', '所属稿件')).toMatch(/^所属稿件尚未通过终审/);
    expect(reviewRefusal('approved')).toBeNull();
    expect(reviewFinding('approved')).toEqual([]);
    expect(reviewFinding('final')).toEqual([expect.objectContaining({ rule: 'review-stage', severity: 'block', match: 'final' })]);
  });

  test('a quote goes with the furthest of its articles; none without one', () => {
    expect(bestStage(['draft', 'approved', 'first'])).toBe('approved');
    expect(bestStage(['first'])).toBe('first');
    expect(bestStage([])).toBeNull();
  });
});
