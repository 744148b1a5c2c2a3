/** A case's full record, folded once per request however many of its amendments a response shows. */
import { caseRecordOf, type CaseRecord } from '../../domain/case-record';
import { CASE_STREAM_PREFIX } from '../../domain/events';
import type { Context } from '../context';

const perRequest = new WeakMap<Context, Map<string, Promise<CaseRecord | null>>>();

export function caseRecordOfStream(ctx: Context, stream: string): Promise<CaseRecord | null> {
  if (!stream.startsWith(CASE_STREAM_PREFIX)) return Promise.resolve(null);
  let records = perRequest.get(ctx);
  if (!records) perRequest.set(ctx, (records = new Map()));
  let record = records.get(stream);
  if (!record) records.set(stream, (record = ctx.services.store.readStream(stream).then(caseRecordOf)));
  return record;
}
