/** Child-process entry: generates one cached store (see cached-store.ts). Argument: the DatasetKey as JSON. */
import { generateStore, type DatasetKey } from './cached-store';
import { runMain } from './output';

runMain(async () => {
  await generateStore(JSON.parse(process.argv[2] ?? '') as DatasetKey);
});
