/**
 * Secrets from files: `NAME_FILE=/run/secrets/…` sets NAME to the file's content (the convention of
 * Docker secrets and the official database images), so that a secret never sits in the environment
 * that `docker inspect` shows. Problems name the variable and the path, never the content.
 */
import fs from 'node:fs';

type Env = Record<string, string | undefined>;

/** Variables that may hold a secret (a password inside a URL counts), each readable from NAME_FILE. */
export const SECRET_VARIABLES = ['JWT_SECRET', 'EVENTSTORE_URL', 'MONGODB_URL'] as const;

/** Variables that are themselves paths to secret files, read by the code that uses them; checked readable here. */
export const SECRET_FILE_PATHS = ['EXPORT_SIGNING_KEY_FILE'] as const;

export type ReadFile = (file: string) => string;

const readUtf8: ReadFile = (file) => fs.readFileSync(file, 'utf8');

/**
 * The environment with each NAME_FILE read into NAME. Adds a problem (and leaves NAME unset) when
 * both are set, when the file cannot be read, or when it is empty. One trailing newline, which
 * editors and `echo` add, is not part of the secret.
 */
export function withSecretFiles(env: Env, problems: string[], readFile: ReadFile = readUtf8): Env {
  const resolved: Env = { ...env };
  for (const name of SECRET_VARIABLES) {
    const fileVariable = `${name}_FILE`;
    const file = env[fileVariable]?.trim();
    if (!file) continue;
    if (env[name]?.trim()) {
      problems.push(`set ${name} or ${fileVariable}, not both`);
      delete resolved[name];
      continue;
    }
    const content = readSecret(fileVariable, file, problems, readFile);
    if (content === null) continue;
    resolved[name] = content.replace(/\r?\n$/, '');
  }
  for (const name of SECRET_FILE_PATHS) {
    const file = env[name]?.trim();
    if (file) readSecret(name, file, problems, readFile);
  }
  return resolved;
}

function readSecret(variable: string, file: string, problems: string[], readFile: ReadFile): string | null {
  let content: string;
  try {
    content = readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    problems.push(`${variable}: cannot read ${file} (${code})`);
    return null;
  }
  if (content.trim() === '') {
    problems.push(`${variable}: ${file} is empty`);
    return null;
  }
  return content;
}
