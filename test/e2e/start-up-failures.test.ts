/**
 * A start that cannot succeed (port in use, bad configuration, store unreachable) leaves one JSON log
 * line, "failed to start", exits non-zero, and logs nothing as listening or ready.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function start(env: Record<string, string>): Promise<{ code: number | null; lines: Array<Record<string, unknown>>; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', path.join(ROOT, 'test/support/ts-register.js'), path.join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        MONGODB_URL: '',
        EVENTSTORE_URL: '',
        JWT_SECRET: 'x'.repeat(40),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      try {
        resolve({
          code,
          lines: stdout
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as Record<string, unknown>),
          stderr,
        });
      } catch (error) {
        reject(new Error(`a line is not JSON:\n${stdout}\n${String(error)}`));
      }
    });
  });
}

describe('start-up failures', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-start-'))));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const nothingReady = (lines: Array<Record<string, unknown>>) =>
    expect(lines.map((l) => l.msg).filter((msg) => /ready|listening|built/.test(String(msg)))).toEqual([]);

  it('port in use: one JSON line naming EADDRINUSE, exit 1, nothing built or listening', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as net.AddressInfo;
    try {
      const result = await start({ PORT: String(port), DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('');
      const failed = result.lines.filter((l) => l.msg === 'failed to start');
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ level: 60, err: { code: 'EADDRINUSE' } });
      nothingReady(result.lines);
    } finally {
      taken.close();
    }
  });

  it('bad configuration: one JSON line listing the problems, exit 2', async () => {
    const result = await start({ PORT: 'eighty', DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatchObject({ msg: 'failed to start', problems: [expect.stringContaining('PORT must be an integer')] });
  });

  it('store unreachable: one JSON line, exit 1, nothing ready', async () => {
    const result = await start({
      PORT: '0',
      DATA_DIR: dataDir,
      MONGODB_URL: 'mongodb://127.0.0.1:1/celltrail?serverSelectionTimeoutMS=300',
    });
    expect(result.code).toBe(1);
    expect(result.lines.filter((l) => l.msg === 'failed to start')).toHaveLength(1);
    nothingReady(result.lines);
  });
});
