/**
 * Express 5: /graphql (HTTP and graphql-ws on the same path), /health, /ready, /metrics.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import helmet from 'helmet';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { patientDataFor } from '../access/patient-data';
import type { TokenVerifier } from '../graphql/auth/tokens';
import type { User } from '../graphql/auth/user';
import type { Context } from '../graphql/context';
import type { Services } from '../services';
import { createPipeline, MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES, MAX_TOKENS } from './graphql-pipeline';
import { limitResponseSize, requestErrors } from './request-errors';
import { readiness } from './health';
import { exportKeysHandler } from './keys';
import { compiledExecution, type CompiledExecutionOptions } from './compiled-execution';
import { consoleRouter, graphiqlPage } from './console';
import { corsFor } from './cors';
import { context as otelContext, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { observerPlugin, timeTopLevelResolvers } from '../observability/graphql-observer';
import { secondsSince } from '../observability/metrics';
import { correlationIdOf, observationOf, requestLog, type RequestObservation } from '../observability/request-log';
import { tracer } from '../observability/tracing';

export interface HttpServerOptions {
  schema: GraphQLSchema;
  services: Services;
  verifyToken: TokenVerifier;
  execution?: CompiledExecutionOptions;
}

export interface HttpServer {
  server: http.Server;
  apollo: ApolloServer<Context>;
  /** Stops accepting, drains requests and subscriptions. */
  stop(): Promise<void>;
}

/** The bearer token of an Authorization header or a WebSocket's connection parameters; null when none was sent. */
function bearerOf(authorization: unknown): string | null {
  if (typeof authorization !== 'string') return null;
  return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? null;
}

