/** The executor: graphql-js for a document's first use, graphql-jit's compiled function after; the same answers either way. */
import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { buildSchema, GraphQLError, Kind, parse, type DocumentNode, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import * as jit from 'graphql-jit';
import { compiledExecution } from '../../../src/http/compiled-execution';

jest.mock('graphql-jit', () => {
  const actual = jest.requireActual<typeof jit>('graphql-jit');
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});

const schema = buildSchema(`
  type Leg { side: String!, injections: Int! }
  type Case { id: ID!, legs: [Leg!]!, secret: String }
  type Query { case(id: ID!, limit: Int): Case }
`);
(schema.getType('Query') as GraphQLObjectType).getFields().case!.resolve = (_root, args: { id: string }, context: { user: string }) => ({
  id: `${args.id}@${context.user}`,
  legs: [{ side: 'LEFT', injections: 20 }],
  secret: () => {
    throw new Error('not for you');
  },
});
(schema.getType('Case') as GraphQLObjectType).getFields().secret!.resolve = (source: { secret: () => string }) => source.secret();

async function executorOf(compileFromUse?: number): Promise<GatewayExecutor> {
  const { executor } = await compiledExecution(schema, { compileFromUse }).load({ apollo: {} });
  return executor!;
}

function request(document: DocumentNode, variables: Record<string, unknown>) {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return {
    document,
    operation,
    operationName: null,
    request: { variables },
    context: { user: 'u1' },
  } as unknown as GatewayGraphQLRequestContext;
}

const plain = (result: unknown) => JSON.parse(JSON.stringify(result)) as unknown;

describe('compiled execution', () => {
  beforeEach(() => jest.mocked(jit.compileQuery).mockClear());

  it('compiles a document on its second use, once, and answers exactly as graphql-js did, errors included', async () => {
    const execute = await executorOf();
    const document = parse('query($id: ID!) { case(id: $id) { id legs { side injections } secret } }');
    const first = await execute(request(document, { id: 'c1' }));
    expect(jit.compileQuery).not.toHaveBeenCalled();
    const second = await execute(request(document, { id: 'c1' }));
    const third = await execute(request(document, { id: 'c2' }));
    expect(jit.compileQuery).toHaveBeenCalledTimes(1);
    expect(plain(second)).toEqual(plain(first));
    expect(plain(first)).toEqual({
      data: { case: { id: 'c1@u1', legs: [{ side: 'LEFT', injections: 20 }], secret: null } },
      errors: [{ message: 'not for you', locations: [{ line: 1, column: 63 }], path: ['case', 'secret'] }],
    });
    expect(second.errors![0]).toBeInstanceOf(GraphQLError);
    expect((third.data as { case: { id: string } }).case.id).toBe('c2@u1');
  });

  it('reports a bad variable as graphql-js does (on its definition, so that Apollo answers BAD_USER_INPUT), compiled or not', async () => {
    const execute = await executorOf();
    const document = parse('query($id: ID!, $limit: Int) { case(id: $id, limit: $limit) { id } }');
    await execute(request(document, { id: 'c1' }));
    await execute(request(document, { id: 'c1' }));
    expect(jit.compileQuery).toHaveBeenCalledTimes(1);
    const bad = await execute(request(document, { id: 'c1', limit: 'many' }));
    expect(bad.data).toBeUndefined();
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors![0]!.message).toMatch(/^Variable "\$limit" got invalid value "many"; Int cannot represent/);
    expect(bad.errors![0]!.nodes?.[0]?.kind).toBe(Kind.VARIABLE_DEFINITION);
  });

  it('compiles from the first use when asked to (how the test suite runs every operation compiled)', async () => {
    const execute = await executorOf(1);
    const result = await execute(request(parse('{ case(id: "c3") { id } }'), {}));
    expect(jit.compileQuery).toHaveBeenCalledTimes(1);
    expect(plain(result)).toEqual({ data: { case: { id: 'c3@u1' } } });
  });
});
