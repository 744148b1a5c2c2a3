/**
 * `npm run -s token -- --role CLINICIAN --facility F1 --sub u1 --name "Dr Who" [--expires 8h]`: prints a
 * token signed with the secret the server uses, found by the server's own configuration (config.ts):
 * JWT_SECRET, JWT_SECRET_FILE, else DATA_DIR/jwt-secret. It says on stderr which one it used (the
 * variable's name or the file's path, never the secret).
 *
 * It never creates a secret. The server generates DATA_DIR/jwt-secret on its first start; a token CLI
 * that made one wherever it happened to run (another DATA_DIR, another working directory) would sign
 * tokens the server refuses as UNAUTHENTICATED, with nothing logged to say why. So without a secret it
 * stops (exit 3) and says where it looked. With JWKS_URL the server trusts the identity provider's keys
 * only, so a local token would be refused too: exit 2.
 * Exit codes: 0 printed, 2 bad usage or refused, 3 no secret where the server's would be.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { ROLES, type Role } from '../domain/values';
import { existingLocalSecret, localSecretFile, signToken } from '../graphql/auth/tokens';

export interface TokenIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

export const USAGE = `usage: npm run -s token -- [--role <role>]... [--facility <id>]... [--sub <user id>] [--name <name>] [--expires <lifetime>]

Prints a bearer token (HS256 JWT) for the server's shared secret on stdout; says on stderr which secret it used.

  --role <role>      ${ROLES.join(', ')} (repeatable; default CLINICIAN)
  --facility <id>    a facility the user may see (repeatable; default none)
  --sub <user id>    the token's subject, a pseudonymous user id (default dev-user)
  --name <name>      the user's display name (default: the subject)
  --expires <time>   lifetime: a number with a unit, e.g. 30m, 8h, 2d (jose's units: s, m, h, d, w, y; default 8h)
  -h, --help         this text

The secret is the server's, found the way the server finds it: JWT_SECRET, JWT_SECRET_FILE, else the
file jwt-secret in DATA_DIR (default ./data), which the server generates on its first start. This
command never creates one: run it with the server's DATA_DIR (or secret variables), after the server's
first start. With JWKS_URL set, tokens come from the identity provider, and this command refuses.
Exit codes: 0 printed, 2 bad usage or refused, 3 no secret found.
`;

export async function runToken(argv: string[], io: TokenIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        role: { type: 'string', multiple: true },
        facility: { type: 'string', multiple: true },
        sub: { type: 'string' },
        name: { type: 'string' },
        expires: { type: 'string', default: '8h' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const roles = (values.role ?? ['CLINICIAN']).map((r) => r.toUpperCase());
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) {
    io.stderr.write(`unknown role(s) ${unknown.join(', ')}; roles: ${ROLES.join(', ')}\n`);
    return 2;
  }
  const config = loadConfig(io.env);
  if (config.jwksUrl) {
    io.stderr.write('refused: JWKS_URL is set, so the server accepts only tokens from the identity provider; get one there\n');
    return 2;
  }
  const found = secretOf(config.jwtSecret, config.dataDir, io.env);
  if (!found) {
    io.stderr.write(
      `no JWT secret: JWT_SECRET and JWT_SECRET_FILE are unset and ${localSecretFile(config.dataDir)} does not exist.\n` +
        "The server generates that file on its first start: start it once, or run this with the server's DATA_DIR\n" +
        '(or its JWT_SECRET / JWT_SECRET_FILE). This command creates no secret of its own, which the server would not know.\n',
    );
    return 3;
  }
  const sub = values.sub ?? 'dev-user';
  let token: string;
  try {
    token = await signToken(found.secret, {
      sub,
      name: values.name ?? sub,
      roles: roles as Role[],
      facilities: values.facility ?? [],
      expiresIn: values.expires,
    });
  } catch {
    // jose parses the lifetime; its only failure here is a malformed one
    io.stderr.write('--expires must be a number with a unit, e.g. 30m, 8h or 2d\n');
    return 2;
  }
  io.stderr.write(`token: signed with the secret from ${found.source}\n`);
  io.stdout.write(`${token}\n`);
  return 0;
}

/** The secret and where it came from: a variable's name or a file's path, never the value. */
function secretOf(
  jwtSecret: string | null,
  dataDir: string,
  env: Record<string, string | undefined>,
): { secret: string; source: string } | null {
  if (jwtSecret !== null) {
    const file = env.JWT_SECRET_FILE?.trim();
    return { secret: jwtSecret, source: file ? `JWT_SECRET_FILE (${file})` : 'JWT_SECRET' };
  }
  const secret = existingLocalSecret(dataDir);
  return secret === null ? null : { secret, source: localSecretFile(dataDir) };
}

if (require.main === module) {
  runToken(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
