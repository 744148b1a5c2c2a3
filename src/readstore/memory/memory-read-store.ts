/**
 * In-memory ReadStore: the embedded default. Collections are Maps keyed by `_id`; queries use
 * MongoDB semantics through mingo. Every method does its work synchronously before resolving,
 * so each call is atomic with respect to every other call. Documents are kept as written and returned
 * as they are (shared, never copied): they are read-only. Outside production they are deeply frozen
 * too, so that any code that breaks the rule fails its tests; production skips the freeze, which
 * costs as much as a copy (a tenth of a rebuild).
 */
import { Query } from 'mingo';

import type { Position } from '../../eventstore/port';
import { FencedError, type Fence } from '../../projection/lease';
import { checkFindOptions, cursorOf, effectiveSort, findBackwards } from '../keyset';
import type { Filter, FindOptions, FindResult, ReadStore, StoredDocument } from '../port';
import { checkCollectionName, checkStoredDocuments } from '../stored-document';
import { compareTuples } from './compare-values';
import { freezeDocument } from './freeze-document';
import { createMemoryLeases } from './memory-leases';

type Collection = Map<string, StoredDocument>;

export interface MemoryReadStoreOptions {
  /** Deep-freeze every stored document (default true). */
  freezeDocuments?: boolean;
}

export function createMemoryReadStore(options: MemoryReadStoreOptions = {}): ReadStore {
  const keep: <T>(value: T) => T = options.freezeDocuments === false ? (value) => value : freezeDocument;
  const collections = new Map<string, Collection>();
  const checkpoints = new Map<string, { position: Position; fence: number | null }>();
  /** The fencing token each document was written with, by collection (kept beside the frozen documents). */
  const fences = new Map<string, Map<string, number>>();

  const collectionFor = (name: string): Collection => {
    checkCollectionName(name);
    let collection = collections.get(name);
    if (collection === undefined) {
      collection = new Map();
      collections.set(name, collection);
    }
    return collection;
  };

  const matcher = (filter: Filter | undefined): ((doc: StoredDocument) => boolean) => {
    if (filter === undefined || Object.keys(filter).length === 0) return () => true;
    const query = new Query(filter);
    return (doc) => query.test(doc);
  };

  const store: ReadStore = {
    durable: false,
    leases: createMemoryLeases(),

    async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
      const doc = collections.get(collection)?.get(id);
      return doc === undefined ? null : (doc as T);
    },

    async getMany<T extends StoredDocument>(collection: string, ids: readonly string[]): Promise<T[]> {
      const docs = collections.get(collection);
      if (docs === undefined) return [];
      const found: T[] = [];
      for (const id of ids) {
        const doc = docs.get(id);
        if (doc !== undefined) found.push(doc as T);
      }
      return found;
    },

    async find<T extends StoredDocument>(collection: string, options: FindOptions = {}): Promise<FindResult<T>> {
      const sort = effectiveSort(options.sort);
      checkFindOptions(options, sort);
      if (options.direction === 'backwards') return findBackwards((o) => store.find<T>(collection, o), options, sort);
      const directions = sort.map(([, direction]) => direction);
      const matches = matcher(options.filter);

      let rows: Array<{ doc: StoredDocument; cursor: unknown[] }> = [];
      for (const doc of collections.get(collection)?.values() ?? []) {
        if (matches(doc)) rows.push({ doc, cursor: cursorOf(doc, sort) });
      }
      rows.sort((a, b) => compareTuples(a.cursor, b.cursor, directions));

      const after = options.after;
      if (after !== undefined) {
        rows = rows.filter((row) => compareTuples(row.cursor, after, directions) > 0);
      }
      const hasNextPage = options.limit !== undefined && rows.length > options.limit;
      if (options.limit !== undefined) rows = rows.slice(0, options.limit);

      return {
        items: rows.map((row) => row.doc as T),
        cursors: rows.map((row) => keep(row.cursor)),
        hasNextPage,
        hasPreviousPage: false,
      };
    },

    async count(collection: string, filter?: Filter): Promise<number> {
      const docs = collections.get(collection);
      if (docs === undefined) return 0;
      const matches = matcher(filter);
      let total = 0;
      for (const doc of docs.values()) if (matches(doc)) total++;
      return total;
    },

    async upsertMany(collection: string, docs: readonly StoredDocument[], fence?: Fence): Promise<void> {
      checkStoredDocuments(collection, docs);
      const target = collectionFor(collection);
      let tokens = fences.get(collection);
      if (fence) {
        if (docs.some((doc) => (tokens?.get(doc._id) ?? 0) > fence.token)) throw new FencedError(`upsertMany into "${collection}"`);
        if (!tokens) fences.set(collection, (tokens = new Map()));
      }
      for (const doc of docs) {
        const stored = target.get(doc._id);
        if (stored === undefined || doc._position > stored._position) {
          target.set(doc._id, keep(doc));
          if (fence) tokens?.set(doc._id, fence.token);
        }
      }
    },

    async getCheckpoint(name: string): Promise<Position | null> {
      return checkpoints.get(name)?.position ?? null;
    },

    async setCheckpoint(name: string, position: Position, fence?: Fence): Promise<void> {
      const stored = checkpoints.get(name);
      if (!fence) {
        checkpoints.set(name, { position, fence: stored?.fence ?? null });
        return;
      }
      const storedFence = stored?.fence ?? 0;
      if (storedFence > fence.token) throw new FencedError(`checkpoint ${name}`);
      if (stored && storedFence === fence.token && position <= stored.position) return;
      checkpoints.set(name, { position, fence: fence.token });
    },

    async dropCollection(collection: string): Promise<void> {
      checkCollectionName(collection);
      collections.delete(collection);
      fences.delete(collection);
    },

    async listCollections(prefix: string): Promise<string[]> {
      return [...collections.keys()].filter((name) => name.startsWith(prefix));
    },

    async replaceCollection(target: string, source: string): Promise<void> {
      checkCollectionName(target);
      checkCollectionName(source);
      if (target === source) throw new RangeError(`replaceCollection: "${target}" cannot replace itself`);
      collections.set(target, collections.get(source) ?? new Map());
      collections.delete(source);
      fences.set(target, fences.get(source) ?? new Map());
      fences.delete(source);
    },

    async ensureIndexes(collection: string): Promise<void> {
      checkCollectionName(collection);
    },

    async close(): Promise<void> {},
  };
  return store;
}
