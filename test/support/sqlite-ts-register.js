/**
 * Lets a plain `node` child process require the project's TypeScript (used by the SQLite crash tests,
 * which must kill a real process). Type-only transpilation with the project's own `typescript`: no
 * extra dependency, and the event store code has no decorators that would need metadata.
 * Usage: node -r ./test/support/sqlite-ts-register.js test/support/sqlite-append-child.ts …
 */
'use strict';
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  sourceMap: false,
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
