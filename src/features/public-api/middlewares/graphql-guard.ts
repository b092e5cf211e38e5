// GraphQL operations are checked for their shape before Apollo sees them, with
// graphql-armor's maintained rules: depth, aliases, directives, and fragment cycles
// (which make Strapi's own depth rule throw a 500 before graphql's validation reports
// them). A NUL character anywhere (PostgreSQL refuses it with SQL in the message) is
// refused too. Each answers 400 in GraphQL's error format. The cost is checked inside
// Apollo once variables are known (src/utils/graphql-limits.ts).
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import parseBody from 'co-body';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLObjectType, GraphQLSchema, GraphQLString, Kind, NoFragmentCyclesRule, parse, validate, type DocumentNode } from 'graphql';
import type { GraphqlLimits } from '../../../utils/graphql-limits';
import { carriesNul } from './reject-nul-bytes';
import { trackRequest } from '../../../utils/time-slice';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

// The shape rules read only the document; validate() still wants a schema.
const SHAPE_SCHEMA = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }) });
// Parsing is linear, but a document's size is still bounded before anything walks it.
const MAX_TOKENS = 10_000;
const NUL_ESCAPE = /\\u0000|\\u\{0+\}/i;

/**
 * Parses a JSON GraphQL body into ctx.request.body, once: Apollo's body parser takes a body
 * that is already there (strapi::body has parsed it already unless the URL is exactly the
 * endpoint). On a body that is not JSON or too large, answers 400/413 and returns false.
 */
export const readGraphqlBody = async (ctx: KoaContext, maxBody: string | number) => {
  const request = ctx.request as { body?: unknown };
  if (request.body !== undefined) return true;
  try {
    request.body = await parseBody.json(ctx.req, { limit: maxBody });
    return true;
  } catch (error) {
    const status = (error as { status?: number }).status ?? 400;
    ctx.status = status;
    ctx.body = { errors: [{ message: status === 413 ? `The request body is over ${maxBody}` : 'The request body is not valid JSON' }] };
    return false;
  }
};

