/**
 * JWT bearer tokens (jose): HS256 with a shared secret, or keys from a JWKS URL. Claims: sub, name,
 * roles, facilities; iss = aud = 'celltrail'; exp required.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ROLES, type Role } from '../../domain/values';
import { cachedTokenVerifier, type TokenCacheOptions, type VerifiedToken } from './token-cache';
import type { User } from './user';

export const TOKEN_ISSUER = 'celltrail';
export const TOKEN_AUDIENCE = 'celltrail';

export type TokenVerifier = (token: string) => Promise<User>;

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

function verified(payload: JWTPayload): VerifiedToken {
  // jose has checked that exp is present and in the future
  const expiresAt = (payload.exp as number) * 1000;
  return { user: { ...userFrom(payload), expiresAt }, expiresAt };
}

function userFrom(payload: JWTPayload): User {
  const { sub, name, roles, facilities } = payload as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '') throw new InvalidTokenError('token has no subject');
  if (!Array.isArray(roles) || roles.some((r) => !(ROLES as readonly unknown[]).includes(r))) {
    throw new InvalidTokenError('token roles are missing or unknown');
  }
  if (!Array.isArray(facilities) || facilities.some((f) => typeof f !== 'string')) {
    throw new InvalidTokenError('token facilities are missing');
  }
  return { id: sub, name: typeof name === 'string' ? name : sub, roles: roles as Role[], facilities: facilities as string[] };
}

export function createTokenVerifier(options: {
  secret?: string | null;
  jwksUrl?: string | null;
  cache?: TokenCacheOptions;
}): TokenVerifier {
  const verifyOptions = { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, requiredClaims: ['exp', 'sub'] };
  if (options.jwksUrl) {
    const jwks = createRemoteJWKSet(new URL(options.jwksUrl));
    return cachedTokenVerifier(async (token) => verified((await jwtVerify(token, jwks, verifyOptions)).payload), options.cache);
  }
  if (!options.secret) throw new Error('a JWT secret or a JWKS URL is required');
  // Imported once: jose would otherwise import raw key bytes on every request.
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(options.secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  return cachedTokenVerifier(
    async (token) => verified((await jwtVerify(token, await key, { ...verifyOptions, algorithms: ['HS256'] })).payload),
    options.cache,
  );
}

export interface TokenClaims {
  sub: string;
  name: string;
  roles: Role[];
  facilities: string[];
  /** Lifetime, e.g. '8h'. */
  expiresIn?: string;
}

export async function signToken(secret: string, claims: TokenClaims): Promise<string> {
  return new SignJWT({ name: claims.name, roles: claims.roles, facilities: claims.facilities })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(secret));
}

const SECRET_FILE = 'jwt-secret';

export function localSecretFile(dataDir: string): string {
  return path.join(dataDir, SECRET_FILE);
}

/** The secret the server generated in DATA_DIR, or null when it has not (the token CLI creates none). */
export function existingLocalSecret(dataDir: string): string | null {
  try {
    const secret = fs.readFileSync(localSecretFile(dataDir), 'utf8').trim();
    return secret === '' ? null : secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The embedded default: a secret generated on first start and kept (owner-only) in DATA_DIR. */
export function localSecret(dataDir: string): string {
  const file = localSecretFile(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('hex');
  try {
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return fs.readFileSync(file, 'utf8').trim(); // another process created it first
  }
}
