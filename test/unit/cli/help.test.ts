/** Every CLI answers --help with its usage on stdout and exit 0, and an unknown option with the usage and exit 2. */
import { PassThrough } from 'node:stream';
import { runExport } from '../../../src/cli/export';
import { runToken } from '../../../src/cli/token';
import { runVerify } from '../../../src/cli/verify';
import { runScript } from '../../support/cli-process';

type Run = (argv: string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>;

function inProcess(cli: (argv: string[], io: never) => Promise<number>): Run {
  return async (argv) => {
    let stdout = '';
    let stderr = '';
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const io = {
      stdout: out,
      stderr: { write: (t: string) => (stderr += t) },
      stdin: new PassThrough(),
      env: { DATA_DIR: '/nonexistent' },
    };
    const code = await cli(argv, io as never);
    out.end();
    return { code, stdout, stderr };
  };
}

const clis: [string, string, Run][] = [
  ['token', 'npm run -s token', inProcess(runToken)],
  ['verify', 'npm run verify', inProcess(runVerify)],
  ['export', 'npm run export', inProcess(runExport)],
  ['projections', 'npm run projections', (argv) => runScript('src/cli/projections.ts', argv, { DATA_DIR: '/nonexistent' })],
];

describe.each(clis)('%s', (_name, usage, run) => {
  it('prints its usage and exit codes for --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`usage: ${usage}`);
    expect(result.stdout).toMatch(/Exit codes: 0/);
    expect(result.stderr).toBe('');
  });

  it('answers an unknown option with the usage on stderr and exit 2', async () => {
    const result = await run(['--no-such-option']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`usage: ${usage}`);
    expect(result.stdout).toBe('');
  });
});
