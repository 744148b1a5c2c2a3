/**
 * Child-process entry: runs one server (celltrail, bare Apollo, or the EventStoreDB test server) so that
 * it has an event loop, and a core, of its own while the load generator runs in the parent. Told what
 * to run by the BENCH_SERVER environment variable (JSON); answers over IPC.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { startProfiler, type Profiler } from './profiler';
import type { ChildReady, ServerSpec } from './server-spec';

async function start(spec: ServerSpec): Promise<{ ready: ChildReady; stop: () => Promise<void> }> {
  if (spec.kind === 'bare') {
    const { startBareApollo } = await import('./bare-apollo.js');
    const bare = await startBareApollo();
    return { ready: { url: bare.url, timings: {} }, stop: bare.stop };
  }
  if (spec.kind === 'esdb-test-server') {
    const { startEsdbTestServer } = await import('../../test/support/esdb-test-server/index.js');
    const server = await startEsdbTestServer();
    return { ready: { url: server.url, timings: {} }, stop: server.stop };
  }
  const loadStarted = performance.now();
  const { createApp } = await import('../../src/app.js');
  const { loadConfig } = await import('../../src/config.js');
  const modulesMs = performance.now() - loadStarted;
  const config = loadConfig({ ...spec.env, PORT: '0', HOST: '127.0.0.1' });
  const createStarted = performance.now();
  const app = await createApp(config);
  const createAppMs = performance.now() - createStarted;
  const url = await app.listen();
  const readyAt = performance.now();
  return {
    ready: {
      url,
      timings: {
        modulesMs,
        createAppMs,
        listenMs: readyAt - createStarted - createAppMs,
        /** Since this process started: node's own start, module loading, createApp, listen. */
        sinceProcessStartMs: readyAt,
      },
    },
    stop: () => app.stop(),
  };
}

async function main(): Promise<void> {
  const raw = process.env.BENCH_SERVER;
  if (!raw || !process.send) throw new Error('server-child runs as a forked child with BENCH_SERVER set');
  const { ready, stop } = await start(JSON.parse(raw) as ServerSpec);
  // A CPU profile of the measured window only (not start-up or warm-up), when the parent asks for one.
  let profiler: Promise<Profiler> | null = null;
  process.on('message', (message: unknown) => {
    if (message === 'stop') {
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    } else if (message === 'profile-start') {
      profiler = startProfiler();
      void profiler.then(() => process.send?.({ type: 'profile-started' }));
    } else if (typeof message === 'object' && message !== null && (message as { type?: string }).type === 'profile-stop') {
      const file = (message as { file: string }).file;
      void profiler
        ?.then((p) => p.stop(file))
        .then(() => {
          profiler = null;
          process.send?.({ type: 'profile-written', file });
        });
    }
  });
  // A parent that died (a failed bench) must not leave its server running.
  process.on('disconnect', () => process.exit(1));
  process.send({ type: 'ready', ...ready });
}

main().catch((error: unknown) => {
  process.stderr.write(`[server-child] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
