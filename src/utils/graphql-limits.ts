// The cost of a GraphQL operation, with graphql-query-complexity and an estimator that
// knows what a Strapi query costs: one database query per relation field and per parent
// item, list sizes from the `pagination` argument (or the default limit). `filters`
// arguments are held to the same limits as REST (src/lib/public-query.ts). The shape
// (depth, aliases, directives, fragment cycles) is checked before Apollo runs, by
// src/features/public-api/middlewares/graphql-guard.ts.
import type { Core } from '@strapi/strapi';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  visit,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { checkPublicFilters, fromGraphqlFilters, QueryProblem, type SchemaLookup } from '../lib/public-query';
import { schemaLookup } from './schema-lookup';
import { acquireHeavySlot, heavyConfig, Overloaded } from './heavy-requests';
import { markHeavy } from './time-slice';
import { graphqlTypeName } from '../strapi-internals/graphql';

export type GraphqlLimits = {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxComplexity: number;
  maxBody: string;
  defaultLimit: number;
  maxLimit: number;
};

const COLLECTION = /(Entity|Relation)ResponseCollection$/;

export const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/** Items a list field returns at most, from its pagination argument. */
const listSize = (args: Record<string, unknown>, limits: GraphqlLimits) => {
  const pagination = (args.pagination ?? {}) as { limit?: number; pageSize?: number };
  const asked = pagination.limit ?? pagination.pageSize ?? (typeof args.limit === 'number' ? args.limit : undefined);
  if (asked === undefined || asked === null) return limits.defaultLimit;
  return asked < 0 ? limits.maxLimit : Math.min(asked, limits.maxLimit);
};

/** GraphQL type name (Article) -> content type uid, for the filter checks. */
const typeNames = (strapi: Core.Strapi) => {
  const map = new Map<string, string>();
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) map.set(graphqlTypeName(strapi, contentType), uid);
  return map;
};

let uidOf: Map<string, string> | null = null;
// One content-model lookup (with its cache) for every operation, not one per field.
let lookup: SchemaLookup | null = null;

const estimator =
  (limits: GraphqlLimits, problems: string[]): ComplexityEstimator =>
  ({ type, field, args, childComplexity }) => {
    const named = getNamedType(field.type);
    if (args.filters !== undefined && args.filters !== null) {
      uidOf ??= typeNames(strapi);
      const target = uidOf.get(named.name.replace(COLLECTION, ''));
      if (target) {
        try {
          lookup ??= schemaLookup(strapi);
          checkPublicFilters(fromGraphqlFilters(args.filters), target, lookup, `${field.name}(filters)`);
        } catch (error) {
          if (!(error instanceof QueryProblem)) throw error;
          problems.push(error.message);
        }
      }
    }
    // A site search ranks every match before it pages: it costs like a page of a list.
    if (type.name === 'Query' && field.name === 'search') {
      const size = typeof args.pageSize === 'number' ? Math.min(Math.max(args.pageSize, 1), 50) : 10;
      return SEARCH_COST + size;
    }
    if (isLeafType(named)) return 0;
    // A collection's `nodes` were counted by the field that returned the collection.
    if (COLLECTION.test(type.name) && field.name === 'nodes') return childComplexity;
    const list = isListType(getNullableType(field.type)) || COLLECTION.test(named.name);
    return 1 + (list ? listSize(args, limits) : 1) * childComplexity;
  };

/** What one `search` field costs beyond its page size (see the estimator). */
const SEARCH_COST = 40;

/** Whether the operation may scan: a `filters` argument anywhere, or a site search. */
const mayScan = (document: DocumentNode) => {
  let found = false;
  visit(document, {
    Argument(node) {
      if (node.name.value === 'filters') found = true;
    },
    Field(node) {
      if (node.name.value === 'search') found = true;
    },
  });
  return found;
};

/**
 * An internal error goes out as "Internal Server Error" alone. Apollo gives its own refusals
 * of a malformed request (a persisted query's hash that does not match, an unsupported
 * version) no code, so they read as internal: with a 4xx status they are the client's
 * mistake, in Apollo's own words, and named BAD_REQUEST.
 */
export const hideInternalError = (error: GraphQLFormattedError, status: number | undefined): GraphQLFormattedError => {
  if (error.extensions?.code !== 'INTERNAL_SERVER_ERROR') return error;
  // Strapi's formatter has already replaced an unexpected error's message (and copied it into extensions.error).
  if (status !== undefined && status >= 400 && status < 500 && error.message !== 'Internal Server Error') {
    return { message: error.message, extensions: { code: 'BAD_REQUEST' } };
  }
  return { message: 'Internal Server Error', path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
};

/** Apollo Server plugin: refuses an operation over the cost before any resolver runs. */
export const costLimitPlugin = {
  async requestDidStart() {
    let release: (() => void) | null = null;
    return {
      async didResolveOperation({
        document,
        operation,
        request,
        schema,
      }: {
        document: DocumentNode;
        operation?: unknown;
        request: { variables?: Record<string, unknown>; operationName?: string | null };
        schema: GraphQLSchema;
      }) {
        // No operation by that name (or several and no name): nothing will run, and Apollo
        // answers its own 400 (graphql-query-complexity would throw a plain Error: a 500).
        if (!operation) return;
        const limits = strapi.config.get('graphql-limits') as GraphqlLimits;
        const problems: string[] = [];
        let complexity: number;
        try {
          complexity = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
            estimators: [estimator(limits, problems)],
          });
        } catch (error) {
          // Variables that do not fit their types (a number for a String!, a missing one)
          // fail here first: the client's mistake, a 400 with GraphQL's own message.
          if (error instanceof GraphQLError) throw badInput(error.message);
          throw error;
        }
        if (problems.length) throw badInput(problems[0]);
        if (complexity > limits.maxComplexity) {
          throw badInput(
            `Query cost ${complexity} is over the limit of ${limits.maxComplexity}: ask for fewer items per list ` +
              '(pagination: { limit }) or fewer nested relations'
          );
        }
        // An operation that may scan the archive waits for a heavy-request slot.
        if (complexity > heavyConfig(strapi).lightCost || mayScan(document)) {
          try {
            release = await acquireHeavySlot(strapi);
            markHeavy();
          } catch (error) {
            if (!(error instanceof Overloaded)) throw error;
            throw new GraphQLError('Too many expensive queries at once: retry shortly', {
              extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: new Map([['retry-after', '1']]) } },
            });
          }
        }
      },
      // Strapi's error formatter copies an unexpected error's message (SQL included)
      // into extensions.error: an internal error goes out as "Internal Server Error" alone.
      async willSendResponse({
        response,
      }: {
        response: { http?: { status?: number }; body: { kind: string; singleResult?: { errors?: readonly GraphQLFormattedError[] } } };
      }) {
        release?.();
        const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
        if (result?.errors) result.errors = result.errors.map((error) => hideInternalError(error, response.http?.status));
      },
    };
  },
};
