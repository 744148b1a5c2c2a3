/**
 * The port's EventFilter as an EventStoreDB server-side filter. The server applies one filter per read
 * (on the event type or on the stream name), so `types` + `streamPrefix` filters by type on the server
 * and by prefix here. System events (types and streams starting with `$`: statistics, metadata,
 * links) are never the application's: without a filter they are excluded by the server.
 */
import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';
import type { EventFilter } from '../port';

export type CheckpointReached = NonNullable<Filter['checkpointReached']>;

export interface FilterPlan {
  /** No event can match (an empty `types` list): nothing needs to be asked of the server. */
  matchesNothing: boolean;
  /** The server-side filter; `checkpointReached` is only used by subscriptions. */
  server(checkpointReached?: CheckpointReached): Filter;
  /** What the server filter leaves to the client. */
  matches(event: { streamId: string; type: string }): boolean;
  /** True when `matches` can refuse events the server sent (the server cannot count pages then). */
  clientSide: boolean;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A filtered subscription reports checkpoints every `multiplier` × search window (32) events considered. */
const CHECKPOINT_INTERVAL_MULTIPLIER = 1;

export function planFilter(filter: EventFilter = {}): FilterPlan {
  const { types, streamPrefix } = filter;
  const hasPrefix = streamPrefix !== undefined && streamPrefix.length > 0;
  const common = { checkpointInterval: CHECKPOINT_INTERVAL_MULTIPLIER };

  if (types !== undefined) {
    // An exact-match alternation: a prefix filter on types would also take "CaseOpenedV2" for "CaseOpened".
    // `(?!)` never matches: an empty list still subscribes, for checkpoints and caughtUp.
    const regex = types.length === 0 ? '(?!)' : `^(?:${types.map(escapeRegex).join('|')})$`;
    return {
      matchesNothing: types.length === 0,
      server: (checkpointReached) => eventTypeFilter({ ...common, regex, checkpointReached }),
      matches: (event) => !hasPrefix || event.streamId.startsWith(streamPrefix),
      clientSide: hasPrefix,
    };
  }
  if (hasPrefix) {
    return {
      matchesNothing: false,
      server: (checkpointReached) => streamNameFilter({ ...common, prefixes: [streamPrefix], checkpointReached }),
      matches: () => true,
      clientSide: false,
    };
  }
  return {
    matchesNothing: false,
    server: (checkpointReached) => excludeSystemEvents({ ...common, checkpointReached }),
    matches: () => true,
    clientSide: false,
  };
}
