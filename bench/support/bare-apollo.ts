/**
 * The baseline: a bare Apollo Server on the same stack as celltrail's (Apollo 5, express 5,
 * express.json, expressMiddleware, no landing page) answering a trivial `{ hello }`, with no
 * auth, no store and no validation. Whatever celltrail costs beyond it is celltrail's own work.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

export const BARE_QUERY = '{ hello }';

/** What the load benchmarks measure celltrail against: bare Apollo answering BARE_QUERY. */
export const BARE_BASELINE = {
  label: 'bare Apollo',
  spec: { kind: 'bare' },
  load: { nextBody: () => `{"query":"${BARE_QUERY}"}` },
} as const;

export interface BareApollo {
  url: string;
  stop(): Promise<void>;
}

export async function startBareApollo(host = '127.0.0.1'): Promise<BareApollo> {
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const apollo = new ApolloServer({
    typeDefs: 'type Query { hello: String! }',
    resolvers: { Query: { hello: () => 'world' } },
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host}:${port}`, stop: () => apollo.stop() };
}
