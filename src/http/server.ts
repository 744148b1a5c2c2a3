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
import { specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { TokenVerifier } from '../graphql/auth/tokens';
import type { User } from '../graphql/auth/user';
import { createFormatError } from '../graphql/common/errors';
import { maxAliases } from '../graphql/common/max-aliases';
import type { Context, Services } from '../graphql/context';
import { createLoaders } from '../graphql/loaders';
import { metricsText, readiness } from './health';
import { compiledExecution, type CompiledExecutionOptions } from './compiled-execution';

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

async function userOf(verify: TokenVerifier, authorization: unknown): Promise<User | null> {
  if (typeof authorization !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match?.[1]) return null;
  try {
    return await verify(match[1]);
  } catch {
    return null; // an invalid or expired token is no identity: protected fields answer UNAUTHENTICATED
  }
}

export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { schema, services, verifyToken } = options;
  const { logger, config } = services;
  const app = express();
  app.disable('x-powered-by');
  // Answers carry patient data: no entity tag (a hash of each body, for caching it is not meant for).
  app.set('etag', false);
  const server = http.createServer(app);

  const context = (user: User | null, requestId: string): Context => ({
    user,
    requestId,
    services,
    loaders: createLoaders(services.readStore),
  });

  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const wsCleanup = useServer(
    {
      schema,
      validate: (wsSchema, document) => validate(wsSchema, document, [...specifiedRules, maxAliases]),
      context: async (ctx) =>
        context(await userOf(verifyToken, ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization), randomUUID()),
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
    parseOptions: { maxTokens: 10_000 },
    validationRules: [maxAliases],
    formatError: createFormatError(
      (error, formatted) =>
        logger.error(
          {
            err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
            path: formatted.path,
          },
          'request failed',
        ),
      { maskInternal: true },
    ),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis }),
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of patient data, and no per-field cache hints to compute on every request.
      ApolloServerPluginCacheControlDisabled(),
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
  app.get('/metrics', async (_req, res) => {
    const r = await readiness(services.store, services.runner, services.clock());
    res.type('text/plain; version=0.0.4').send(metricsText(r));
  });
  app.use(
    '/graphql',
    (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      // Nor may a browser or a proxy keep a copy of an answer.
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const incoming = req.headers['x-correlation-id'];
        const requestId = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        return context(await userOf(verifyToken, req.headers.authorization), requestId);
      },
    }),
  );

  return {
    server,
    apollo,
    async stop() {
      await apollo.stop();
    },
  };
}
