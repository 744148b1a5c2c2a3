/**
 * The API's error codes and the one place errors are shaped for clients: field-addressed input errors,
 * domain rule codes, masked internals. Nothing a client sent is echoed back (it may be patient data).
 */
import { GraphQLError, Kind, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import type { CommandFailure } from '../../commands/command-handler';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  DOMAIN_RULE_VIOLATION: 'DOMAIN_RULE_VIOLATION',
  CONCURRENCY_CONFLICT: 'CONCURRENCY_CONFLICT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A command id (idempotency key) sent again with a different command. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export interface FieldProblem {
  path: string;
  constraints: string[];
}

export const badUserInput = (fields: FieldProblem[]): GraphQLError =>
  new GraphQLError(`Invalid input: ${fields.map((f) => `${f.path} (${f.constraints.join('; ')})`).join(', ')}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
  });

export const notFound = (what: string): GraphQLError =>
  new GraphQLError(`${what} not found`, { extensions: { code: ErrorCode.NOT_FOUND } });

export const forbidden = (message = 'not allowed'): GraphQLError =>
  new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });

export const unauthenticated = (): GraphQLError =>
  new GraphQLError('authentication required: send a valid bearer token', { extensions: { code: ErrorCode.UNAUTHENTICATED } });

export function commandFailureError(failure: CommandFailure): GraphQLError {
  switch (failure.kind) {
    case 'domain':
      if (failure.error.rule === 'CASE_NOT_FOUND') return notFound('case');
      if (failure.error.rule === 'PATIENT_NOT_FOUND') return notFound('patient');
      return new GraphQLError(failure.error.message, {
        extensions: { code: ErrorCode.DOMAIN_RULE_VIOLATION, rule: failure.error.rule },
      });
    case 'conflict':
      return new GraphQLError(
        `the case changed: expected revision ${failure.expectedRevision}, current revision ${failure.currentRevision}`,
        {
          extensions: {
            code: ErrorCode.CONCURRENCY_CONFLICT,
            currentRevision: failure.currentRevision,
            expectedRevision: failure.expectedRevision,
          },
        },
      );
    case 'not_found':
      return notFound(failure.what);
    case 'forbidden':
      return forbidden(failure.message);
    case 'input':
      return badUserInput(failure.fields);
    case 'idempotency_key_reused':
      return new GraphQLError('this commandId was already used for a different command: send a new commandId', {
        extensions: { code: ErrorCode.IDEMPOTENCY_KEY_REUSED },
      });
  }
}

/** class-validator errors → flat field paths ("input.findings.0.segment"), constraint messages only. */
export function flattenValidationErrors(errors: readonly ValidationError[], prefix: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const path = `${prefix}.${error.property}`;
    if (error.constraints) out.push({ path, constraints: Object.values(error.constraints) });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}

// graphql-js coercion messages quote the rejected value; keep the path and the expected type only.
const VARIABLE_VALUE = /^Variable "\$([^"]+)" got invalid value .*? at "([^"]+)"; (.*)$/s;
const VARIABLE_ROOT = /^Variable "\$([^"]+)" got invalid value .*?; (.*)$/s;
const LITERAL_VALUE = /^Expected value of type "([^"]+)", found .*$/s;

function sanitizeReason(reason: string): string {
  if (/^Field "[^"]+" of required type "[^"]+" was not provided\.$/.test(reason)) return reason;
  if (/^Field "[^"]+" is not defined by type "[^"]+"\./.test(reason)) return reason.replace(/ Did you mean.*$/s, '');
  const expected = /(?:Expected type|in) "([^"]+)"/.exec(reason) ?? /^(\w+) cannot represent/.exec(reason);
  return expected ? `not a valid ${expected[1]}` : 'invalid value';
}

function sanitizeCoercion(message: string): { message: string; fields?: FieldProblem[] } | null {
  const atPath = VARIABLE_VALUE.exec(message);
  if (atPath) {
    const [, , path, reason] = atPath as unknown as [string, string, string, string];
    const constraint = sanitizeReason(reason);
    return { message: `Invalid input: ${path} (${constraint})`, fields: [{ path, constraints: [constraint] }] };
  }
  const atRoot = VARIABLE_ROOT.exec(message);
  if (atRoot) {
    const [, name, reason] = atRoot as unknown as [string, string, string];
    const constraint = sanitizeReason(reason);
    return { message: `Invalid input: ${name} (${constraint})`, fields: [{ path: name, constraints: [constraint] }] };
  }
  const literal = LITERAL_VALUE.exec(message);
  if (literal) return { message: `Expected value of type "${literal[1]}"` };
  return null;
}

export interface ErrorReporter {
  (error: unknown, formatted: GraphQLFormattedError): void;
}

const VALUE_KINDS: ReadonlySet<string> = new Set([
  Kind.INT,
  Kind.FLOAT,
  Kind.STRING,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT,
  Kind.OBJECT_FIELD,
]);

/**
 * A value typed into the query text that its type refused: graphql-js's message quotes it (a scalar's
 * own message, an enum's "Did you mean"). Only the expected type is kept; the location says where.
 */
function literalValueProblem(error: unknown): string | null {
  if (!(error instanceof GraphQLError) || !error.nodes?.some((node) => VALUE_KINDS.has(node.kind))) return null;
  const expected =
    /^Expected value of type "([^"]+)"/.exec(error.message) ??
    /does not exist in "([^"]+)" enum/.exec(error.message) ??
    /^(\w+) cannot represent/.exec(error.message);
  return expected ? `Invalid value in the query: not a valid ${expected[1]}` : 'Invalid value in the query';
}

const withoutHints = (message: string): string => message.replace(/ ?Did you mean .*$/s, '');

export interface FormatErrorOptions {
  maskInternal: boolean;
  /** Production: no "Did you mean …" naming fields and types of the schema. */
  hideSchemaDetails?: boolean;
  /** The input-object argument of a top-level field (`input`, `filter`), for errors that carry no document node. */
  inputArgumentOf?: (field: string) => string | undefined;
}

/**
 * The argument an input validation error is about: type-graphql validates one input-object argument at a
 * time without naming it. The field's own arguments say: `input` (mutations) or else `filter` (queries),
 * from the document's field node, or, for an operation compiled by graphql-jit (whose errors carry no
 * node), from the schema's top-level field named by the error's path.
 */
function argumentOf(error: unknown, path: GraphQLFormattedError['path'], options: FormatErrorOptions): string {
  const node = error instanceof GraphQLError ? error.nodes?.[0] : undefined;
  if (node?.kind === Kind.FIELD) {
    const names = (node.arguments ?? []).map((a) => a.name.value);
    return names.includes('input') || !names.includes('filter') ? 'input' : 'filter';
  }
  const field = path?.length === 1 && typeof path[0] === 'string' ? path[0] : undefined;
  return (field && options.inputArgumentOf?.(field)) ?? 'input';
}

export function createFormatError(report: ErrorReporter, options: FormatErrorOptions) {
  const format = createUnhintedFormatError(report, options);
  if (!options.hideSchemaDetails) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = format(formatted, error);
    return { ...out, message: withoutHints(out.message) };
  };
}

function createUnhintedFormatError(report: ErrorReporter, options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const literal = literalValueProblem(original);
    if (literal) return { message: literal, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    if (original instanceof ArgumentValidationError) {
      const fields = flattenValidationErrors(
        original.extensions.validationErrors as ValidationError[],
        argumentOf(error, formatted.path, options),
      );
      return {
        message: badUserInput(fields).message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
      };
    }
    const code = formatted.extensions?.code;
    if (original instanceof AuthorizationError || code === 'UNAUTHORIZED') {
      return { ...formatted, message: 'not allowed for your role', extensions: { code: ErrorCode.FORBIDDEN } };
    }
    if (original instanceof AuthenticationError) {
      return { ...formatted, message: unauthenticated().message, extensions: { code: ErrorCode.UNAUTHENTICATED } };
    }
    if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED') {
      const clean = sanitizeCoercion(formatted.message);
      if (clean) {
        return {
          ...formatted,
          message: clean.message,
          extensions: { code: ErrorCode.BAD_USER_INPUT, ...(clean.fields ? { fields: clean.fields } : {}) },
        };
      }
      return formatted;
    }
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && code in ErrorCode) return formatted;
    // The parser quotes the token it stopped at, which may be a value typed into the query.
    if (code === 'GRAPHQL_PARSE_FAILED') return { ...formatted, message: formatted.message.replace(/(["'`]).*?\1|\\".*$/gs, '…') };
    if (typeof code === 'string' && ['PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST'].includes(code)) {
      return formatted;
    }
    if (original instanceof Error && original.name === 'StoreUnavailableError') {
      report(original, formatted);
      return {
        message: 'the event store is not accepting writes; nothing was recorded',
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    report(original, formatted);
    if (!options.maskInternal) return formatted;
    return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
