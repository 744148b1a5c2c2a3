/**
 * The facility of a stream's first event, for the older events whose facility is that one
 * (event-facility.ts): the server cannot tell, so the adapter reads revision 0 of the stream once
 * and remembers the answer, since a stream's facility never changes. First events the adapter sees
 * in passing (a read, a subscription) are remembered without a read.
 *
 * Bounded: the least recently used streams are forgotten past `capacity` (an answer costs one more
 * read of one event then). A stream that does not exist is not remembered: it may be written later.
 * At most `concurrency` first events are read at once, so a page of older events about many cases
 * does not open a read per event at the same moment.
 */
import { facilityNamedByFirstEvent, isReferredTo, type FacilityClues } from '../event-facility';

export type FirstEvent = FacilityClues & { revision: number };

export interface StreamFacilities {
  /** The facility, when known without a read; undefined when the first event must be read. */
  known(stream: string): string | null | undefined;
  /** The facility, reading the stream's first event when it is not known (null: no facility, or no stream). */
  lookUp(stream: string): Promise<string | null>;
  /** A stream's first event, seen in passing. */
  remember(first: FirstEvent): void;
}

export interface StreamFacilitiesOptions {
  /** The stream's first event, or null when the stream does not exist. */
  readFirst(stream: string): Promise<FirstEvent | null>;
  capacity?: number;
  concurrency?: number;
}

const DEFAULT_CAPACITY = 100_000;
const DEFAULT_CONCURRENCY = 16;

export function createStreamFacilities(options: StreamFacilitiesOptions): StreamFacilities {
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  /** Insertion order is recency: a hit moves its stream to the end, the first entry is the oldest. */
  const facilities = new Map<string, string | null>();
  const inFlight = new Map<string, Promise<string | null>>();
  const waiting: (() => void)[] = [];
  let reading = 0;

  const store = (stream: string, facility: string | null): void => {
    facilities.delete(stream);
    facilities.set(stream, facility);
    if (facilities.size > capacity) facilities.delete(facilities.keys().next().value as string);
  };

  /** A reading slot; a finished read hands its slot to the next one waiting. */
  async function acquire(): Promise<void> {
    if (reading < concurrency) reading++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
  }
  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else reading--;
  }

  async function read(stream: string): Promise<string | null> {
    await acquire();
    try {
      const first = await options.readFirst(stream);
      if (first === null) return null;
      const facility = facilityNamedByFirstEvent(first);
      store(stream, facility);
      return facility;
    } finally {
      release();
    }
  }

  return {
    known(stream) {
      const facility = facilities.get(stream);
      if (facility === undefined) return undefined;
      store(stream, facility);
      return facility;
    },
    lookUp(stream) {
      const facility = this.known(stream);
      if (facility !== undefined) return Promise.resolve(facility);
      let pending = inFlight.get(stream);
      if (!pending) {
        pending = read(stream).finally(() => inFlight.delete(stream));
        inFlight.set(stream, pending);
      }
      return pending;
    },
    remember(first) {
      if (first.revision === 0 && isReferredTo(first.stream)) store(first.stream, facilityNamedByFirstEvent(first));
    },
  };
}
