/** The client contract's operations (schema/operations.graphql), exactly as clients send them. */
import fs from 'node:fs';
import path from 'node:path';
import { parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/** The repository root, found from here whether this runs from bench/ or from dist/bench/. */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'schema', 'operations.graphql'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('cannot find schema/operations.graphql above ' + __dirname);
  }
}

let document: DocumentNode | null = null;

export function operation(name: string): string {
  document ??= parse(fs.readFileSync(path.join(repoRoot(), 'schema', 'operations.graphql'), 'utf8'));
  const def = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && d.name?.value === name);
  if (!def) throw new Error(`no operation ${name} in schema/operations.graphql`);
  return print(def);
}

/** A request body builder: the query is serialised once, only the variables per request. */
export function bodyFor(query: string): (variables: object) => string {
  const head = `{"query":${JSON.stringify(query)},"variables":`;
  return (variables) => `${head}${JSON.stringify(variables)}}`;
}