/** The kind of the operation a request runs (`query`, `mutation`…), or null when unclear. */
export const operationKind = (document: DocumentNode, operationName: unknown) => {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const chosen =
    typeof operationName === 'string' && operationName
      ? operations.find((operation) => operation.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  return chosen?.operation ?? null;
};

/** Kinds of the automatic persisted queries seen, by sha256 and operation name (bounded, oldest dropped first). */
const persistedKinds = new Map<string, string | null>();
const PERSISTED_MAX = 10_000;

const persistedHash = (extensions: unknown) => {
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? hash : null;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What is wrong with the request's envelope (not its document), or null. Apollo would
 * refuse most of these too, but some only after a plugin has choked on them (a 500).
 */
export const envelopeProblem = (operation: { query?: unknown; operationName?: unknown; extensions?: unknown }): string | null => {
  const { operationName, extensions } = operation;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return 'operationName must be a string';
  if (extensions === undefined || extensions === null) return null;
  if (!isObject(extensions)) return 'extensions must be a JSON object';
  const persisted = extensions.persistedQuery;
  if (persisted === undefined) return null;
  if (!isObject(persisted) || persisted.version !== 1 || persistedHash(extensions) === null) {
    return 'extensions.persistedQuery must be { "version": 1, "sha256Hash": "<the sha256 of the query, 64 lowercase hex digits>" }';
  }
  if (typeof operation.query === 'string' && createHash('sha256').update(operation.query).digest('hex') !== persisted.sha256Hash) {
    return 'provided sha does not match query: sha256Hash must be the sha256 of the query sent with it';
  }
  return null;
};

/** An operation named in operationName that the document does not hold, or several without a name. */
export const operationProblem = (document: DocumentNode, operationName: unknown): string | null => {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (typeof operationName === 'string' && operationName) {
    return operations.some((operation) => operation.name?.value === operationName) ? null : `Unknown operation named "${operationName}".`;
  }
  return operations.length > 1 ? 'Must provide operation name if query contains multiple operations.' : null;
};

/** A 400 in GraphQL's error format; BAD_REQUEST for a malformed request, as Apollo names it. */
const refuse = (ctx: KoaContext, message: string, code = 'BAD_USER_INPUT') => {
  ctx.status = 400;
  ctx.body = { errors: [{ message, extensions: { code } }] };
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const endpoint = strapi.config.get('plugin::graphql.endpoint', '/graphql') as string;
  const limits = strapi.config.get('graphql-limits') as GraphqlLimits;
  const react = { propagateOnRejection: false, exposeLimits: true };
  const rules = [
    NoFragmentCyclesRule,
    maxDepthRule({ n: limits.maxDepth, ...react, onReject: [(context, error) => context?.reportError(error)] }),
    maxAliasesRule({ n: limits.maxAliases, ...react, onReject: [(context, error) => context?.reportError(error)] }),
    maxDirectivesRule({ n: limits.maxDirectives, ...react, onReject: [(context, error) => context?.reportError(error)] }),
  ];

  return async (ctx: KoaContext, next: () => Promise<unknown>) => {
    // The router matches /GraphQL and /graphql/ too.
    if (ctx.path.toLowerCase().replace(/\/+$/, '') !== endpoint.toLowerCase() || (ctx.method !== 'POST' && ctx.method !== 'GET'))
      return next();
    let operation: { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown };
    if (ctx.method === 'POST') {
      if (!ctx.is('application/json')) return next();
      if (!(await readGraphqlBody(ctx, limits.maxBody))) return;
      operation = (ctx.request.body ?? {}) as typeof operation;
    } else {
      let variables: unknown = ctx.query.variables;
      try {
        if (typeof variables === 'string') variables = JSON.parse(variables);
      } catch {
        return refuse(ctx, 'variables must be JSON');
      }
      let extensions: unknown = ctx.query.extensions;
      try {
        if (typeof extensions === 'string') extensions = JSON.parse(extensions);
      } catch {
        return refuse(ctx, 'extensions must be JSON');
      }
      operation = { query: ctx.query.query, variables, operationName: ctx.query.operationName, extensions };
    }
    if (Array.isArray(operation)) return refuse(ctx, 'Batched operations are not accepted');
    if (!isObject(operation)) return refuse(ctx, 'The request body must be a JSON object', 'BAD_REQUEST');
    const envelope = envelopeProblem(operation);
    if (envelope) return refuse(ctx, envelope, 'BAD_REQUEST');
    const persisted = persistedHash(operation.extensions);
    if (typeof operation.query !== 'string') {
      // An automatic persisted query by its hash alone: Apollo runs the document it stored
      // when the full operation came through this guard; its kind was noted then.
      if (persisted) ctx.state.graphqlOperation = persistedKinds.get(`${persisted}|${operation.operationName ?? ''}`) ?? null;
      return next();
    }
    if (operation.query.includes('\u0000') || NUL_ESCAPE.test(operation.query) || carriesNul(operation.variables)) {
      return refuse(ctx, 'The operation contains a NUL character (\\u0000), which no field accepts');
    }
    let document: DocumentNode;
    try {
      document = parse(operation.query, { maxTokens: MAX_TOKENS });
    } catch (error) {
      if (/tokens/.test((error as Error).message)) return refuse(ctx, `An operation may have at most ${MAX_TOKENS} tokens`);
      return next(); // Apollo answers syntax errors itself, in its own words
    }
    const errors = validate(SHAPE_SCHEMA, document, rules);
    if (errors.length) return refuse(ctx, errors[0].message.replace(/^Syntax Error: /, ''));
    const unresolved = operationProblem(document, operation.operationName);
    if (unresolved) return refuse(ctx, unresolved, 'OPERATION_RESOLUTION_FAILURE');
    // Only a query's answer may be cached (src/features/response-cache/middlewares/public-cache-headers.ts).
    ctx.state.graphqlOperation = operationKind(document, operation.operationName);
    // Noted only for the document the hash names (Apollo refuses a mismatch, and a note
    // taken from another document could pass a mutation off as a query).
    if (persisted && createHash('sha256').update(operation.query).digest('hex') === persisted) {
      if (persistedKinds.size >= PERSISTED_MAX) persistedKinds.delete(persistedKinds.keys().next().value as string);
      persistedKinds.set(`${persisted}|${operation.operationName ?? ''}`, ctx.state.graphqlOperation);
    }
    // The cost check (src/utils/graphql-limits.ts) marks a heavy operation in this context.
    return trackRequest(() => next());
  };
};
