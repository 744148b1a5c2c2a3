/**
 * Scalars: DateTime (ISO-8601, answered in UTC), Date (YYYY-MM-DD), JSONObject. Inputs are turned into
 * the strings the domain stores, so nothing downstream handles Date objects.
 */
import { DateResolver, DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { GraphQLScalarType } from 'graphql';

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
export const JSONObjectScalar = JSONObjectResolver;
