/** The schema accepts the FHIR export's operations (schema/fhir-operations.graphql) exactly as written. */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema as buildSdl, parse, specifiedRules, validate } from 'graphql';
import { maxAliases } from '../../../src/graphql/common/max-aliases';

const root = path.resolve(__dirname, '../../..');

it('schema/schema.graphql accepts every operation of schema/fhir-operations.graphql', () => {
  const schema = buildSdl(fs.readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8'));
  const operations = parse(fs.readFileSync(path.join(root, 'schema/fhir-operations.graphql'), 'utf8'));
  expect(operations.definitions.map((d) => ('name' in d ? d.name?.value : undefined))).toEqual(['CaseFhirBundle', 'CaseFhirAuditBundle']);
  expect(validate(schema, operations, [...specifiedRules, maxAliases]).map((e) => e.message)).toEqual([]);
});
