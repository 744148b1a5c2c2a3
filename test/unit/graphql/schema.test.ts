/** The committed schema is the one the code builds, and it accepts the client contract as written. */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema as buildSdl, parse, specifiedRules, validate } from 'graphql';
import { maxAliases } from '../../../src/graphql/common/max-aliases';
import { appSchema } from '../../../src/graphql/schema';
import { schemaSdl } from '../../../src/graphql/schema-sdl';

const root = path.resolve(__dirname, '../../..');
const committed = fs.readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8');
const operations = fs.readFileSync(path.join(root, 'schema/operations.graphql'), 'utf8');
const shared = path.resolve(root, '../shared/api/operations.graphql');

describe('schema/schema.graphql', () => {
  it('is current: run `npm run schema` and commit it when this fails', async () => {
    expect(committed).toBe(schemaSdl(await appSchema()));
  });

  it("accepts every operation of the client contract exactly as written, within the server's own limits", () => {
    const errors = validate(buildSdl(committed), parse(operations), [...specifiedRules, maxAliases]);
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});

describe('schema/operations.graphql', () => {
  const present = fs.existsSync(shared);
  (present ? it : it.skip)(
    present
      ? 'is a copy of the shared client contract'
      : 'is a copy of the shared client contract (skipped: ../shared/api/operations.graphql not present)',
    () => {
      expect(operations).toBe(fs.readFileSync(shared, 'utf8'));
    },
  );
});
