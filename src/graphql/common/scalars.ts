/**
 * Scalars: DateTime (ISO-8601, answered in UTC), Date (YYYY-MM-DD), JSONObject. Inputs are turned into
 * the strings the domain stores, so nothing downstream handles Date objects.
 */
import { DateResolver, DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType } from 'graphql';

function withStringValues(base: GraphQLScalarType, toText: (value: Date) => string): GraphQLScalarType {
  const config = base.toConfig();
  return new GraphQLScalarType({
    ...config,
    serialize: (value) => (typeof value === 'string' ? value : config.serialize(value)),
    parseValue: (value) => toText(config.parseValue(value) as Date),
    parseLiteral: (ast, variables) => toText(config.parseLiteral(ast, variables) as Date),
  });
}

export const DateTimeScalar = withStringValues(DateTimeResolver, (d) => d.toISOString());
export const DateScalar = withStringValues(DateResolver, (d) => d.toISOString().slice(0, 10));
/** How deeply a JSON input may nest: an amendment's changes are one entry's fields, a few levels at most. */
export const MAX_JSON_DEPTH = 8;

function depthOf(value: unknown, limit: number): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (limit <= 0) return 1;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, limit - 1));
  return deepest + 1;
}

function withinDepth<T>(value: T): T {
  if (depthOf(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new GraphQLError(`JSONObject cannot be nested more than ${MAX_JSON_DEPTH} levels deep`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** graphql-scalars' JSONObject, refusing deep nesting as bad input (before anything recurses through it). */
export const JSONObjectScalar = (() => {
  const config = JSONObjectResolver.toConfig();
  return new GraphQLScalarType({
    ...config,
    parseValue: (value) => config.parseValue(withinDepth(value)),
    parseLiteral: (ast, variables) => withinDepth(config.parseLiteral(ast, variables)),
  });
})();
