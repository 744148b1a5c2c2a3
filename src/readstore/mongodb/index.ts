export { CHECKPOINTS_COLLECTION, createMongoReadStore, type MongoReadStoreOptions } from './mongo-read-store';
