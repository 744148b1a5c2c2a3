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
