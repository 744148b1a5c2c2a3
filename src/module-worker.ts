/**
 * Starts a worker thread running one of this project's modules. From the compiled build the module is
 * JavaScript and loads as it is. From the TypeScript sources (the tests run there), the worker first
 * loads the tests' TypeScript hook (test/support/ts-register.js, which transpiles with the project's
 * `typescript`): a worker does not inherit the test runner's transform.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const { entry, register } = workerData.__module;
if (register) require(register);
require(entry);
`;

/** `entry`: the module's absolute path, as `require.resolve` gives it from the caller. */
export function startModuleWorker(entry: string, workerData: Record<string, unknown>): Worker {
  const register = entry.endsWith('.ts') ? path.join(__dirname, '..', 'test', 'support', 'ts-register.js') : null;
  return new Worker(BOOTSTRAP, { eval: true, workerData: { ...workerData, __module: { entry, register } } });
}

/** What a worker's 'error' event carries, as text: an error thrown in a worker may arrive as a plain object. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
