/**
 * Thin wrappers at the port boundary (Eventuous' way: diagnostics wrap a port rather than live inside
 * it): append metrics for the event store, commit metrics for the access log, and, when tracing is on,
 * a span per port call. The adapters know nothing of them.
 */
import type { AccessDayWriter } from '../audit/access-day';
import type { EventStore } from '../eventstore/port';
import type { ReadStore } from '../readstore/port';
import { secondsSince, type Metrics } from './metrics';
import { inSpan, streamCategory } from './tracing';

/** Append counts and durations by store; with `traced`, a span per call. */
export function instrumentEventStore(store: EventStore, metrics: Metrics, label: string, traced: boolean): EventStore {
  const span = <T>(name: string, attributes: Record<string, string | number>, work: () => Promise<T>): Promise<T> =>
    traced ? inSpan(name, { 'db.system': label, ...attributes }, work) : work();
  return over(store, {
    append: (stream, events, expected) =>
      span('eventstore.append', { 'celltrail.stream.category': streamCategory(stream), 'celltrail.events': events.length }, async () => {
        const start = process.hrtime.bigint();
        try {
          const result = await store.append(stream, events, expected);
          metrics.eventAppend(label, 'ok', events.length, secondsSince(start));
          return result;
        } catch (error) {
          metrics.eventAppend(label, 'error', events.length, secondsSince(start));
          throw error;
        }
      }),
    readStream: (stream, options) =>
      span('eventstore.readStream', { 'celltrail.stream.category': streamCategory(stream) }, () => store.readStream(stream, options)),
    readAll: (options) => span('eventstore.readAll', {}, () => store.readAll(options)),
    headPosition: () => span('eventstore.headPosition', {}, () => store.headPosition()),
  });
}

/**
 * The port with some methods replaced, every other one still the wrapped object's: on top of it as a
 * prototype, since a port may be an object whose methods are not its own properties (a test's wrapper).
 */
function over<T extends object>(port: T, methods: Partial<T>): T {
  return Object.assign(Object.create(port) as T, methods);
}

/** With tracing on, a span per read-store call (writes come from the projection runner, reads from requests). */
export function traceReadStore(store: ReadStore): ReadStore {
  return over(store, {
    get: (collection, id) => inSpan('readstore.get', { 'db.collection.name': collection }, () => store.get(collection, id)),
    getMany: (collection, ids) =>
      inSpan('readstore.getMany', { 'db.collection.name': collection, 'celltrail.ids': ids.length }, () => store.getMany(collection, ids)),
    find: (collection, options) => inSpan('readstore.find', { 'db.collection.name': collection }, () => store.find(collection, options)),
    count: (collection, filter) => inSpan('readstore.count', { 'db.collection.name': collection }, () => store.count(collection, filter)),
    // Every argument passed on: the fence is what keeps a deposed projection owner from writing.
    upsertMany: (collection, docs, fence) =>
      inSpan('readstore.upsertMany', { 'db.collection.name': collection, 'celltrail.documents': docs.length }, () =>
        store.upsertMany(collection, docs, fence),
      ),
  });
}

/** Access-log commits: count, records per commit, time until durable. */
export function instrumentAccessWriter(write: AccessDayWriter, metrics: Metrics, traced: boolean): AccessDayWriter {
  return async (stream, records) => {
    const commit = async () => {
      const start = process.hrtime.bigint();
      try {
        await write(stream, records);
        metrics.accessLogCommit('ok', records.length, secondsSince(start));
      } catch (error) {
        metrics.accessLogCommit('error', records.length, secondsSince(start));
        throw error;
      }
    };
    return traced ? inSpan('accesslog.commit', { 'celltrail.records': records.length }, commit) : commit();
  };
}
