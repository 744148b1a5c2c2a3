/**
 * An EventStoreDB stand-in for tests: a gRPC server on loopback speaking EventStoreDB's wire
 * protocol (the service definitions generated in @kurrent/kurrentdb-client), with EventStoreDB's
 * semantics for what the client uses: server features, Append and BatchAppend (expected states,
 * WrongExpectedVersion with the current revision, event-id idempotency), Read of a stream or of $all
 * (directions, positions, server-side filters, stream not found) and $all catch-up subscriptions
 * (checkpoints, CaughtUp, FellBehind). Data lives in memory and survives `restart()`.
 *
 * Not implemented: deletes, tombstones, stream metadata, stream subscriptions, persistent
 * subscriptions, projections, users, TLS.
 */
import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, status, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_grpc_pb';
import { StreamsService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb';
import { handleAppend, handleBatchAppend, type AppendFaults } from './append-handlers';
import { handleRead } from './read-handler';
import { handleGetSupportedMethods } from './server-features';
import { openTcpFront } from './tcp-front';
import { TransactionLog } from './transaction-log';

export { EMULATED_SERVER_VERSION } from './server-features';

export interface EsdbTestServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** List BatchAppend in the server features, as EventStoreDB does (default true). */
  batchAppend?: boolean;
  /** Send CaughtUp/FellBehind to subscriptions, as EventStoreDB 23.10+ does (default true). */
  caughtUp?: boolean;
  /** Write a system event ($statsCollected) at start, as a fresh EventStoreDB has (default true). */
  systemEvents?: boolean;
  /** How far a live subscription may lag before it falls behind and catches up again (default 64). */
  liveBuffer?: number;
}

export interface EsdbTestServer {
  /** e.g. kurrentdb://127.0.0.1:2113?tls=false */
  readonly url: string;
  readonly port: number;
  /** Cuts every client connection (calls in flight fail as UNAVAILABLE); the server keeps listening. */
  dropConnections(): void;
  /** Stops listening, drops every connection, waits `downtimeMs` (default 50), listens again; data is kept. */
  restart(options?: { downtimeMs?: number }): Promise<void>;
  stop(): Promise<void>;
  /**
   * The next append that writes events is committed, then every connection is dropped before the
   * answer is sent: the client sees a failure although the events are stored (an ambiguous failure).
   */
  failNextAppendAfterCommit(): void;
  /** Counters, so fault tests can tell that what they provoke really happened. */
  stats(): EsdbTestServerStats;
}

export interface EsdbTestServerStats {
  /** $all subscriptions opened since the server started (resubscriptions included). */
  subscriptionsOpened: number;
}

function unimplemented(_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>): void {
  callback({ code: status.UNIMPLEMENTED, details: 'not implemented by the EventStoreDB test server' });
}

async function startGrpcServer(
  log: TransactionLog,
  options: Required<EsdbTestServerOptions>,
  faults: AppendFaults,
  stats: EsdbTestServerStats,
) {
  const server = new Server();
  server.addService(ServerFeaturesService, {
    getSupportedMethods: handleGetSupportedMethods({ batchAppend: options.batchAppend }),
  });
  server.addService(StreamsService, {
    read: handleRead(log, {
      sendCaughtUp: options.caughtUp,
      liveBuffer: options.liveBuffer,
      onSubscription: () => stats.subscriptionsOpened++,
    }),
    append: handleAppend(log, faults),
    batchAppend: handleBatchAppend(log, faults),
    delete: unimplemented,
    tombstone: unimplemented,
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound)));
  });
  return { server, port };
}

export async function startEsdbTestServer(options: EsdbTestServerOptions = {}): Promise<EsdbTestServer> {
  const settings: Required<EsdbTestServerOptions> = {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    batchAppend: options.batchAppend ?? true,
    caughtUp: options.caughtUp ?? true,
    systemEvents: options.systemEvents ?? true,
    liveBuffer: options.liveBuffer ?? 64,
  };
  const log = new TransactionLog();
  let failNextAppend = false;
  let dropConnections = (): void => undefined;
  const faults: AppendFaults = {
    afterCommit() {
      if (!failNextAppend) return false;
      failNextAppend = false;
      dropConnections();
      return true;
    },
  };

  const stats: EsdbTestServerStats = { subscriptionsOpened: 0 };
  let grpc = await startGrpcServer(log, settings, faults, stats);
  const front = await openTcpFront({ host: settings.host, port: settings.port, target: grpc.port });
  dropConnections = () => front.dropConnections();
  if (settings.systemEvents) {
    const data = new TextEncoder().encode(JSON.stringify({ 'proc-startTime': new Date().toISOString() }));
    log.append(`$stats-${settings.host}:${front.port}`, { kind: 'any' }, [
      { id: randomUUID(), type: '$statsCollected', contentType: 'application/json', data, metadata: new Uint8Array() },
    ]);
  }

  const hostInUrl = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  let stopped = false;
  return {
    url: `kurrentdb://${hostInUrl}:${front.port}?tls=false`,
    port: front.port,
    dropConnections,
    failNextAppendAfterCommit() {
      failNextAppend = true;
    },
    stats: () => ({ ...stats }),
    async restart({ downtimeMs = 50 } = {}) {
      if (stopped) throw new Error('the test server is stopped');
      await front.close();
      grpc.server.forceShutdown();
      await new Promise((resolve) => setTimeout(resolve, downtimeMs));
      grpc = await startGrpcServer(log, settings, faults, stats);
      front.setTarget(grpc.port);
      await front.reopen();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await front.close();
      grpc.server.forceShutdown();
    },
  };
}
