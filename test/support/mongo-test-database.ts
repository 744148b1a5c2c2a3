/**
 * A MongoDB-compatible server for tests: the one named by MONGODB_URL (FerretDB from
 * `.ci/ferretdb.sh start` in CI, or any real MongoDB). Each test run gets a database of its own.
 */
import { randomBytes } from 'node:crypto';

import { MongoClient } from 'mongodb';

/** The server URL, or undefined when the MongoDB tests must be skipped. */
export function mongoTestUrl(): string | undefined {
  const url = process.env.MONGODB_URL?.trim();
  return url === undefined || url === '' ? undefined : url;
}

export const MONGODB_SKIP_REASON = 'MONGODB_URL not set — run .ci/ferretdb.sh start';

/** A database name no other run uses (MongoDB allows at most 63 bytes). */
export function uniqueDatabaseName(purpose: string): string {
  return `celltrail_test_${purpose}_${process.pid}_${randomBytes(4).toString('hex')}`.slice(0, 63);
}

async function withClient<T>(url: string, use: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.connect();
    return await use(client);
  } finally {
    await client.close();
  }
}

export async function dropDatabase(url: string, database: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.db(database).dropDatabase();
  });
}

/** FerretDB answers `buildInfo` with a `ferretdbVersion` field; MongoDB does not. */
export async function isFerretDB(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const info = await client.db('admin').command({ buildInfo: 1 });
    return 'ferretdbVersion' in info;
  });
}
