import { createHash } from 'node:crypto';
import { leafHash, merkleTree, verifyInclusion } from '../../../src/audit/merkle';

const heads = (n: number) => Array.from({ length: n }, (_, i) => ({ stream: `case-${i}`, revision: i, hash: `h${i}` }));

/** RFC 9162's MTH written out as the RFC states it, to compare with the one-pass tree. */
function mth(leaves: Buffer[]): string {
  const h = (...parts: Buffer[]) => parts.reduce((hash, p) => hash.update(p), createHash('sha256')).digest();
  const rec = (d: Buffer[]): Buffer => {
    if (d.length === 1) return d[0]!;
    let k = 1;
    while (k * 2 < d.length) k *= 2;
    return h(Buffer.from([1]), rec(d.slice(0, k)), rec(d.slice(k)));
  };
  return (leaves.length === 0 ? h() : rec(leaves)).toString('hex');
}

describe('the checkpoint Merkle tree', () => {
  it('has the RFC 9162 root, and proves every leaf at its index for trees of 1 to 33 leaves', () => {
    for (let n = 1; n <= 33; n++) {
      const leaves = heads(n).map(leafHash);
      const all = Array.from({ length: n }, (_, i) => i);
      const { root, proofs } = merkleTree(leaves, all);
      expect(root).toBe(mth(leaves));
      for (const i of all) {
        const proof = proofs.get(i)!;
        expect(verifyInclusion(leaves[i]!, proof, root)).toBe(true);
        // another leaf, another index or another root does not pass
        expect(verifyInclusion(leafHash({ stream: `case-${i}`, revision: i, hash: 'forged' }), proof, root)).toBe(false);
        if (n > 1) expect(verifyInclusion(leaves[i]!, { ...proof, index: (i + 1) % n }, root)).toBe(false);
        expect(verifyInclusion(leaves[i]!, proof, mth(heads(n + 1).map(leafHash)))).toBe(false);
      }
    }
  });
});
