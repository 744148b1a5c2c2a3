/** `npm run schema`: writes schema/schema.graphql from the code (committed; a test fails when it is stale). */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { appSchema } from './schema';
import { schemaSdl } from './schema-sdl';

async function main(): Promise<void> {
  const file = path.resolve(__dirname, '../../../schema/schema.graphql');
  fs.writeFileSync(file, schemaSdl(await appSchema()));
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
