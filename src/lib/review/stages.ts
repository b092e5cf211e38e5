// 三审 (three-level review) as pure decisions: the stages an entry passes, which admin
// action owns each one, where a move leads, and which edits undo an approval. No Strapi
// import: the review service, the publish rule and the unit tests share these.

/** 草稿 → 初审 → 复审 → 终审 → 可发布. A stage names what the entry waits for. */
export const STAGES = ['draft', 'first', 'second', 'final', 'approved'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  draft: '草稿',
  first: '初审',
  second: '复审',
  final: '终审',
  approved: '可发布',
};

/** The admin actions (Settings › Roles › 三审) that own the stages: `api::` + the registered uid. */
export const REVIEW_ACTIONS = {
  submit: 'api::review.submit',
  first: 'api::review.first',
  second: 'api::review.second',
  final: 'api::review.final',
} as const;
export type ReviewAction = keyof typeof REVIEW_ACTIONS;

/** Who may move an entry out of each stage. `approved` belongs to 终审, who may take an approval back. */
export const OWNER: Record<Stage, ReviewAction> = {
  draft: 'submit',
  first: 'first',
  second: 'second',
  final: 'final',
  approved: 'final',
};

export type Move = 'forward' | 'back';

export const isStage = (value: unknown): value is Stage => typeof value === 'string' && (STAGES as readonly string[]).includes(value);
export const isMove = (value: unknown): value is Move => value === 'forward' || value === 'back';

export type MoveDecision = { ok: true; to: Stage } | { ok: false; status: 400 | 403; message: string };

/**
 * Where a move from `from` leads, if the caller (holding `actions`) may make it. Forward
 * goes one stage on; back (退回) always returns to 草稿, so the writer revises and the
 * entry passes every level again, and needs a comment (审核意见) saying why.
 */
export const decideMove = (from: Stage, move: Move, comment: string, actions: ReadonlySet<ReviewAction>): MoveDecision => {
  const owner = OWNER[from];
  if (!actions.has(owner)) {
    return { ok: false, status: 403, message: `当前阶段为${STAGE_LABELS[from]}，您的角色不能处理（This stage belongs to another role）` };
  }
  if (move === 'forward') {
    if (from === 'approved') return { ok: false, status: 400, message: '已通过终审，无需再审（Already approved）' };
    return { ok: true, to: STAGES[STAGES.indexOf(from) + 1] };
  }
  if (from === 'draft') return { ok: false, status: 400, message: '草稿不能退回（A draft cannot be sent back）' };
  if (comment.trim() === '') return { ok: false, status: 400, message: '退回须填写审核意见（A send-back needs a comment）' };
  return { ok: true, to: 'draft' };
};

/**
 * Whether a move must name the version of the draft the reviewer read (its updatedAt, as the
 * edit view showed it): every 通过 does, since it records that the text was passed. 送初审 and
 * 退回 do not: the writer submits their own text, which 初审 then reads; a send-back passes
 * nothing and the writer revises anyway. A version sent with any move is checked.
 */
export const needsVersion = (from: Stage, move: Move) => move === 'forward' && from !== 'draft';

/** The stages whose entries wait for a caller holding these actions (their 待我审核 list). */
export const stagesOwnedBy = (actions: ReadonlySet<ReviewAction>): Stage[] =>
  (['draft', 'first', 'second', 'final'] as const).filter((stage) => actions.has(OWNER[stage]));

/** The level an entry in this stage has yet to pass, for the refusal message. */
export const missingLevel = (stage: Stage) => STAGE_LABELS[stage === 'draft' ? 'first' : stage];

/** What the publish rule says about an entry not yet approved; null when it may go public. */
export const reviewRefusal = (stage: Stage, whose?: string): string | null =>
  stage === 'approved'
    ? null
    : `${whose ?? ''}尚未通过${missingLevel(stage)}（当前：${STAGE_LABELS[stage]}），须经三审后发布（Not yet approved by review: ${stage}）`;

/** Stages past 初审: an edit of what readers see sends the entry back to 初审. */
export const RESET_STAGES: ReadonlySet<Stage> = new Set(['second', 'final', 'approved']);

const sortedKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])])
    );
  }
  return value instanceof Date ? value.toISOString() : value;
};
const same = (a: unknown, b: unknown) => JSON.stringify(sortedKeys(a ?? null)) === JSON.stringify(sortedKeys(b ?? null));
const blank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * A relation value in an update that leaves the relation as it is: absent, or the
 * content manager's `{ connect: [], disconnect: [] }` (sent on every save). Any other
 * form (ids, `set`, a connect) counts as a change: comparing every shorthand with the
 * stored links would cost a query per relation for an edge the reviewer can redo.
 */
export const unchangedRelation = (value: unknown) => {
  if (value === undefined) return true;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const { connect, disconnect, set, ...rest } = value as Record<string, unknown>;
  const empty = (list: unknown) => list === undefined || (Array.isArray(list) && list.length === 0);
  return empty(connect) && empty(disconnect) && set === undefined && Object.keys(rest).length === 0;
};

/** What readers see of a type: its text fields, relations, files and single components (the 信息公开 metadata). */
export type VisibleFields = { fields: string[]; relations: string[]; media: string[]; components?: string[] };

/** Keys of a component value that are not its content: its row id and the admin's form key. */
const COMPONENT_KEYS_NOT_CONTENT = new Set(['id', '__temp_key__']);

/** Whether a single component's value changes what is stored (each key sent is compared; a removal counts). */
const componentChanged = (next: unknown, before: unknown) => {
  if (blank(next) || blank(before)) return blank(next) !== blank(before);
  if (typeof next !== 'object' || Array.isArray(next)) return true;
  const stored = (before ?? {}) as Record<string, unknown>;
  return Object.entries(next as Record<string, unknown>).some(
    ([key, value]) => !COMPONENT_KEYS_NOT_CONTENT.has(key) && !(blank(value) && blank(stored[key])) && !same(value, stored[key])
  );
};

/** The file ids a media value names: ids, `{ id }` objects (the content manager sends whole files), or one of them. */
const fileIds = (value: unknown) =>
  (Array.isArray(value) ? value : blank(value) ? [] : [value])
    .map((file) => (file && typeof file === 'object' ? (file as { id?: unknown }).id : file))
    .map(String)
    .sort();

/** The reader-visible fields an update changes, compared with the stored draft. */
export const changedVisibleFields = (data: Record<string, unknown>, stored: Record<string, unknown> | null, visible: VisibleFields) => {
  const changed: string[] = [];
  for (const field of visible.fields) {
    if (!(field in data)) continue;
    const next = data[field];
    const before = stored?.[field];
    if ((blank(next) && blank(before)) || same(next, before)) continue;
    changed.push(field);
  }
  for (const relation of visible.relations) if (!unchangedRelation(data[relation])) changed.push(relation);
  for (const field of visible.media) {
    if (field in data && !same(fileIds(data[field]), fileIds(stored?.[field]))) changed.push(field);
  }
  for (const field of visible.components ?? []) {
    if (field in data && componentChanged(data[field], stored?.[field])) changed.push(field);
  }
  return changed;
};

/** Whether an update sends the entry back to 初审: it is past 初审 and readers would see the change. */
export const resetsReview = (stage: Stage, changed: string[]) => RESET_STAGES.has(stage) && changed.length > 0;
