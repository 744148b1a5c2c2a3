/**
 * What the GraphQL layer reports: an Apollo plugin times each operation (by its bounded name and type),
 * counts errors by code, names the request's span for its operation and tells the request log which
 * operation ran and which codes it answered; top-level query and mutation resolvers are timed by field,
 * wrapped in the schema itself so that operations compiled by graphql-jit are timed too.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { secondsSince, type Metrics } from './metrics';
import type { RequestObservation } from './request-log';

/** A context that can carry the request's observation record (HTTP requests do; WebSocket operations need not). */
interface Observed {
  observed?: RequestObservation;
  metrics?: Metrics;
}

export function observerPlugin(metrics: Metrics): ApolloServerPlugin<Observed> {
  return {
    async requestDidStart({ contextValue }) {
      const start = process.hrtime.bigint();
      let operation = 'unknown';
      let type = 'unknown';
      return {
        async didResolveOperation({ operationName, operation: definition }) {
          operation = metrics.operationLabel(operationName);
          type = definition?.operation ?? 'unknown';
          if (contextValue.observed) contextValue.observed.operation = operation;
          trace.getActiveSpan()?.updateName(`${type} ${operation}`);
          trace.getActiveSpan()?.setAttributes({ 'graphql.operation.name': operation, 'graphql.operation.type': type });
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
            metrics.graphqlError(code);
            contextValue.observed?.errorCodes.push(code);
          }
        },
        async willSendResponse() {
          metrics.graphqlOperation(operation, type, secondsSince(start));
        },
      };
    },
  };
}

const TIMED = Symbol('celltrail.timed');

/**
 * Times every top-level Query and Mutation field through the request's metrics (context.metrics), once
 * per schema: the schema is built once per process (type-graphql), each app's context brings its own
 * registry. Subscriptions are long-lived and not timed.
 */
export function timeTopLevelResolvers(schema: GraphQLSchema): void {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      if ((resolve as { [TIMED]?: boolean })[TIMED]) continue;
      const timed: typeof resolve = (source, args, context: unknown, info) => {
        const metrics = (context as Observed | undefined)?.metrics;
        if (!metrics) return resolve(source, args, context, info);
        const start = process.hrtime.bigint();
        const done = () => metrics.resolver(type.name, field.name, secondsSince(start));
        try {
          const result = resolve(source, args, context, info);
          if (result instanceof Promise) return result.finally(done);
          done();
          return result;
        } catch (error) {
          done();
          throw error;
        }
      };
      (timed as { [TIMED]?: boolean })[TIMED] = true;
      field.resolve = timed;
    }
  }
}
