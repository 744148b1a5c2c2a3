/** Ankle-brachial index: the higher ankle pressure (dorsalis pedis / posterior tibial) over the higher brachial pressure, two decimals. */
export function computeAbi(p: {
  dorsalisPedisMmHg: number;
  posteriorTibialMmHg: number;
  brachialLeftMmHg: number;
  brachialRightMmHg: number;
}): number {
  const brachial = Math.max(p.brachialLeftMmHg, p.brachialRightMmHg);
  if (brachial <= 0) return 0;
  const ankle = Math.max(p.dorsalisPedisMmHg, p.posteriorTibialMmHg);
  return Math.round((ankle / brachial) * 100) / 100;
}

export type AbiBand = 'NON_COMPRESSIBLE' | 'NORMAL' | 'BORDERLINE' | 'ABNORMAL';

/** Bands of shared/domain.md: ≤0.90 abnormal, 0.91–0.99 borderline, 1.00–1.40 normal, >1.40 non-compressible. */
export function abiBand(abi: number): AbiBand {
  if (abi > 1.4) return 'NON_COMPRESSIBLE';
  if (abi >= 1.0) return 'NORMAL';
  if (abi > 0.9) return 'BORDERLINE';
  return 'ABNORMAL';
}
