/** `npm run token -- --role CLINICIAN --facility F1 --sub u1 --name "Dr Who" [--expires 8h]`: prints a token for the local secret. */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { ROLES, type Role } from '../domain/values';
import { localSecret, signToken } from '../graphql/auth/tokens';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      facility: { type: 'string', multiple: true },
      sub: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const roles = (values.role ?? ['CLINICIAN']).map((r) => r.toUpperCase());
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new Error(`unknown role(s) ${unknown.join(', ')}; roles: ${ROLES.join(', ')}`);
  const config = loadConfig();
  const secret = config.jwtSecret ?? localSecret(config.dataDir);
  const sub = values.sub ?? 'dev-user';
  const token = await signToken(secret, {
    sub,
    name: values.name ?? sub,
    roles: roles as Role[],
    facilities: values.facility ?? [],
    expiresIn: values.expires,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
