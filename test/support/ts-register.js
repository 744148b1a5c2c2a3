/**
 * Lets a plain `node` child process require the project's TypeScript (used by the crash tests, which
 * must kill a real process). Transpilation only, with the project's own `typescript` (no extra
 * dependency); decorator metadata is emitted, which type-graphql needs.
 * Usage: node -r ./test/support/ts-register.js test/support/sqlite-append-child.ts …
 */
'use strict';
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  sourceMap: false,
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