export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { schema, services, verifyToken } = options;
  const { logger, config } = services;
  const { metrics } = services;
  timeTopLevelResolvers(schema);
  const pipeline = createPipeline({ schema, logger, introspection: config.introspection, production: config.production });
  const app = express();
  app.disable('x-powered-by');
  // Answers carry patient data: no entity tag (a hash of each body, for caching it is not meant for).
  app.set('etag', false);
  // One log line per request, with its correlation id (echoed in x-correlation-id), then its duration by route.
  app.use(requestLog(logger));
  app.use(httpMetrics(metrics));
  // Off unless CORS_ORIGINS is set; preflights are answered here, before any route (cors.ts).
  const corsMiddleware = corsFor(config.corsOrigins);
  if (corsMiddleware) app.use(corsMiddleware);
  app.use(helmet());
  const server = http.createServer(app);

  /** The caller of a request: no token is anonymous (protected fields answer UNAUTHENTICATED); a bad one is a security event. */
  async function callerOf(authorization: unknown, transport: string): Promise<User | null> {
    const token = bearerOf(authorization);
    if (token === null) return null;
    try {
      return await verifyToken(token);
    } catch (error) {
      services.securityEvents.authenticationFailed(transport, error);
      return null;
    }
  }

  const context = (user: User | null, requestId: string, observed?: RequestObservation): Context => ({
    user,
    requestId,
    data: patientDataFor(services, user ? { user, correlationId: requestId } : null),
    metrics,
    observed,
  });

  // The same limits as HTTP, checked before authentication: the message size, and a short wait for connection_init.
  const wsServer = new WebSocketServer({ server, path: '/graphql', maxPayload: MAX_REQUEST_BYTES });
  const wsCleanup = useServer<Record<string, unknown>, { user?: User; expiry?: NodeJS.Timeout }>(
    {
      schema,
      connectionInitWaitTimeout: 5_000,
      // A connection authenticates once, at connection_init; without a valid token it is refused (4403),
      // and it is closed when its token expires, ending its subscriptions.
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const user = await callerOf(params.authorization ?? params.Authorization, 'websocket');
        if (!user) {
          if (bearerOf(params.authorization ?? params.Authorization) === null) services.securityEvents.authenticationMissing('websocket');
          return false;
        }
        ctx.extra.user = user;
        const remaining = (user.expiresAt ?? Number.POSITIVE_INFINITY) - Date.now();
        if (Number.isFinite(remaining)) {
          ctx.extra.expiry = setTimeout(
            () => ctx.extra.socket.close(4401, 'Token expired'),
            Math.max(0, Math.min(remaining, 2 ** 31 - 1)),
          ).unref();
          ctx.extra.socket.once('close', () => clearTimeout(ctx.extra.expiry));
        }
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        const prepared = pipeline.prepare(payload.query);
        if ('errors' in prepared) return prepared.errors;
        const tooCostly = pipeline.costError(prepared.document, payload.variables ?? undefined, payload.operationName);
        if (tooCostly) return [tooCostly];
        return {
          schema,
          document: prepared.document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: context(ctx.extra.user ?? null, randomUUID()),
        };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => pipeline.formatError(error.toJSON(), error)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => pipeline.formatError(error.toJSON(), error)) } : undefined,
    },
    wsServer,
  );

  // Shutdown grace: in-flight requests and subscriptions get half the shutdown bound, then their connections are cut.
  const stopGracePeriodMillis = Math.floor(config.shutdownTimeoutMs / 2);
  const apollo = new ApolloServer<Context>({
    // main.ts owns the signals: Apollo's own handlers would run a second, concurrent stop() that never returns.
    stopOnTerminationSignals: false,
    // graphql-js's execution, compiled for documents used more than once (compiled-execution.ts)
    gateway: compiledExecution(schema, options.execution),
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: pipeline.validationRules,
    formatError: pipeline.formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis }),
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of patient data, and no per-field cache hints to compute on every request.
      ApolloServerPluginCacheControlDisabled(),
      observerPlugin(metrics),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ document, request }) {
              const tooCostly = pipeline.costError(document, request.variables, request.operationName);
              if (tooCostly) throw tooCostly;
            },
          };
        },
      },
      {
        async serverWillStart() {
          return {
            async drainServer() {
              // graphql-ws closes each socket with 1001 and waits for its answer; a client that never answers is cut.
              const cut = setTimeout(() => wsServer.clients.forEach((client) => client.terminate()), stopGracePeriodMillis);
              try {
                await wsCleanup.dispose();
              } finally {
                clearTimeout(cut);
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const r = await readiness(services.store, services.runner, services.clock());
    res.status(r.ready ? 200 : 503).json(r);
  });
  app.get('/keys/export', exportKeysHandler(services.config));
  app.get('/metrics', async (_req, res) => {
    const { contentType, text } = await metrics.scrape();
    res.type(contentType).send(text);
  });
  // The web console and, outside production, GraphiQL for a browser's GET /graphql (console.ts).
  app.use('/console', consoleRouter());
  app.get('/graphql', graphiqlPage({ production: config.production }));
  app.use(
    '/graphql',
    (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      // Nor may a browser or a proxy keep a copy of an answer.
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    express.json({ limit: MAX_REQUEST_BYTES }),
    limitResponseSize(MAX_RESPONSE_BYTES),
    traceRequest,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        // The request log's correlation id: the access records and events of this request carry it too.
        const observed = observationOf(res);
        const user = await callerOf(req.headers.authorization, 'http');
        if (user) observed.userId = user.id;
        return context(user, correlationIdOf(req), observed);
      },
    }),
  );
  app.use(requestErrors(logger));

  return {
    server,
    apollo,
    async stop() {
      await apollo.stop();
    },
  };
}

/** Routes counted by name; anything else is "other" (paths are the client's to choose). */
const ROUTES = new Set(['/graphql', '/health', '/ready', '/metrics', '/keys/export']);
const METHODS = new Set(['GET', 'POST', 'OPTIONS', 'HEAD']);

function httpMetrics(metrics: Services['metrics']): express.RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    // Taken now: a mounted router rewrites req.url while it runs.
    const route = ROUTES.has(req.path) ? req.path : 'other';
    const method = METHODS.has(req.method) ? req.method : 'OTHER';
    res.once('finish', () => metrics.httpRequest(route, method, res.statusCode, secondsSince(start)));
    next();
  };
}

/**
 * The request's span, child of the client's W3C `traceparent` when it sent one, made active for the rest
 * of the request (GraphQL operation, command handler, store calls). A no-op without a tracer provider.
 * After body parsing: a body's stream events would not run in this context.
 */
const traceRequest: express.RequestHandler = (req, res, next) => {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer().startSpan('graphql', { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } }, parent);
  res.once('finish', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    span.end();
  });
  otelContext.with(trace.setSpan(parent, span), next);
};
