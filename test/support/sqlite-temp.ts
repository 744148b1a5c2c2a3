/** Temporary directories for SQLite event store files, removed by the returned cleanup. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeTempDir(label = 'celltrail-sqlite'): { dir: string; file: (name?: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `${label}-`));
  return {
    dir,
    file: (name = 'events.db') => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
