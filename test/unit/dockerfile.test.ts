/**
 * The Dockerfile: parsed and checked by BuildKit's own frontend (tools/dockerfile-lint, the checks
 * `docker build --check` runs), then held to what running it depends on: a build that needs only an
 * npm registry, a runtime with production dependencies, compiled code, no TypeScript compiler, a
 * non-root user, a supported Node, and the operating commands.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deployTool } from '../support/deploy-tools';

const root = path.resolve(__dirname, '../..');
const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const lint = deployTool('dockerfile-lint');
const describeLint = lint.runs ? describe : describe.skip;

describeLint(`Dockerfile, as BuildKit parses and checks it${lint.reason}`, () => {
  test('parses, and passes every build check', () => {
    const result = lint.run(['Dockerfile']);
    expect(JSON.parse(result.stdout)).toEqual({ warnings: [] });
    expect(result.status).toBe(0);
  });

  test('the checker reports what BuildKit reports (so a clean result means something)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'celltrail-dockerfile-'));
    try {
      fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM node:24 as build\nENV A $UNDEFINED\nCMD node main.js\n');
      const result = lint.run([path.join(dir, 'Dockerfile')]);
      expect(result.status).toBe(1);
      const rules = (JSON.parse(result.stdout) as { warnings: { rule: string }[] }).warnings.map((w) => w.rule).sort();
      expect(rules).toEqual(['FromAsCasing', 'JSONArgsRecommended', 'LegacyKeyValueFormat', 'UndefinedVar']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Dockerfile', () => {
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const build = stages[0] ?? '';
  const runtime = stages[stages.length - 1] ?? '';
  const arg = (name: string) => new RegExp(`^ARG ${name}=(\\S+)$`, 'm').exec(dockerfile)?.[1] ?? '';

  test('builds in one stage with the dev dependencies and runs from another with production ones', () => {
    expect(stages).toHaveLength(2);
    expect(build).toMatch(/^\$\{NODE_BUILD_IMAGE\} AS build$/m);
    expect(build).toMatch(/npm ci/);
    expect(build).toMatch(/npm run build/);
    expect(build).toMatch(/npm prune --omit=dev/);
    expect(runtime).toMatch(/^\$\{NODE_IMAGE\} AS runtime$/m);
    expect(runtime).toMatch(/COPY --from=build \/app\/node_modules/);
    expect(runtime).not.toMatch(/COPY --from=build \/app\/(src|test|bench)\b/);
  });

  test('needs nothing but an npm registry: the compilers come with the build image, the Node headers too', () => {
    expect(dockerfile).not.toMatch(/apt-get|apk add|curl |wget /);
    expect(arg('NODE_BUILD_IMAGE')).toMatch(/^node:\d+\.\d+\.\d+-\w+$/); // the full image: python3, make, g++
    expect(build).toMatch(/^ENV npm_config_nodedir=\/usr\/local$/m);
  });

  test('pulls nothing unpinned: no frontend image from a `# syntax=` line, base images by exact version', () => {
    expect(dockerfile).not.toMatch(/^#\s*syntax\s*=/m);
    expect(dockerfile.match(/^FROM (\S+)/gm)).toEqual(['FROM ${NODE_BUILD_IMAGE}', 'FROM ${NODE_IMAGE}']);
  });

  test('runs the same Node and Debian release it built with, a supported Node LTS, pinned', () => {
    const runtimeImage = arg('NODE_IMAGE');
    expect(runtimeImage).toBe(`${arg('NODE_BUILD_IMAGE')}-slim`);
    const [major, minor, patch] = (/^node:(\d+)\.(\d+)\.(\d+)-/.exec(runtimeImage) ?? []).slice(1).map(Number);
    expect(major! % 2).toBe(0); // even majors are the LTS lines
    // the image's Node satisfies `engines` (^MAJOR.MINOR.PATCH alternatives: that major, at least that release)
    const engines = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const ranges = engines.split('||').map((range) => (/^\^(\d+)\.(\d+)\.(\d+)$/.exec(range.trim()) ?? []).slice(1).map(Number));
    const line = ranges.find(([wantMajor]) => wantMajor === major);
    expect(line).toBeDefined();
    const [, wantMinor, wantPatch] = line!;
    expect(minor! * 1000 + patch!).toBeGreaterThanOrEqual(wantMinor! * 1000 + wantPatch!);
    // the newest line engines names: the current LTS
    expect(major).toBe(Math.max(...ranges.map(([m]) => m!)));
  });

  test('runs the compiled server as a non-root user, with its health check on PORT', () => {
    expect(runtime).toMatch(/^USER node$/m);
    // with the GC setting `npm start` uses (README, "Start-up and memory")
    expect(runtime).toMatch(/^CMD \["node", "--max-semi-space-size=64", "dist\/src\/main\.js"\]$/m);
    expect(runtime).toMatch(/^HEALTHCHECK [\s\S]*process\.env\.PORT/m);
    // an anonymous volume would be made on every `docker run`; DATA_DIR is mounted by whoever needs it
    expect(runtime).not.toMatch(/^VOLUME/m);
  });

  test('carries what the operating commands need and no compiler: the npm scripts find nothing to build', () => {
    expect(runtime).toMatch(/^COPY --from=build \/app\/scripts\/build-if-stale\.js \.\/scripts\/build-if-stale\.js$/m);
    expect(runtime).not.toMatch(/tsconfig|typescript/);
    const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['start', 'token', 'verify', 'export', 'projections']) {
      // `npm start` also asks for the console, which the image carries built (no console sources: nothing to build)
      expect([name, scripts[name]]).toEqual([
        name,
        expect.stringMatching(/^node scripts\/build-if-stale\.js( --console)? && node .*dist\/src\//),
      ]);
    }
    expect(runtime).toMatch(/^COPY --from=build \/app\/console\/dist \.\/console\/dist$/m);
  });

  test('keeps secrets, dependencies and build output out of the build context', () => {
    const ignored = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['secrets', 'node_modules', 'dist', '.env', 'data']));
  });
});
