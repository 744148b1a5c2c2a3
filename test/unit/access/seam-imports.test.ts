/**
 * By construction, not by habit: nothing under src/graphql/ (resolvers, types, inputs) or src/cli/ may reach a
 * store or the composed services directly. Patient, case, history, audit and access data come through the
 * caller-bound seam in src/access/. A new resolver that imports a store fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', '..', 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Modules that hand out stores or the services holding them. */
const FORBIDDEN = [
  /\/eventstore\/(?!port'|envelope')/,
  /\/readstore\//,
  /\/services'/,
  /\/audit\/(access-log-reader|event-page|verify-stream|case-as-of)'/,
];

describe('the authorization seam', () => {
  it('is the only way resolvers reach data: no file under src/graphql imports a store, the services or a data reader', () => {
    const offenders = filesUnder(join(SRC, 'graphql'))
      .filter((file) => !file.endsWith('emit-schema.ts'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          // Type-only imports reach no data at run time.
          .filter((line) => /^import (?!type )/.test(line) && FORBIDDEN.some((pattern) => pattern.test(line)))
          .map((line) => `${relative(SRC, file)}: ${line}`),
      );
    expect(offenders).toEqual([]);
  });

  it('gives resolvers a context without services: only the caller, the request id and the seam', () => {
    const context = readFileSync(join(SRC, 'graphql', 'context.ts'), 'utf8');
    expect(context).toMatch(/data: PatientData;/);
    expect(context).not.toMatch(/\bservices\b/);
  });

  it('is the only way the export CLI reads patient data: it writes exports through the seam, never the exporter itself', () => {
    const cli = readFileSync(join(SRC, 'cli', 'export.ts'), 'utf8');
    expect(cli).toMatch(/patientDataFor\(/);
    expect(cli.split('\n').filter((line) => /^import (?!type ).*audit\/ndjson-export'/.test(line))).toEqual([]);
  });
});
