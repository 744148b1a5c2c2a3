/**
 * MongoDB ReadStore through the official driver: one collection per projection plus a
 * `checkpoints` collection in the same database. Tested against MongoDB and FerretDB 1.24.
 */
import { randomBytes } from 'node:crypto';

import { MongoClient, type Collection, type Db, type IndexDescription } from 'mongodb';

import type { Position } from '../../eventstore/port';
import { FencedError, type Fence } from '../../projection/lease';
import { checkFindOptions, cursorOf, effectiveSort, findBackwards } from '../keyset';
import {
  positionFromKey,
  positionKey,
  type Filter,
  type FindOptions,
  type FindResult,
  type IndexSpec,
  type ReadStore,
  type StoredDocument,
} from '../port';
import { checkCollectionName, checkStoredDocuments } from '../stored-document';
import { findByIds } from './by-ids';
import { guardedUpsert } from './guarded-upsert';
import { keysetFilter, withKeyset } from './keyset-filter';
import { createMongoLeases, LEASES_COLLECTION } from './mongo-leases';
import { DUPLICATE_KEY, hasCode, NAMESPACE_EXISTS, NAMESPACE_NOT_FOUND, NOT_IMPLEMENTED } from './server-errors';

export interface MongoReadStoreOptions {
  /** `mongodb://…` connection string. */
  url: string;
  /** Database holding the read models; default: the one named in `url`, else `celltrail`. */
  database?: string;
  /**
   * How long an operation waits for a reachable server before it rejects (default 5000 ms):
   * short, so that a server that is down surfaces as an error the projection runner retries.
   */
  serverSelectionTimeoutMS?: number;
  /** TCP connect timeout (default 5000 ms). */
  connectTimeoutMS?: number;
  /**
   * Most replacements sent in one `update` command. Default: unlimited on MongoDB (the driver
   * splits at the server's maxWriteBatchSize), {@link FERRETDB_MAX_OPS_PER_COMMAND} on FerretDB.
   */
  maxOpsPerCommand?: number;
  /** Replace documents by `_id` alone after checking their positions (default: on FerretDB), see guarded-upsert.ts. */
  replaceById?: boolean;
}

/**
 * FerretDB 1.24 keeps one SQLite connection per matched replacement open until its `update`
 * command ends (a `defer` inside the per-statement loop of its update handler) and has 100
 * connections per database: a command replacing 100 existing documents never finishes and
 * blocks every later write to that database. Small commands keep several concurrent writers
 * well under that limit.
 */
export const FERRETDB_MAX_OPS_PER_COMMAND = 25;

export const CHECKPOINTS_COLLECTION = 'checkpoints';
const DEFAULT_DATABASE = 'celltrail';

interface CheckpointDocument {
  _id: string;
  /** positionKey() string: KurrentDB positions exceed what a BSON double holds exactly. */
  position: string;
  /** Fencing token of the owner that wrote it last (absent: written without a lease). */
  fence?: number;
}

/** Documents are stored with the fencing token of the owner that wrote them; readers never see it. */
const HIDE_FENCE = { _fence: 0 } as const;
/** Renames a swap on FerretDB tries before it gives up (see replaceWithoutDropTarget). */
const MAX_SWAP_ATTEMPTS = 5;

