/** Runs `sqlite-append-child.ts` in a separate Node process (optionally under strace) and parses its lines. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface AppendLine {
  ack: boolean;
  stream: string;
  ids: string[];
  position?: string;
  error?: string;
  cause?: string;
}
export interface ReadLine {
  read: true;
  count: number;
}
export type ChildLine = AppendLine | ReadLine;

export function hasStrace(): boolean {
  return spawnSync('strace', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** The command line running the child script with plain node (TypeScript through ts-register.js). */
export function childCommand(args: string[]): [string, string[]] {
  return [process.execPath, ['-r', join(ROOT, 'test/support/ts-register.js'), join(ROOT, 'test/support/sqlite-append-child.ts'), ...args]];
}

export interface RunningChild {
  process: ChildProcess;
  lines: ChildLine[];
  /** Resolves once `predicate(lines)` holds (checked on every new line). */
  waitFor(predicate: (lines: ChildLine[]) => boolean): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function startChild(command: string, args: string[]): RunningChild {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: ChildLine[] = [];
  const watchers = new Set<() => void>();
  let pending = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) if (line.trim() !== '') lines.push(JSON.parse(line) as ChildLine);
    for (const watcher of watchers) watcher();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return {
    process: child,
    lines,
    exited,
    waitFor(predicate) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (predicate(lines)) {
            watchers.delete(check);
            resolve();
          }
        };
        watchers.add(check);
        void exited.then(({ stderr: err }) => {
          if (watchers.delete(check)) reject(new Error(`child exited before the expected output: ${err}`));
        });
        check();
      });
    },
  };
}

export const isAppend = (line: ChildLine): line is AppendLine => 'ack' in line;
