/**
 * Server-side $all filters: on the event type or on the stream name, by prefixes (any of them) or
 * by a regular expression (unanchored, as .NET's Regex.IsMatch), the way EventStoreDB reads them
 * from ReadReq.Options.FilterOptions.
 */
import { ReadReq } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import type { StoredEvent } from './transaction-log';
import { WireError } from './wire';

export interface EventFilterSpec {
  matches(event: StoredEvent): boolean;
  /** Events considered between two checkpoints: window size × checkpoint interval multiplier. */
  checkpointInterval: number;
  /** Events a catch-up page considers (the filter's max search window). */
  window: number;
}

/** EventStoreDB's default read batch, used as the search window when the client sends `count`. */
const DEFAULT_WINDOW = 32;

export function parseFilter(options: ReadReq.Options): EventFilterSpec | null {
  if (!options.hasFilter()) return null;
  const filter = options.getFilter() as ReadReq.Options.FilterOptions;
  const onType = filter.hasEventType();
  const expression = onType ? filter.getEventType() : filter.getStreamIdentifier();
  if (!expression) throw new WireError('filter needs an event type or stream name expression');
  const prefixes = expression.getPrefixList();
  const source = expression.getRegex();
  let regex: RegExp | null = null;
  if (prefixes.length === 0 && source.length > 0) {
    try {
      regex = new RegExp(source);
    } catch {
      throw new WireError('filter regex is not valid');
    }
  }
  const window = filter.hasMax() && filter.getMax() > 0 ? filter.getMax() : DEFAULT_WINDOW;
  const multiplier = Math.max(1, filter.getCheckpointintervalmultiplier());
  return {
    window,
    checkpointInterval: window * multiplier,
    matches(event) {
      const value = onType ? event.type : event.stream;
      if (prefixes.length > 0) return prefixes.some((prefix) => value.startsWith(prefix));
      return regex ? regex.test(value) : true;
    },
  };
}