/** Database named in the path of a connection string, if any. */
function databaseInUrl(url: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(url);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

export async function createMongoReadStore(options: MongoReadStoreOptions): Promise<ReadStore> {
  const { maxOpsPerCommand: maxOps } = options;
  if (maxOps !== undefined && !(Number.isInteger(maxOps) && maxOps >= 1)) {
    throw new RangeError(`createMongoReadStore: maxOpsPerCommand must be a positive integer, got ${String(maxOps)}`);
  }
  const client = new MongoClient(options.url, {
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
    connectTimeoutMS: options.connectTimeoutMS ?? 5000,
  });
  try {
    await client.connect();
    const db = client.db(options.database ?? databaseInUrl(options.url) ?? DEFAULT_DATABASE, {
      writeConcern: { w: 'majority', journal: true },
    });
    const ferretDB = await isFerretDB(client);
    const maxOpsPerCommand = options.maxOpsPerCommand ?? (ferretDB ? FERRETDB_MAX_OPS_PER_COMMAND : Number.POSITIVE_INFINITY);
    // FerretDB: replacements by `_id` alone, the only filter its `_id` index serves (guarded-upsert.ts).
    return mongoReadStore(client, db, maxOpsPerCommand, options.replaceById ?? ferretDB);
  } catch (error) {
    await client.close();
    throw error;
  }
}

/** FerretDB answers `buildInfo` with a `ferretdbVersion` field; MongoDB does not. */
async function isFerretDB(client: MongoClient): Promise<boolean> {
  const info = await client.db('admin').command({ buildInfo: 1 });
  return 'ferretdbVersion' in info;
}

function mongoReadStore(client: MongoClient, db: Db, maxOpsPerCommand: number, replaceById: boolean): ReadStore {
  /** With `replaceById`, this store's writes to one collection run one at a time (see guarded-upsert.ts). */
  const writing = new Map<string, Promise<void>>();
  const serialised = (collection: string, write: () => Promise<void>): Promise<void> => {
    if (!replaceById) return write();
    const previous = writing.get(collection) ?? Promise.resolve();
    const next = previous.then(write, write);
    const settled = next.catch(() => {});
    writing.set(collection, settled);
    void settled.then(() => writing.get(collection) === settled && writing.delete(collection));
    return next;
  };
  const checkpoints = db.collection<CheckpointDocument>(CHECKPOINTS_COLLECTION);

  const data = (name: string): Collection<StoredDocument> => {
    checkCollectionName(name);
    if (name === CHECKPOINTS_COLLECTION || name === LEASES_COLLECTION) {
      throw new RangeError(`read store: "${name}" holds the checkpoints and leases and is not a projection collection`);
    }
    return db.collection<StoredDocument>(name);
  };

  const dropCollection = async (name: string): Promise<void> => {
    try {
      await data(name).drop();
    } catch (error) {
      if (!hasCode(error, NAMESPACE_NOT_FOUND)) throw error;
    }
  };

  const rename = async (source: string, target: string, dropTarget: boolean): Promise<void> => {
    try {
      await db.renameCollection(source, target, dropTarget ? { dropTarget: true } : {});
    } catch (error) {
      // A rebuild that produced no documents never created its collection: the target becomes empty.
      if (!hasCode(error, NAMESPACE_NOT_FOUND)) throw error;
      await dropCollection(target);
    }
  };

  /**
   * FerretDB 1.x has no `dropTarget`. Dropping the target while a query reads it returns part
   * of its documents there, so the old collection is first renamed out of the way (readers
   * already on it finish reading it whole), then the source renamed in, then the old one
   * dropped. Between the two renames readers see an empty target; MongoDB swaps in one step.
   */
  const replaceWithoutDropTarget = async (target: string, source: string): Promise<void> => {
    // Another process may create `target` between the two renames (an index build, a late write of a
    // deposed owner): what it created is parked too and the rename tried again, so the collection that
    // was serving is never left hidden behind a newer, emptier one.
    const parked: string[] = [];
    for (let attempt = 1; ; attempt++) {
      const name = `${target}_replaced_${randomBytes(4).toString('hex')}`;
      try {
        await db.renameCollection(target, name);
        parked.push(name);
      } catch (error) {
        if (!hasCode(error, NAMESPACE_NOT_FOUND)) throw error;
      }
      try {
        await rename(source, target, false);
        break;
      } catch (error) {
        if (hasCode(error, NAMESPACE_EXISTS) && attempt < MAX_SWAP_ATTEMPTS) continue;
        // The swap failed: the collection that was serving goes back (if nothing took its name since).
        if (parked[0]) await db.renameCollection(parked[0], target).catch(() => undefined);
        throw error;
      }
    }
    for (const name of parked) await dropCollection(name);
  };

  const store: ReadStore = {
    durable: true,
    leases: createMongoLeases(db),

    async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
      return (await data(collection).findOne({ _id: id }, { projection: HIDE_FENCE })) as T | null;
    },

    async getMany<T extends StoredDocument>(collection: string, ids: readonly string[]): Promise<T[]> {
      if (ids.length === 0) return [];
      const found = await findByIds(data(collection), ids, { projection: HIDE_FENCE });
      const byId = new Map(found.map((doc) => [doc._id, doc as T]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async find<T extends StoredDocument>(collection: string, options: FindOptions = {}): Promise<FindResult<T>> {
      const sort = effectiveSort(options.sort);
      checkFindOptions(options, sort);
      if (options.direction === 'backwards') return findBackwards((o) => store.find<T>(collection, o), options, sort);
      const filter = withKeyset(options.filter, options.after && keysetFilter(sort, options.after));
      const limit = options.limit;
      const found = await data(collection)
        .find(filter, {
          projection: HIDE_FENCE,
          sort: sort.map(([field, direction]) => [field, direction] as [string, 1 | -1]),
          ...(limit === undefined ? {} : { limit: limit + 1 }),
        })
        .toArray();
      const hasNextPage = limit !== undefined && found.length > limit;
      const items = (hasNextPage ? found.slice(0, limit) : found) as T[];
      return { items, cursors: items.map((doc) => cursorOf(doc, sort)), hasNextPage, hasPreviousPage: false };
    },

    async count(collection: string, filter?: Filter): Promise<number> {
      return data(collection).countDocuments(filter ?? {});
    },

    async upsertMany(collection: string, docs: readonly StoredDocument[], fence?: Fence): Promise<void> {
      checkStoredDocuments(collection, docs);
      if (docs.length === 0) return;
      const target = data(collection);
      await serialised(collection, () => guardedUpsert(target, docs, maxOpsPerCommand, fence, replaceById));
    },

    async getCheckpoint(name: string): Promise<Position | null> {
      const checkpoint = await checkpoints.findOne({ _id: name });
      return checkpoint === null ? null : positionFromKey(checkpoint.position);
    },

    async setCheckpoint(name: string, position: Position, fence?: Fence): Promise<void> {
      const key = positionKey(position);
      if (!fence) {
        await checkpoints.updateOne({ _id: name }, { $set: { position: key } }, { upsert: true });
        return;
      }
      const { token } = fence;
      try {
        // Taken over from a smaller token (or none), or moved forward under the same one: one conditional write.
        await checkpoints.updateOne(
          { _id: name, $or: [{ fence: { $exists: false } }, { fence: { $lt: token } }, { fence: token, position: { $lt: key } }] },
          { $set: { position: key, fence: token } },
          { upsert: true },
        );
      } catch (error) {
        // It exists and matched none of those: a newer owner's (refused), or not forward (nothing to do).
        if (!hasCode(error, DUPLICATE_KEY)) throw error;
        const stored = await checkpoints.findOne({ _id: name });
        if ((stored?.fence ?? 0) > token) throw new FencedError(`checkpoint ${name}`);
      }
    },

    dropCollection,

    async listCollections(prefix: string): Promise<string[]> {
      const names = await db.listCollections({}, { nameOnly: true }).toArray();
      return names.map(({ name }) => name).filter((name) => name.startsWith(prefix));
    },

    async replaceCollection(target: string, source: string): Promise<void> {
      data(target);
      data(source);
      if (target === source) throw new RangeError(`replaceCollection: "${target}" cannot replace itself`);
      try {
        await rename(source, target, true);
      } catch (error) {
        if (!hasCode(error, NOT_IMPLEMENTED)) throw error;
        await replaceWithoutDropTarget(target, source);
      }
    },

    async ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void> {
      const target = data(collection);
      // One index per command: FerretDB 1.24 drops the connection (a server-side panic) when a
      // single createIndexes names several indexes that all exist already.
      for (const index of indexes) {
        const description: IndexDescription = {
          key: index.keys,
          ...(index.unique === undefined ? {} : { unique: index.unique }),
        };
        await target.createIndexes([description]);
      }
    },

    async close(): Promise<void> {
      await client.close();
    },
  };
  return store;
}
