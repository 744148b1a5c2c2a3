/**
 * Streams.Append (one client stream per append) and Streams.BatchAppend (one long-lived duplex
 * stream, appends told apart by correlation id), which the client prefers when the server lists it.
 */
import { status, type ServerDuplexStream, type ServerReadableStream, type sendUnaryData } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { WrongExpectedVersion as SharedWrongExpectedVersion } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { Status } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb';
import { Code } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/code_pb';
import {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { AllStreamPosition } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import type { ExpectedState } from './append-decision';
import type { AppendOutcome, ProposedEvent, TransactionLog } from './transaction-log';
import { Empty, ProtoEmpty, parseUuid, streamIdentifier, streamName, WireError } from './wire';

/** What the server does right after committing an append, before answering. */
export interface AppendFaults {
  /** Returns true when the answer must not be sent (the connections are being dropped). */
  afterCommit(): boolean;
}

interface ProposedMessage {
  getId(): Parameters<typeof parseUuid>[0];
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

function proposedEvent(message: ProposedMessage): ProposedEvent {
  const properties = message.getMetadataMap();
  const type = properties.get('type');
  const contentType = properties.get('content-type');
  // EventStoreDB refuses a proposed message without these (RequiredMetadataPropertyMissing).
  if (!type || !contentType) throw new WireError('proposed message needs "type" and "content-type"');
  return {
    id: parseUuid(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

const AppendCase = AppendReq.Options.ExpectedStreamRevisionCase;

function appendExpected(options: AppendReq.Options): ExpectedState {
  switch (options.getExpectedStreamRevisionCase()) {
    case AppendCase.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case AppendCase.NO_STREAM:
      return { kind: 'no_stream' };
    case AppendCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
}

export function handleAppend(log: TransactionLog, faults: AppendFaults) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const events: ProposedEvent[] = [];
    let failed = false;
    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      callback({ code: status.INVALID_ARGUMENT, details: err instanceof Error ? err.message : 'invalid append' });
    };
    call.on('data', (request: AppendReq) => {
      try {
        if (request.hasOptions()) options = request.getOptions();
        else if (request.hasProposedMessage()) events.push(proposedEvent(request.getProposedMessage() as ProposedMessage));
      } catch (err) {
        fail(err);
      }
    });
    call.on('end', () => {
      if (failed) return;
      try {
        if (!options) throw new WireError('append options must come first');
        const expected = appendExpected(options);
        const outcome = log.append(streamName(options.getStreamIdentifier()), expected, events);
        if (outcome.kind === 'success' && !outcome.idempotent && faults.afterCommit()) return;
        callback(null, appendResponse(outcome, expected));
      } catch (err) {
        fail(err);
      }
    });
  };
}

function appendResponse(outcome: AppendOutcome, expected: ExpectedState): AppendResp {
  if (outcome.kind === 'success') {
    const success = new AppendResp.Success();
    if (outcome.lastRevision < 0n) success.setNoStream(new Empty());
    else success.setCurrentRevision(outcome.lastRevision.toString());
    if (outcome.position < 0n) success.setNoPosition(new Empty());
    else {
      const position = outcome.position.toString();
      success.setPosition(new AppendResp.Position().setCommitPosition(position).setPreparePosition(position));
    }
    return new AppendResp().setSuccess(success);
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision === null) wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(outcome.currentRevision.toString());
  switch (expected.kind) {
    case 'revision':
      wrong.setExpectedRevision(expected.revision.toString());
      break;
    case 'no_stream':
      wrong.setExpectedNoStream(new Empty());
      break;
    case 'stream_exists':
      wrong.setExpectedStreamExists(new Empty());
      break;
    case 'any':
      wrong.setExpectedAny(new Empty());
      break;
  }
  return new AppendResp().setWrongExpectedVersion(wrong);
}

const BatchCase = BatchAppendReq.Options.ExpectedStreamPositionCase;

function batchExpected(options: BatchAppendReq.Options): ExpectedState {
  switch (options.getExpectedStreamPositionCase()) {
    case BatchCase.STREAM_POSITION:
      return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
    case BatchCase.NO_STREAM:
      return { kind: 'no_stream' };
    case BatchCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
}

interface PendingBatch {
  options?: BatchAppendReq.Options;
  events: ProposedEvent[];
}

export function handleBatchAppend(log: TransactionLog, faults: AppendFaults) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, PendingBatch>();
    call.on('data', (request: BatchAppendReq) => {
      const correlationId = request.getCorrelationId();
      let key: string;
      try {
        key = parseUuid(correlationId);
      } catch {
        call.emit('error', { code: status.INVALID_ARGUMENT, details: 'batch append needs a correlation id' });
        return;
      }
      const batch = pending.get(key) ?? { events: [] };
      pending.set(key, batch);
      let response: BatchAppendResp;
      try {
        if (request.hasOptions()) batch.options = request.getOptions();
        for (const message of request.getProposedMessagesList()) batch.events.push(proposedEvent(message));
        if (!request.getIsFinal()) return;
        pending.delete(key);
        if (!batch.options) throw new WireError('batch append options must come with the first request');
        const stream = streamName(batch.options.getStreamIdentifier());
        const expected = batchExpected(batch.options);
        const outcome = log.append(stream, expected, batch.events);
        if (outcome.kind === 'success' && !outcome.idempotent && faults.afterCommit()) return;
        response = batchResponse(outcome, expected, stream);
      } catch (err) {
        pending.delete(key);
        const error = new Status().setCode(Code.INVALID_ARGUMENT).setMessage(err instanceof Error ? err.message : 'invalid append');
        response = new BatchAppendResp().setError(error);
      }
      if (correlationId) response.setCorrelationId(correlationId);
      call.write(response);
    });
    call.on('end', () => call.end());
  };
}

function batchResponse(outcome: AppendOutcome, expected: ExpectedState, stream: string): BatchAppendResp {
  const response = new BatchAppendResp().setStreamIdentifier(streamIdentifier(stream));
  switch (expected.kind) {
    case 'revision':
      response.setStreamPosition(expected.revision.toString());
      break;
    case 'no_stream':
      response.setNoStream(new ProtoEmpty());
      break;
    case 'stream_exists':
      response.setStreamExists(new ProtoEmpty());
      break;
    case 'any':
      response.setAny(new ProtoEmpty());
      break;
  }
  if (outcome.kind === 'success') {
    const success = new BatchAppendResp.Success();
    if (outcome.lastRevision < 0n) success.setNoStream(new ProtoEmpty());
    else success.setCurrentRevision(outcome.lastRevision.toString());
    if (outcome.position < 0n) success.setNoPosition(new ProtoEmpty());
    else {
      const position = outcome.position.toString();
      success.setPosition(new AllStreamPosition().setCommitPosition(position).setPreparePosition(position));
    }
    return response.setSuccess(success);
  }
  // EventStoreDB answers a failed batch with google.rpc.Status ALREADY_EXISTS carrying WrongExpectedVersion.
  const details = new SharedWrongExpectedVersion();
  if (outcome.currentRevision === null) details.setCurrentNoStream(new ProtoEmpty());
  else details.setCurrentStreamRevision(outcome.currentRevision.toString());
  switch (expected.kind) {
    case 'revision':
      details.setExpectedStreamPosition(expected.revision.toString());
      break;
    case 'no_stream':
      details.setExpectedNoStream(new ProtoEmpty());
      break;
    case 'stream_exists':
      details.setExpectedStreamExists(new ProtoEmpty());
      break;
    case 'any':
      details.setExpectedAny(new ProtoEmpty());
      break;
  }
  const any = new Any();
  any.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return response.setError(new Status().setCode(Code.ALREADY_EXISTS).setMessage('WrongExpectedVersion').setDetails(any));
}
