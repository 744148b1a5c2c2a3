/**
 * The port's EventFilter as an EventStoreDB server-side filter. The server applies one filter per read
 * (on the event type or on the stream name), so `types` + `streamPrefix` filters by type on the server
 * and by prefix here. System events (types and streams starting with `$`: statistics, metadata,
 * links) are never the application's: without a filter they are excluded by the server.
 *
 * Known limit of this adapter: EventStoreDB cannot filter on metadata, so `actorId` and the
 * recording-time range are always checked here, on every event the server filter lets through. The
 * results are exact (readAll keeps reading until its page is full or $all ends), but a narrow actor or
 * time filter costs a read of everything the type/stream filter passes up to the next match, where
 * the SQLite adapter uses its indexes.
 */
import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';
import { metadataFilterOf, metadataMatches } from '../metadata-filter';
import type { EventFilter } from '../port';

export type CheckpointReached = NonNullable<Filter['checkpointReached']>;

export interface FilterPlan {
  /** No event can match (an empty `types` list): nothing needs to be asked of the server. */
  matchesNothing: boolean;
  /** The server-side filter; `checkpointReached` is only used by subscriptions. */
  server(checkpointReached?: CheckpointReached): Filter;
  /** What the server filter leaves to the client. */
  matches(event: { streamId: string; type: string; metadata?: unknown }): boolean;
  /** True when `matches` can refuse events the server sent (the server cannot count pages then). */
  clientSide: boolean;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A filtered subscription reports checkpoints every `multiplier` × search window (32) events considered. */
const CHECKPOINT_INTERVAL_MULTIPLIER = 1;

/** Validates the filter (a malformed recording-time bound is a RangeError) and splits it between server and client. */
export function planFilter(filter: EventFilter = {}): FilterPlan {
  const { types, streamPrefix } = filter;
  const metadata = metadataFilterOf(filter);
  const hasPrefix = streamPrefix !== undefined && streamPrefix.length > 0;
  const common = { checkpointInterval: CHECKPOINT_INTERVAL_MULTIPLIER };
  const metadataOk = (event: { metadata?: unknown }): boolean => !metadata.active || metadataMatches(metadata, event.metadata);

  if (types !== undefined) {
    // An exact-match alternation: a prefix filter on types would also take "CaseOpenedV2" for "CaseOpened".
    // `(?!)` never matches: an empty list still subscribes, for checkpoints and caughtUp.
    const regex = types.length === 0 ? '(?!)' : `^(?:${types.map(escapeRegex).join('|')})$`;
    return {
      matchesNothing: types.length === 0 || metadata.matchesNothing,
      server: (checkpointReached) => eventTypeFilter({ ...common, regex, checkpointReached }),
      matches: (event) => (!hasPrefix || event.streamId.startsWith(streamPrefix)) && metadataOk(event),
      clientSide: hasPrefix || metadata.active,
    };
  }
  const server: FilterPlan['server'] = hasPrefix
    ? (checkpointReached) => streamNameFilter({ ...common, prefixes: [streamPrefix], checkpointReached })
    : (checkpointReached) => excludeSystemEvents({ ...common, checkpointReached });
  return { matchesNothing: metadata.matchesNothing, server, matches: metadataOk, clientSide: metadata.active };
}
