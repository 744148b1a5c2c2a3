/**
 * A catch-up subscription to $all, following EventStoreDB's subscription enumerators
 * (Enumerator.AllSubscription / AllSubscriptionFiltered):
 *
 * - the first message confirms the subscription;
 * - events strictly after the start position are sent in log order;
 * - catch-up reads pages of `window` events; a filtered subscription sends a checkpoint after every
 *   `checkpointInterval` events considered (matching or not), and when it reaches the end of the log;
 *   a page that ends without a matching event moves the checkpoint to the page's start, which is the
 *   position right after a record, with prepare 0 — so checkpoints are not always event positions;
 * - at the end of the log it sends CaughtUp (position = last checkpoint) and goes live; live,
 *   a checkpoint is the position of the last event considered;
 * - a live subscription more than `liveBuffer` events behind the log sends FellBehind and catches up
 *   by pages again.
 */
import { randomUUID } from 'node:crypto';
import type { CallWriter } from './call-writer';
import type { EventFilterSpec } from './event-filter';
import { compareTfPos, HEAD_OF_LOG, type TfPos, type TransactionLog } from './transaction-log';
import { caughtUpMessage, checkpointMessage, confirmationMessage, fellBehindMessage, readEvent } from './wire';

export interface AllSubscriptionOptions {
  /** Exclusive start; HEAD_OF_LOG for "from the start". */
  from: TfPos;
  filter: EventFilterSpec | null;
  structuredIds: boolean;
  /** Send CaughtUp/FellBehind (EventStoreDB 23.10 and later do). */
  sendCaughtUp: boolean;
  liveBuffer: number;
}

const FIRST_RECORD: TfPos = { commit: 0n, prepare: 0n };
const DEFAULT_WINDOW = 32;

export async function runAllSubscription(log: TransactionLog, writer: CallWriter, options: AllSubscriptionOptions): Promise<void> {
  const { filter } = options;
  const window = filter?.window ?? DEFAULT_WINDOW;
  let checkpoint = options.from;
  let lastCheckpointSent: TfPos | null = null;
  let index = log.indexAfter(checkpoint);
  let live = false;
  let counter = 0;

  const sendCheckpoint = async (pos: TfPos): Promise<void> => {
    if (!filter || compareTfPos(pos, HEAD_OF_LOG) === 0) return;
    if (lastCheckpointSent && compareTfPos(pos, lastCheckpointSent) <= 0) return;
    lastCheckpointSent = pos;
    await writer.send(checkpointMessage(pos));
  };
  const caughtUpPosition = (): TfPos | null => (compareTfPos(checkpoint, HEAD_OF_LOG) === 0 ? null : checkpoint);

  await writer.send(confirmationMessage(randomUUID()));
  let pageStart: TfPos = compareTfPos(checkpoint, HEAD_OF_LOG) === 0 ? FIRST_RECORD : checkpoint;

  while (!writer.gone) {
    if (!live) {
      let considered = 0;
      while (considered < window && index < log.recordCount && !writer.gone) {
        const event = log.record(index++)?.event;
        if (!event) continue;
        considered++;
        if (!filter || filter.matches(event)) {
          await writer.send(readEvent(event, options.structuredIds));
          checkpoint = { commit: event.position, prepare: event.position };
        }
      }
      const lastRead = log.record(index - 1);
      const nextPos: TfPos = lastRead ? { commit: lastRead.position + lastRead.size, prepare: 0n } : FIRST_RECORD;
      if (compareTfPos(checkpoint, pageStart) < 0 && compareTfPos(pageStart, nextPos) < 0) checkpoint = pageStart;
      counter += considered;
      if (index >= log.recordCount) {
        if (compareTfPos(checkpoint, FIRST_RECORD) < 0 && compareTfPos(FIRST_RECORD, nextPos) < 0) checkpoint = FIRST_RECORD;
        await sendCheckpoint(checkpoint);
        if (options.sendCaughtUp) await writer.send(caughtUpMessage(caughtUpPosition()));
        live = true;
        counter = 0;
      } else if (counter >= (filter?.checkpointInterval ?? Infinity)) {
        counter %= filter?.checkpointInterval ?? 1;
        await sendCheckpoint(checkpoint);
      }
      pageStart = nextPos;
      continue;
    }

    if (index >= log.recordCount) {
      await waitForCommit(log, writer);
      continue;
    }
    if (log.recordCount - index > options.liveBuffer) {
      if (options.sendCaughtUp) await writer.send(fellBehindMessage(caughtUpPosition()));
      await sendCheckpoint(checkpoint);
      live = false;
      counter = 0;
      pageStart = checkpoint;
      continue;
    }
    const event = log.record(index++)?.event;
    if (!event) continue;
    const position: TfPos = { commit: event.position, prepare: event.position };
    if (!filter || filter.matches(event)) {
      await writer.send(readEvent(event, options.structuredIds));
      checkpoint = position;
    }
    counter++;
    if (filter && counter >= filter.checkpointInterval) {
      counter = 0;
      checkpoint = position;
      await sendCheckpoint(position);
    }
  }
}

function waitForCommit(log: TransactionLog, writer: CallWriter): Promise<void> {
  return new Promise((resolve) => {
    let stopCommit = (): void => undefined;
    let stopGone = (): void => undefined;
    const done = (): void => {
      stopCommit();
      stopGone();
      resolve();
    };
    stopCommit = log.onCommit(done);
    stopGone = writer.onGone(done);
  });
}
