/** Bearer tokens: what is accepted and what is refused, with a shared secret and with a JWKS endpoint. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createTokenVerifier, signToken } from '../../../src/graphql/auth/tokens';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const key = new TextEncoder().encode(SECRET);
const claims = { name: 'Dr One', roles: ['CLINICIAN'], facilities: ['F1'] };

const hs256 = (build: (jwt: SignJWT) => SignJWT) =>
  build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('dr-1')).sign(key);

describe('token verification', () => {
  const verify = createTokenVerifier({ secret: SECRET });

  it('accepts a token of this secret with subject, roles, facilities, issuer, audience and expiry', async () => {
    const token = await signToken(SECRET, { sub: 'dr-1', ...claims, roles: ['CLINICIAN'] });
    expect(await verify(token)).toEqual({
      id: 'dr-1',
      name: 'Dr One',
      roles: ['CLINICIAN'],
      facilities: ['F1'],
      expiresAt: expect.any(Number),
    });
  });

  it.each([
    ['no expiry', (j: SignJWT) => j.setIssuer('celltrail').setAudience('celltrail')],
    ['another audience', (j: SignJWT) => j.setIssuer('celltrail').setAudience('other').setExpirationTime('1h')],
    ['another issuer', (j: SignJWT) => j.setIssuer('other').setAudience('celltrail').setExpirationTime('1h')],
    [
      'an expired one',
      (j: SignJWT) =>
        j
          .setIssuer('celltrail')
          .setAudience('celltrail')
          .setExpirationTime(Math.floor(Date.now() / 1000) - 60),
    ],
  ])('refuses %s', async (_what, build) => {
    await expect(verify(await hs256(build))).rejects.toThrow();
  });

  it('refuses unknown roles and missing facilities', async () => {
    const base = (extra: object) =>
      new SignJWT({ name: 'x', ...extra })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setIssuer('celltrail')
        .setAudience('celltrail')
        .setExpirationTime('1h')
        .sign(key);
    await expect(verify(await base({ roles: ['SUPERUSER'], facilities: ['F1'] }))).rejects.toThrow('roles');
    await expect(verify(await base({ roles: ['CLINICIAN'] }))).rejects.toThrow('facilities');
  });

  it('verifies RS256 tokens against a JWKS endpoint', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server = http.createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const viaJwks = createTokenVerifier({ jwksUrl: `http://127.0.0.1:${port}/jwks.json` });
      const token = await new SignJWT({ ...claims, roles: ['AUDITOR'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('aud-1')
        .setIssuer('celltrail')
        .setAudience('celltrail')
        .setExpirationTime('1h')
        .sign(privateKey);
      expect(await viaJwks(token)).toMatchObject({ id: 'aud-1', roles: ['AUDITOR'] });
      await expect(viaJwks(await signToken(SECRET, { sub: 'x', ...claims, roles: ['CLINICIAN'] }))).rejects.toThrow();
    } finally {
      server.close();
    }
  });
});
