/**
 * At most a few aliases per operation. An alias repeats a field, and each repeated `case(id)` or
 * `patient(id)` is a read of patient data (and an access-log entry): without a limit one request could
 * ask for over a thousand of them within the parser's token limit. The counting is graphql-armor's.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { GraphQLError, type ValidationRule } from 'graphql';

/** More than any operation in schema/operations.graphql uses (a test keeps them within it). */
export const MAX_ALIASES = 15;

export const maxAliases: ValidationRule = maxAliasesRule({
  n: MAX_ALIASES,
  propagateOnRejection: false,
  onReject: [
    (context) =>
      context?.reportError(
        new GraphQLError(`An operation may use at most ${MAX_ALIASES} aliases.`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ),
  ],
});
