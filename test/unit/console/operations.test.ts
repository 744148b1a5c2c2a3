/**
 * The console's operations (console/src/operations/*.graphql) against the schema the server emits: a schema
 * change that would break a screen fails here. Their TypeScript types are generated from both (npm run
 * console:codegen); the generated file must be the one the current operations and schema give.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildSchema, parse, print, validate, type DocumentNode } from 'graphql';
import * as generated from '../../../console/src/operations/generated';

const root = path.resolve(__dirname, '../../..');
const operationsDir = path.join(root, 'console/src/operations');
const schema = buildSchema(fs.readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8'));
const files = fs.readdirSync(operationsDir).filter((f) => f.endsWith('.graphql'));

/** Every file together: a fragment may be used by another file's operation. */
const all: DocumentNode = {
  kind: 'Document' as DocumentNode['kind'],
  definitions: files.flatMap((f) => parse(fs.readFileSync(path.join(operationsDir, f), 'utf8')).definitions),
} as DocumentNode;

describe("the console's operations", () => {
  it('are there to check', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(all.definitions.filter((d) => d.kind === 'OperationDefinition').length).toBeGreaterThanOrEqual(10);
  });

  it('are valid against schema/schema.graphql', () => {
    expect(validate(schema, all).map((e) => e.message)).toEqual([]);
  });

  it('have distinct names', () => {
    const names = all.definitions.flatMap((d) => ('name' in d && d.name ? [d.name.value] : []));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('are what the console sends: the generated documents hold each operation as written, and are valid too', () => {
    const documents = generated as unknown as Record<string, DocumentNode>;
    for (const d of all.definitions) {
      if (d.kind !== 'OperationDefinition') continue;
      const sent = documents[`${d.name!.value}Document`];
      expect(sent).toBeDefined();
      const operation = sent!.definitions.find((s) => s.kind === 'OperationDefinition');
      expect(print(operation!)).toBe(print(d));
      expect(validate(schema, sent!).map((e) => e.message)).toEqual([]);
    }
  });

  it('are typed from the current schema: GraphQL Code Generator would write generated.ts as committed (npm run console:codegen)', () => {
    // Its own process: the generator is an ES module, which this CommonJS test run cannot load.
    const bin = path.join(path.dirname(require.resolve('@graphql-codegen/cli/package.json')), 'cjs/bin.js');
    const check = spawnSync(process.execPath, [bin, '--config', 'console/codegen.yml', '--check'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: check.status, stale: check.status === 0 ? '' : check.stdout + check.stderr }).toEqual({ status: 0, stale: '' });
  }, 60_000);
});
