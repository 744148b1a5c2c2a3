/** What the parent asks a server child to run, and what the child answers when it is ready. */

export type ServerSpec =
  | { kind: 'bare' }
  | { kind: 'esdb-test-server' }
  /** celltrail through createApp, configured by these environment variables (as `npm start` would be). */
  | { kind: 'celltrail'; env: Record<string, string> };

export interface ChildReady {
  url: string;
  timings: Partial<Record<'modulesMs' | 'createAppMs' | 'listenMs' | 'sinceProcessStartMs', number>>;
}
