/**
 * The server's Ed25519 key for signing exports and integrity checkpoints, and the public keys
 * auditors verify them with. Signatures are compact JWS (jose): header `{alg: 'EdDSA', kid}`, the
 * key id being the public key's RFC 7638 thumbprint, so a verifier can hold several keys (rotation)
 * and pick the right one, and a public key carries its id wherever it is kept (PEM or JWK).
 */
import { createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  calculateJwkThumbprint,
  CompactSign,
  compactVerify,
  decodeProtectedHeader,
  exportJWK,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  importJWK,
  importPKCS8,
  importSPKI,
  type CryptoKey,
  type JWK,
} from 'jose';
import { canonicalJson } from '../eventstore/envelope';

export const SIGNING_ALG = 'EdDSA';
/** Where the embedded default keeps its generated key. */
export const LOCAL_KEY_FILE = 'export-signing-key.pem';

export interface PublicKey {
  keyId: string;
  key: CryptoKey | KeyObject;
}

export interface SigningKey extends PublicKey {
  privateKey: CryptoKey;
  /** The public key as a JWK with its id, algorithm and use (what GET /keys/export lists). */
  publicJwk: JWK;
  /** The public key as an SPKI PEM (what `export --public-key` prints). */
  publicPem: string;
}

export interface SigningKeySource {
  /** A PKCS#8 PEM file (EXPORT_SIGNING_KEY_FILE); without it, generated once in `dataDir`. */
  keyFile: string | null;
  dataDir: string;
}

async function publicJwkOf(key: CryptoKey | KeyObject): Promise<{ jwk: JWK; keyId: string }> {
  const { kty, crv, x } = await exportJWK(key);
  const keyId = await calculateJwkThumbprint({ kty, crv, x });
  return { jwk: { kty, crv, x, kid: keyId, alg: SIGNING_ALG, use: 'sig' }, keyId };
}

/**
 * The key in `dataDir`, created on first use owner-only (0600). Another process starting at the same
 * time may create it too: each writes a complete file under its own name and links it into place,
 * which fails for all but the first, so nobody ever reads a half-written key.
 */
async function localKeyPem(dataDir: string): Promise<string> {
  const file = path.join(dataDir, LOCAL_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const temp = `${file}.${randomUUID()}.tmp`;
  fs.writeFileSync(temp, await exportPKCS8(privateKey), { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process linked its key first
  } finally {
    fs.unlinkSync(temp);
  }
  return fs.readFileSync(file, 'utf8');
}

export async function loadSigningKey(source: SigningKeySource): Promise<SigningKey> {
  const pem = source.keyFile ? fs.readFileSync(source.keyFile, 'utf8') : await localKeyPem(source.dataDir);
  let privateKey: CryptoKey;
  try {
    privateKey = await importPKCS8(pem, SIGNING_ALG, { extractable: true });
  } catch {
    // never echo the key's content
    throw new Error(`${source.keyFile ?? LOCAL_KEY_FILE} is not an Ed25519 private key in PKCS#8 PEM`);
  }
  const publicKey = createPublicKey(pem);
  const { jwk, keyId } = await publicJwkOf(publicKey);
  return { privateKey, key: publicKey, keyId, publicJwk: jwk, publicPem: await exportSPKI(publicKey) };
}

/**
 * Public keys from a file an auditor keeps: an SPKI PEM (`export --public-key`), a JWK, or a JWK set
 * (`GET /keys/export`). Each key's id is recomputed from the key itself, never taken from the file.
 */
export async function readPublicKeys(text: string): Promise<PublicKey[]> {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) {
    const key = await importSPKI(trimmed, SIGNING_ALG, { extractable: true });
    return [{ key, keyId: (await publicJwkOf(key)).keyId }];
  }
  const parsed = JSON.parse(trimmed) as { keys?: unknown };
  const jwks = (Array.isArray(parsed.keys) ? parsed.keys : [parsed]) as JWK[];
  const keys: PublicKey[] = [];
  for (const { kty, crv, x } of jwks) {
    if (kty !== 'OKP' || crv !== 'Ed25519' || typeof x !== 'string') continue;
    const key = (await importJWK({ kty, crv, x }, SIGNING_ALG)) as CryptoKey;
    keys.push({ key, keyId: await calculateJwkThumbprint({ kty, crv, x }) });
  }
  if (keys.length === 0) throw new Error('no Ed25519 public key in the file');
  return keys;
}

/** A compact JWS over the canonical JSON of `payload`. */
export async function signPayload(key: SigningKey, payload: object): Promise<string> {
  return new CompactSign(new TextEncoder().encode(canonicalJson(payload)))
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.keyId })
    .sign(key.privateKey);
}

export type SignatureCheck = { valid: true; keyId: string; payload: unknown } | { valid: false; keyId: string | null; reason: string };

/** Checks a compact JWS against the keys given; the reason says what failed, never what was signed. */
export async function verifyPayload(jws: string, keys: readonly PublicKey[]): Promise<SignatureCheck> {
  let keyId: string | null = null;
  try {
    const header = decodeProtectedHeader(jws);
    keyId = typeof header.kid === 'string' ? header.kid : null;
    if (header.alg !== SIGNING_ALG)
      return { valid: false, keyId, reason: `signature algorithm ${String(header.alg)} is not ${SIGNING_ALG}` };
  } catch {
    return { valid: false, keyId, reason: 'the signature is not a compact JWS' };
  }
  const key = keys.find((k) => k.keyId === keyId);
  if (!key) return { valid: false, keyId, reason: `signed with key ${keyId ?? '(no key id)'}, not with the key given` };
  try {
    const { payload } = await compactVerify(jws, key.key, { algorithms: [SIGNING_ALG] });
    return { valid: true, keyId: key.keyId, payload: JSON.parse(new TextDecoder().decode(payload)) as unknown };
  } catch {
    return { valid: false, keyId, reason: 'the signature does not match (the signed content was changed, or another key signed it)' };
  }
}
