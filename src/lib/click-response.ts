// The HTTP answer to a click, in Strapi's response and error shapes. Shared by the
// fast path (which runs before Strapi's error middleware) and the routed controller.
/** What the click service answers; the HTTP layers turn it into a response. */
export type ClickOutcome =
  | { status: 202; documentId: string; total: number; counted: boolean }
  | { status: 400 | 404 | 503; message: string }
  | { status: 429; message: string; retryAfter: number };

const ERROR_NAMES = { 400: 'ValidationError', 404: 'NotFoundError', 429: 'RateLimitError', 503: 'ServiceUnavailableError' } as const;

type Ctx = { status: number; body: unknown; set: (name: string, value: string) => void };

export const writeClickOutcome = (ctx: Ctx, outcome: ClickOutcome) => {
  ctx.status = outcome.status;
  if (outcome.status === 202) {
    ctx.body = { data: { documentId: outcome.documentId, total: outcome.total, counted: outcome.counted } };
    return;
  }
  if (outcome.status === 429) ctx.set('Retry-After', String(outcome.retryAfter));
  ctx.body = {
    data: null,
    error: { status: outcome.status, name: ERROR_NAMES[outcome.status], message: outcome.message, details: {} },
  };
};
