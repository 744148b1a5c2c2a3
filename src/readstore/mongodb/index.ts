export { CHECKPOINTS_COLLECTION, createMongoReadStore, FERRETDB_MAX_OPS_PER_COMMAND, type MongoReadStoreOptions } from './mongo-read-store';
