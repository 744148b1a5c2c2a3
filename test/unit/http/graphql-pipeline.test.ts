/** The limits every operation passes on both transports: the client contract fits them; abuse does not. */
import fs from 'node:fs';
import path from 'node:path';
import { parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import pino from 'pino';
import { appSchema } from '../../../src/graphql/schema';
import { createPipeline, MAX_COST, type GraphqlPipeline } from '../../../src/http/graphql-pipeline';

const operations = fs.readFileSync(path.resolve(__dirname, '../../../schema/operations.graphql'), 'utf8');
const logger = pino({ level: 'silent' });

function documentOf(operation: OperationDefinitionNode, all: DocumentNode): DocumentNode {
  return { kind: all.kind, definitions: [operation, ...all.definitions.filter((d) => d.kind === 'FragmentDefinition')] };
}

describe('the GraphQL pipeline', () => {
  let pipeline: GraphqlPipeline;
  beforeAll(async () => {
    pipeline = createPipeline({ schema: await appSchema(), logger, introspection: false, production: true });
  });

  it('accepts every operation of the client contract at the largest page, within depth, aliases and cost', () => {
    const all = parse(operations);
    const ops = all.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    expect(ops.length).toBeGreaterThan(10);
    for (const op of ops) {
      const prepared = pipeline.prepare(operations);
      expect('errors' in prepared ? prepared.errors.map((e) => e.message) : []).toEqual([]);
      expect(pipeline.costError(documentOf(op, all), { first: 100 }, op.name?.value)).toBeNull();
    }
  });

  it('refuses fifteen aliased caseAsOf (each folds a whole case) but accepts two', () => {
    const asOf = (n: number) =>
      parse(
        `query { ${Array.from({ length: n }, (_, i) => `a${i}: caseAsOf(caseId: "c", at: "2026-01-01T00:00:00Z") { id status }`).join(' ')} }`,
      );
    expect(pipeline.costError(asOf(2), {})).toBeNull();
    expect(pipeline.costError(asOf(15), {})?.message).toMatch(`at most ${MAX_COST}`);
  });

  it('refuses an operation nested deeper than its limit, where a shallower one passes', async () => {
    // No operation of today's schema nests 12 levels (introspection aside, which graphql-js limits itself):
    // the mechanism is shown with a limit of 4.
    const shallow = createPipeline({ schema: await appSchema(), logger, introspection: false, production: true, maxDepth: 4 });
    const messages = (query: string) => {
      const prepared = shallow.prepare(query);
      return 'errors' in prepared ? prepared.errors.map((e) => e.message) : [];
    };
    expect(messages('query { patient(id: "p") { cases { id } } }')).toEqual([]);
    expect(messages('query { patient(id: "p") { cases { compliance { findings { rule } } } } }').join(' ')).toMatch(/nested too deeply/);
  });

  it('refuses introspection in production, with the code HTTP gives it', () => {
    const prepared = pipeline.prepare('{ __schema { types { name } } }');
    const errors = 'errors' in prepared ? prepared.errors : [];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.extensions.code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    expect(errors.some((e) => /introspection/i.test(e.message))).toBe(true);
  });
});
