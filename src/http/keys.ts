/**
 * GET /keys/export: the public key(s) exports and integrity checkpoints are signed with, as a JWK set
 * (RFC 7517; each key's `kid` is its RFC 7638 thumbprint, the id a signature names). Public by nature:
 * auditors fetch it once and keep it outside the system, then verify offline with `--key <file>`.
 */
import type express from 'express';
import { loadSigningKey, type SigningKey } from '../audit/signing-key';
import type { Config } from '../config';

export function exportKeysHandler(config: Config): express.RequestHandler {
  let key: Promise<SigningKey> | null = null;
  return (_req, res, next) => {
    key ??= loadSigningKey({ keyFile: config.exportSigningKeyFile, dataDir: config.dataDir });
    key.then(
      (k) => res.type('application/jwk-set+json').json({ keys: [k.publicJwk] }),
      (error: unknown) => {
        key = null;
        next(error);
      },
    );
  };
}
