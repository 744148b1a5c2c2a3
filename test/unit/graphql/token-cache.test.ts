/** Accepted tokens are remembered until they expire or grow too old; refused ones are checked every time. */
import { cachedTokenVerifier, type VerifiedToken } from '../../../src/graphql/auth/token-cache';

const user = { id: 'dr-1', name: 'Dr One', roles: ['CLINICIAN' as const], facilities: ['F1'] };

function setup(expiresAt: number, options: { maxEntries?: number; maxAgeMs?: number } = {}) {
  let now = 1_000_000;
  const checked: string[] = [];
  const verify = cachedTokenVerifier(
    async (token): Promise<VerifiedToken> => {
      checked.push(token);
      if (token.startsWith('bad') || now >= expiresAt) throw new Error('refused');
      return { user, expiresAt };
    },
    { ...options, now: () => now },
  );
  return { verify, checked, advance: (ms: number) => (now += ms) };
}

describe('cached token verification', () => {
  it('checks an accepted token once, then answers from memory', async () => {
    const { verify, checked } = setup(1_000_000 + 3_600_000);
    expect(await verify('t1')).toEqual(user);
    expect(await verify('t1')).toEqual(user);
    expect(checked).toEqual(['t1']);
  });

  it('stops accepting a remembered token at its expiry', async () => {
    const { verify, checked, advance } = setup(1_000_000 + 30_000);
    await verify('t1');
    advance(29_999);
    await verify('t1');
    advance(1);
    await expect(verify('t1')).rejects.toThrow('refused');
    expect(checked).toEqual(['t1', 't1']);
  });

  it('checks a token again once it has been remembered for maxAgeMs (a withdrawn key stops working)', async () => {
    const { verify, checked, advance } = setup(1_000_000 + 3_600_000, { maxAgeMs: 60_000 });
    await verify('t1');
    advance(60_000);
    await verify('t1');
    expect(checked).toEqual(['t1', 't1']);
  });

  it('never remembers a refused token', async () => {
    const { verify, checked } = setup(1_000_000 + 3_600_000);
    await expect(verify('bad')).rejects.toThrow('refused');
    await expect(verify('bad')).rejects.toThrow('refused');
    expect(checked).toEqual(['bad', 'bad']);
  });

  it('forgets the oldest token beyond maxEntries', async () => {
    const { verify, checked } = setup(1_000_000 + 3_600_000, { maxEntries: 2 });
    await verify('t1');
    await verify('t2');
    await verify('t3');
    await verify('t3');
    await verify('t1');
    expect(checked).toEqual(['t1', 't2', 't3', 't1']);
  });
});
