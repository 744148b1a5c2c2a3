/**
 * The ReadStore port: where projections keep their documents and checkpoints.
 * Adapters: `memory` (embedded default, mingo query semantics) and `mongodb`.
 * Every adapter passes `test/contract/read-store.contract.ts`.
 */
import type { Position } from '../eventstore/port';
import type { Fence, Leases } from '../projection/lease';

/** MongoDB query language, a subset both adapters honour: equality, $in, $gt/$gte/$lt/$lte, $ne, $exists, $and, $or, $elemMatch, dotted paths. */
export type Filter = Record<string, unknown>;

/** Sort keys in order; the adapter always adds `_id` ascending as the last tie-breaker. */
export type Sort = ReadonlyArray<readonly [field: string, direction: 1 | -1]>;

/** Every stored document: `_id` is the projection key; `_position` the last global position applied to it. */
export interface StoredDocument {
  _id: string;
  /** Position as a zero-padded decimal string (see `positionKey`), so it compares correctly as a string everywhere. */
  _position: string;
  [field: string]: unknown;
}

export interface FindOptions {
  filter?: Filter;
  sort?: Sort;
  limit?: number;
  /**
   * Keyset cursor: the values of the sort fields (and `_id`) of the last document of the previous page,
   * as returned in `FindResult.endCursor`. Documents strictly after it in the sort order are returned.
   */
  after?: CursorValues;
  /**
   * 'backwards': the last `limit` documents (strictly before `before`, when given), still in the sort
   * order, so that pages read either way line up. Default 'forwards'.
   */
  direction?: 'forwards' | 'backwards';
  /** Keyset cursor for reading backwards, as `after` is for reading forwards. Only with direction 'backwards'. */
  before?: CursorValues;
}

export type CursorValues = ReadonlyArray<unknown>;

export interface FindResult<T extends StoredDocument> {
  items: T[];
  /** Cursor values of each item, same order as `items`. */
  cursors: CursorValues[];
  /** Reading forwards (`after` or no cursor): more documents follow the page. False when reading backwards. */
  hasNextPage: boolean;
  /** Reading backwards (`before`): more documents precede the page. False when reading forwards. */
  hasPreviousPage: boolean;
}

/**
 * Documents returned by a read store are read-only: the memory store hands out its own (frozen)
 * documents, so a caller that needs to change one copies it first.
 */
export interface ReadStore {
  get<T extends StoredDocument>(collection: string, id: string): Promise<T | null>;
  getMany<T extends StoredDocument>(collection: string, ids: readonly string[]): Promise<T[]>;
  find<T extends StoredDocument>(collection: string, options?: FindOptions): Promise<FindResult<T>>;
  count(collection: string, filter?: Filter): Promise<number>;
  /**
   * Position-guarded bulk upsert: each document replaces the stored one only when its `_position` is
   * greater than the stored `_position` (or none is stored). Replaying a batch changes nothing. Idempotent.
   * The store may keep the given documents (the memory store does, frozen): do not change them afterwards.
   * With a `fence`, the documents are stored with its token, and the batch is refused (FencedError) when
   * one of them is stored with a greater token: a deposed owner cannot overwrite its successor's writes.
   */
  upsertMany(collection: string, docs: readonly StoredDocument[], fence?: Fence): Promise<void>;
  getCheckpoint(name: string): Promise<Position | null>;
  /**
   * Without a fence: sets the checkpoint. With one: refused (FencedError) when the checkpoint was written
   * with a greater token; with the same token it only moves forward (an older position changes nothing);
   * with a smaller token (or none) stored, this owner takes it over at `position` (a new owner claims the
   * checkpoint it resumes from, or the one of the collection its rebuild swapped in).
   */
  setCheckpoint(name: string, position: Position, fence?: Fence): Promise<void>;
  /** Projection ownership (src/projection/lease.ts): kept beside the checkpoints. */
  readonly leases: Leases;
  /** Removes every document of the collection (and nothing else). */
  dropCollection(collection: string): Promise<void>;
  /** Names of the projection collections that start with `prefix` (a rebuild's leftovers). */
  listCollections(prefix: string): Promise<string[]>;
  /**
   * Blue/green swap: `source`'s documents become `target`'s in one step (readers see the old or the new
   * collection, never a mix), and `source` is gone afterwards.
   */
  replaceCollection(target: string, source: string): Promise<void>;
  /** Creates the indexes a collection's queries need; a no-op where the adapter needs none. */
  ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void>;
  /** True when the store has data that survives a restart (decides resume vs. rebuild at start). */
  readonly durable: boolean;
  close(): Promise<void>;
}

export interface IndexSpec {
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

const POSITION_DIGITS = 20; // 2^64 has 20 decimal digits

/** Zero-padded decimal form of a position: string order equals numeric order. */
export function positionKey(position: Position): string {
  return position.toString().padStart(POSITION_DIGITS, '0');
}

export function positionFromKey(key: string): Position {
  return BigInt(key);
}
