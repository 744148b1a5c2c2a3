/** Streams.Read: stream reads, $all reads (optionally filtered) and $all subscriptions. */
import { status } from '@grpc/grpc-js';
import { ReadReq } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { runAllSubscription } from './all-subscription';
import { callWriter, type CallWriter, type ReadCall } from './call-writer';
import { parseFilter, type EventFilterSpec } from './event-filter';
import { compareTfPos, HEAD_OF_LOG, type StoredEvent, type TfPos, type TransactionLog } from './transaction-log';
import { readEvent, streamName, streamNotFoundMessage, WireError } from './wire';

export interface ReadBehaviour {
  sendCaughtUp: boolean;
  liveBuffer: number;
  /** Called for every $all subscription opened. */
  onSubscription(): void;
}

const { FORWARDS } = ReadReq.Options.ReadDirection;
const { START, END, POSITION } = ReadReq.Options.AllOptions.AllOptionCase;
const RevisionCase = ReadReq.Options.StreamOptions.RevisionOptionCase;

/** Thrown for a read position that is not a record boundary (EventStoreDB: InvalidPosition). */
class InvalidPositionError extends WireError {}

export function handleRead(log: TransactionLog, behaviour: ReadBehaviour) {
  return (call: ReadCall): void => {
    const writer = callWriter(call);
    serve(log, behaviour, call, writer).then(
      () => {
        if (!writer.gone) call.end();
      },
      (err: unknown) => {
        if (writer.gone) return;
        const invalidArgument = err instanceof WireError;
        call.emit('error', {
          code: invalidArgument ? status.INVALID_ARGUMENT : status.INTERNAL,
          details: err instanceof InvalidPositionError ? 'Invalid position' : err instanceof Error ? err.message : 'read failed',
        });
      },
    );
  };
}

async function serve(log: TransactionLog, behaviour: ReadBehaviour, call: ReadCall, writer: CallWriter): Promise<void> {
  const options = call.request.getOptions();
  if (!options) throw new WireError('read options are required');
  const structuredIds = options.getUuidOption()?.hasStructured() ?? false;
  const subscription = options.hasSubscription();

  if (options.hasStream()) {
    if (subscription) {
      call.emit('error', { code: status.UNIMPLEMENTED, details: 'stream subscriptions are not implemented by the test server' });
      return;
    }
    const events = streamEvents(log, options);
    if (events === null) {
      await writer.send(streamNotFoundMessage(streamName(options.getStream()?.getStreamIdentifier())));
      return;
    }
    for (const event of events) await writer.send(readEvent(event, structuredIds));
    return;
  }

  const all = options.getAll();
  if (!all) throw new WireError('read needs a stream or $all');
  const filter = parseFilter(options);
  const from = allPosition(log, all);

  if (subscription) {
    behaviour.onSubscription();
    await runAllSubscription(log, writer, {
      from: from === 'start' ? HEAD_OF_LOG : from === 'end' ? log.lastEventPosition() : from,
      filter,
      structuredIds,
      sendCaughtUp: behaviour.sendCaughtUp,
      liveBuffer: behaviour.liveBuffer,
    });
    return;
  }
  const count = countOf(options);
  const forwards = options.getReadDirection() === FORWARDS;
  for (const event of allEvents(log, from, forwards, filter, count)) await writer.send(readEvent(event, structuredIds));
}

function countOf(options: ReadReq.Options): bigint {
  return options.hasCount() ? BigInt(options.getCount()) : BigInt(Number.MAX_SAFE_INTEGER);
}

/** null when the stream does not exist. */
function streamEvents(log: TransactionLog, options: ReadReq.Options): StoredEvent[] | null {
  const stream = options.getStream() as ReadReq.Options.StreamOptions;
  const events = log.stream(streamName(stream.getStreamIdentifier()));
  if (!events || events.length === 0) return null;
  const count = Number(countOf(options) > BigInt(events.length) ? BigInt(events.length) : countOf(options));
  const last = events.length - 1;
  const revisionCase = stream.getRevisionOptionCase();
  const revision = revisionCase === RevisionCase.REVISION ? BigInt(stream.getRevision()) : null;
  if (options.getReadDirection() === FORWARDS) {
    if (revisionCase === RevisionCase.END) return [];
    const from = revision === null ? 0 : revision > BigInt(last) ? events.length : Number(revision);
    return events.slice(from, from + count);
  }
  if (revisionCase === RevisionCase.START) return events.slice(0, Math.min(1, count));
  const from = revision === null || revision > BigInt(last) ? last : Number(revision);
  return events.slice(Math.max(0, from - count + 1), from + 1).reverse();
}

function allPosition(log: TransactionLog, all: ReadReq.Options.AllOptions): TfPos | 'start' | 'end' {
  switch (all.getAllOptionCase()) {
    case START:
      return 'start';
    case END:
      return 'end';
    case POSITION: {
      const position = all.getPosition() as ReadReq.Options.Position;
      const pos = { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
      if (!log.isValidPosition(pos.commit)) throw new InvalidPositionError('Invalid position');
      return pos;
    }
    default:
      throw new WireError('$all read needs a start, end or position');
  }
}

function* allEvents(
  log: TransactionLog,
  from: TfPos | 'start' | 'end',
  forwards: boolean,
  filter: EventFilterSpec | null,
  count: bigint,
): Generator<StoredEvent> {
  let remaining = count;
  const keep = (event: StoredEvent): boolean => filter === null || filter.matches(event);
  if (forwards) {
    if (from === 'end') return;
    // Forwards, the start position is inclusive: events at or after it.
    let index = from === 'start' ? 0 : log.indexAtOrAfter(from.commit);
    for (; index < log.recordCount && remaining > 0n; index++) {
      const event = log.record(index)?.event;
      if (!event || !keep(event)) continue;
      if (from !== 'start' && compareTfPos({ commit: event.position, prepare: event.position }, from) < 0) continue;
      remaining--;
      yield event;
    }
    return;
  }
  if (from === 'start') return;
  // Backwards, the position is exclusive: events strictly before it.
  for (let index = log.recordCount - 1; index >= 0 && remaining > 0n; index--) {
    const event = log.record(index)?.event;
    if (!event || !keep(event)) continue;
    if (from !== 'end' && compareTfPos({ commit: event.position, prepare: event.position }, from) >= 0) continue;
    remaining--;
    yield event;
  }
}
