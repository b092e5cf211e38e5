// What a publish check reports. Pure data: the admin side panel shows it, the publish
// guard refuses on it, a 4xx lists it.

/** `block`: must be fixed before publishing. `warn`: fixed, or accepted with a reason by 终审. */
export type Severity = 'block' | 'warn';

export type RuleName =
  | 'forbidden-word'
  | 'sensitive-word'
  | 'misspelling'
  | 'id-number'
  | 'mobile-number'
  | 'bank-card'
  | 'broken-link'
  | 'missing-fact'
  | 'future-date'
  | 'review-stage'
  /** A rule the type declares in its src/api/<name>/newsroom.ts (`checks`). */
  | 'type-rule';

/** Where a finding is: a field of the article itself or of a linked entry (quote, commended name). */
export type Place = {
  /** Readable path, e.g. `title`, `body`, `quotes[2].text`, `commendedIndividuals[0].name`. */
  field: string;
  /** For rich text: the index path of the text node inside the blocks (`[3, 'children', 0]`). */
  node?: Array<string | number>;
  /** UTF-16 offsets of the match inside that field's (or node's) text; end exclusive. */
  start?: number;
  end?: number;
};

export type Finding = Place & {
  /** Stable across unrelated edits: rule, field and the matched text (not the offset). */
  id: string;
  rule: RuleName;
  severity: Severity;
  /** The text found (for personal data: already masked, so the report itself leaks nothing). */
  match: string;
  message: string;
  /** What to write instead, when there is one (a correct form, a masked number). */
  suggestion?: string;
  /** One-click fix: replace [start, end) of the field or node by `suggestion`. */
  fixable?: boolean;
  /** Set when a 终审 accepted this warning. */
  accepted?: { reason: string; by: string; at: string };
};

/** One piece of text a rule reads, and where it came from. */
export type TextPiece = { field: string; node?: Array<string | number>; text: string };
