/** Starts a server in a child process (see server-child.ts) and stops it again. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChildReady, ServerSpec } from './server-spec';

export interface ChildServer extends ChildReady {
  /** Fork → ready, as the parent saw it. */
  forkToReadyMs: number;
  pid: number;
  /** Starts a V8 CPU profile in the child (of the measured window, unlike --cpu-prof). */
  startProfile(): Promise<void>;
  /** Stops it and writes it (a .cpuprofile file, for profile-summary.js or Chrome's DevTools). */
  stopProfile(file: string): Promise<void>;
  stop(): Promise<void>;
}

export interface ChildOptions {
  /** Extra node flags for the child, e.g. ['--cpu-prof', '--cpu-prof-dir=prof']. */
  execArgv?: string[];
  timeoutMs?: number;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export async function startChildServer(spec: ServerSpec, options: ChildOptions = {}): Promise<ChildServer> {
  const started = performance.now();
  const child = fork(path.join(__dirname, 'server-child.js'), [], {
    env: { ...process.env, BENCH_SERVER: JSON.stringify(spec) },
    // The flag `npm start` runs the server with (see the README).
    execArgv: ['--max-semi-space-size=64', ...(options.execArgv ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<ChildReady>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${spec.kind} server did not start within ${options.timeoutMs ?? 600_000} ms`));
    }, options.timeoutMs ?? 600_000);
    child.once('message', (message: { type: string } & ChildReady) => {
      clearTimeout(timer);
      resolve({ url: message.url, timings: message.timings });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.kind} server exited during start-up (code ${String(code)})`));
    });
  });
  const forkToReadyMs = performance.now() - started;
  const reply = (type: string) =>
    new Promise<void>((resolve) => {
      const listener = (message: { type?: string }) => {
        if (message.type !== type) return;
        child.off('message', listener);
        resolve();
      };
      child.on('message', listener);
    });
  let stopping: Promise<void> | null = null;
  return {
    ...ready,
    forkToReadyMs,
    pid: child.pid ?? -1,
    startProfile() {
      const started = reply('profile-started');
      child.send('profile-start');
      return started;
    },
    stopProfile(file) {
      const written = reply('profile-written');
      child.send({ type: 'profile-stop', file });
      return written;
    },
    stop() {
      stopping ??= (async () => {
        const done = exited(child);
        if (child.connected) child.send('stop');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await done;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
