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
 *
 * `facilities` likewise: an event's facility is in its metadata, or, for events written before it was
 * (event-facility.ts), in the first event of a case or patient stream. So a facility filter costs a
 * read of everything the type/stream filter passes up to the next event of those facilities (a
 * caller seeing one facility of ten reads about ten events per event it gets), plus, for older
 * events only, one read of one event per case or patient stream not yet known to this process
 * (stream-facilities.ts remembers the answers; new events never need it). The type or stream
 * filter still runs on the server when given with it.
 */
import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';
import { facilityOriginOf, isSettled } from '../event-facility';
import { metadataFilterOf, metadataMatches } from '../metadata-filter';
import type { EventFilter } from '../port';
import type { StreamFacilities } from './stream-facilities';

export type CheckpointReached = NonNullable<Filter['checkpointReached']>;

export interface FilterPlan {
  /** No event can match (an empty `types` list): nothing needs to be asked of the server. */
  matchesNothing: boolean;
  /** The server-side filter; `checkpointReached` is only used by subscriptions. */
  server(checkpointReached?: CheckpointReached): Filter;
  /**
   * What the server filter leaves to the client: a promise only when an older event's facility needs
   * its stream's first event read (stream-facilities.ts).
   */
  matches(event: CheckedEvent): boolean | Promise<boolean>;
  /** True when `matches` can refuse events the server sent (the server cannot count pages then). */
  clientSide: boolean;
}

/** The fields of a client's recorded event the client-side checks read. */
export interface CheckedEvent {
  streamId: string;
  revision: bigint;
  type: string;
  data?: unknown;
  metadata?: unknown;
}

/** The facility check of a filter with `facilities`, or null without. */
function facilityCheck(
  facilities: readonly string[] | undefined,
  streams: StreamFacilities | undefined,
): ((event: CheckedEvent) => boolean | Promise<boolean>) | null {
  if (facilities === undefined) return null;
  if (!streams) throw new Error('a facility filter needs the stream facilities of its store');
  const wanted = new Set(facilities);
  const isWanted = (facility: string | null): boolean => facility !== null && wanted.has(facility);
  return (event) => {
    const revision = Number(event.revision);
    const clues = { stream: event.streamId, revision, type: event.type, data: event.data, metadata: event.metadata };
    streams.remember(clues);
    const origin = facilityOriginOf(clues);
    if (isSettled(origin, clues)) return isWanted(origin.facility);
    const stream = origin.firstOf as string;
    const known = streams.known(stream);
    return known !== undefined ? isWanted(known) : streams.lookUp(stream).then(isWanted);
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A filtered subscription reports checkpoints every `multiplier` × search window (32) events considered. */
const CHECKPOINT_INTERVAL_MULTIPLIER = 1;

/**
 * Validates the filter (a malformed recording-time bound is a RangeError) and splits it between server
 * and client. `streams`: the store's stream facilities, needed by a filter with `facilities`.
 */
export function planFilter(filter: EventFilter = {}, streams?: StreamFacilities): FilterPlan {
  const { types, streamPrefix } = filter;
  const metadata = metadataFilterOf(filter);
  const hasPrefix = streamPrefix !== undefined && streamPrefix.length > 0;
  const common = { checkpointInterval: CHECKPOINT_INTERVAL_MULTIPLIER };
  const facility = facilityCheck(filter.facilities, streams);
  const noFacility = filter.facilities?.length === 0;
  const metadataOk = (event: CheckedEvent): boolean | Promise<boolean> => {
    if (metadata.active && !metadataMatches(metadata, event.metadata)) return false;
    return facility ? facility(event) : true;
  };
  const clientSide = metadata.active || facility !== null;

  if (types !== undefined) {
    // An exact-match alternation: a prefix filter on types would also take "CaseOpenedV2" for "CaseOpened".
    // `(?!)` never matches: an empty list still subscribes, for checkpoints and caughtUp.
    const regex = types.length === 0 ? '(?!)' : `^(?:${types.map(escapeRegex).join('|')})$`;
    return {
      matchesNothing: types.length === 0 || metadata.matchesNothing || noFacility,
      server: (checkpointReached) => eventTypeFilter({ ...common, regex, checkpointReached }),
      matches: (event) => (!hasPrefix || event.streamId.startsWith(streamPrefix)) && metadataOk(event),
      clientSide: hasPrefix || clientSide,
    };
  }
  const server: FilterPlan['server'] = hasPrefix
    ? (checkpointReached) => streamNameFilter({ ...common, prefixes: [streamPrefix], checkpointReached })
    : (checkpointReached) => excludeSystemEvents({ ...common, checkpointReached });
  return { matchesNothing: metadata.matchesNothing || noFacility, server, matches: metadataOk, clientSide };
}
