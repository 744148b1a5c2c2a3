/** A V8 CPU profile of a window of this process's life (unlike --cpu-prof, which covers all of it). */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

export interface Profiler {
  /** Stops profiling and writes a .cpuprofile (for profile-summary.js or Chrome's DevTools). */
  stop(file: string): Promise<void>;
}

export async function startProfiler(): Promise<Profiler> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
