/**
 * What every GraphQL operation passes, on HTTP and on WebSocket alike: the parser's token limit, one
 * list of validation rules (aliases, depth, introspection policy), the cost limit, and one error
 * formatter (masking, no value echoed, no schema hints in production). Each transport plugs these in;
 * neither has rules of its own.
 */
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { Logger } from 'pino';
import { createFormatError } from '../graphql/common/errors';
import { maxAliases } from '../graphql/common/max-aliases';

export interface PipelineOptions {
  schema: GraphQLSchema;
  logger: Logger;
  introspection: boolean;
  /** Hide schema details ("Did you mean …") from errors. */
  production: boolean;
  /** Nesting depth allowed (default MAX_DEPTH). */
  maxDepth?: number;
}

/** Tokens a document may hold: more than any operation of the client contract needs. */
export const MAX_TOKENS = 10_000;
/** Nesting depth of a selection: the deepest contract operation is well within it (a test checks). */
export const MAX_DEPTH = 12;
/**
 * The most an operation may cost (graphql-query-complexity: 1 per field, list fields times the page they
 * ask for, and the fixed costs of the expensive queries set on their fields, e.g. caseAsOf folds a whole
 * stream). A full page of 100 case summaries fits; so do two caseAsOf; fifteen do not.
 */
export const MAX_COST = 12_000;
/** The largest answer sent over HTTP; a larger one is refused whole (ask for a smaller page). */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** The largest request body or WebSocket message accepted, before any authentication. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

const limitError = (message: string): GraphQLError => new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });

/** The code Apollo gives the same error on HTTP, so both transports format it alike. */
function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: error.extensions.code ?? code },
  });
}

export interface GraphqlPipeline {
  validationRules: ValidationRule[];
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Parses within the token limit and validates with every rule (for transports that do not parse themselves). */
  prepare(query: string): { document: DocumentNode } | { errors: readonly GraphQLError[] };
  /** The cost check, which needs the operation's variables; null when within the limit. */
  costError(document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string | null): GraphQLError | null;
}

export function createPipeline(options: PipelineOptions): GraphqlPipeline {
  const { schema, logger } = options;
  const validationRules: ValidationRule[] = [
    maxAliases,
    maxDepthRule({
      n: options.maxDepth ?? MAX_DEPTH,
      propagateOnRejection: false,
      exposeLimits: false,
      errorMessage: `The operation is nested too deeply (at most ${options.maxDepth ?? MAX_DEPTH} levels).`,
      onReject: [(context, error) => context?.reportError(limitError(error.message))],
    }),
    ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
  const formatError = createFormatError(
    (error, formatted) =>
      logger.error(
        {
          err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
          path: formatted.path,
        },
        'request failed',
      ),
    { maskInternal: true, hideSchemaDetails: options.production, inputArgumentOf: inputArgumentsOf(schema) },
  );

  return {
    validationRules,
    formatError,
    prepare(query) {
      let document: DocumentNode;
      try {
        document = parse(query, { maxTokens: MAX_TOKENS });
      } catch (error) {
        return { errors: [coded(error instanceof GraphQLError ? error : new GraphQLError('Syntax Error'), 'GRAPHQL_PARSE_FAILED')] };
      }
      const errors = validate(schema, document, [...specifiedRules, ...validationRules]);
      return errors.length > 0 ? { errors: errors.map((e) => coded(e, 'GRAPHQL_VALIDATION_FAILED')) } : { document };
    },
    costError(document, variables, operationName) {
      let cost: number;
      try {
        cost = getComplexity({
          schema,
          query: document,
          variables: variables ?? {},
          operationName: operationName ?? undefined,
          estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
        });
      } catch {
        return null; // bad variables: graphql-js reports them, field-addressed, without their values
      }
      return cost > MAX_COST
        ? limitError(`The operation costs too much (at most ${MAX_COST}); ask for smaller pages or fewer fields.`)
        : null;
    },
  };
}

/** Each top-level field's input-object argument (`input`, else `filter`), from the schema. */
function inputArgumentsOf(schema: GraphQLSchema): (field: string) => string | undefined {
  const byField = new Map<string, string>();
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const names = field.args.map((a) => a.name);
      const argument = names.includes('input') ? 'input' : names.includes('filter') ? 'filter' : undefined;
      if (argument) byField.set(field.name, argument);
    }
  }
  return (field) => byField.get(field);
}
