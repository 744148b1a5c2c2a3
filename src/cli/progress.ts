/**
 * A small progress bar on stderr for long CLI runs (verify, export, rebuild), so stdout stays clean for
 * the command's own output. On a terminal it redraws one line (at most every `intervalMs`); elsewhere
 * (CI logs, pipes) it prints a line at each tenth, never a flood of carriage returns.
 */

export interface Progress {
  /** `done` is in the same unit as the total (events, positions, bytes); values past the total count as the total. */
  update(done: number): void;
  /** Draws the finished bar and ends the line. */
  done(): void;
}

export interface ProgressOptions {
  stream?: { write(text: string): unknown; isTTY?: boolean };
  width?: number;
  intervalMs?: number;
  now?: () => number;
}

export function renderBar(label: string, done: number, total: number, width: number): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(share * width);
  const percent = Math.floor(share * 100);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}%`;
}

export function createProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const width = options.width ?? 30;
  const intervalMs = options.intervalMs ?? 100;
  const now = options.now ?? Date.now;
  const tty = stream.isTTY === true;
  let lastDraw = -Infinity;
  let lastTenth = -1;
  let current = 0;
  let finished = false;

  const draw = (): void => {
    if (tty) {
      stream.write(`\r${renderBar(label, current, total, width)}`);
      return;
    }
    const tenth = total > 0 ? Math.floor(Math.min(1, current / total) * 10) : 10;
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stream.write(`${renderBar(label, current, total, width)}\n`);
    }
  };

  return {
    update(done) {
      if (finished) return;
      current = Math.max(current, done);
      const t = now();
      if (tty && t - lastDraw < intervalMs) return;
      lastDraw = t;
      draw();
    },
    done() {
      if (finished) return;
      finished = true;
      current = Math.max(current, total);
      draw();
      if (tty) stream.write('\n');
    },
  };
}
