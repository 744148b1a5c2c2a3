/** PRE-01, PRE-02: Doppler segmental pressures before the harvest, and the ABI they give. */
import { computeAbi } from '../../domain/abi';
import type { DopplerEntry } from '../../domain/case-record';
import { expectsTreatment, legName, procedureAnchor } from '../case-facts';
import type { ComplianceConfig } from '../config';
import type { Finding } from '../finding';
import type { CaseRule } from '../rule';
import { DAY_MS, formatDuration, timeOf } from '../time';

const isPressure = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Dorsalis pedis and posterior tibial (the ABI's ankle pressures) and both brachial pressures. */
const hasRequiredPressures = (d: DopplerEntry): boolean =>
  isPressure(d.dorsalisPedisMmHg) && isPressure(d.posteriorTibialMmHg) && isPressure(d.brachialLeftMmHg) && isPressure(d.brachialRightMmHg);

const dopplerWindow = (config: ComplianceConfig): string =>
  `${config.dopplerWindowDays.min}–${config.dopplerWindowDays.max} days before the harvest (inclusive)`;

export const pre01DopplerBeforeHarvest: CaseRule = {
  kind: 'case',
  id: 'PRE-01',
  severity: 'BLOCKING_OR_WARNING',
  title: 'Doppler segmental pressures of each treated leg before the harvest',
  checks:
    'Each treated leg has Doppler pressures of the dorsalis pedis and posterior tibial arteries with both brachial pressures, taken before the harvest. ' +
    'Blocking when absent, incomplete or only after the harvest; warning when none falls in the window. ' +
    'When the harvest was done elsewhere, the concentration (else the first injection) stands in for it. ' +
    'Not expected of a harvest-only case (0265T) that documents no injection: the pressures prepare the injection.',
  window: dopplerWindow,
  reason:
    'The procedure documents the baseline hemodynamics (segmental pressures and brachial pressures for the ABI) ideally about three months ' +
    'before the harvest; they are the reference the follow-up ABI is compared with.',
  check(record, config) {
    const findings: Finding[] = [];
    if (!expectsTreatment(record)) return findings;
    const anchor = procedureAnchor(record);
    for (const leg of record.legs) {
      const ofLeg = record.dopplerAssessments.filter((d) => d.leg === leg);
      const usable = ofLeg.filter(hasRequiredPressures);
      if (usable.length === 0) {
        findings.push({
          rule: 'PRE-01',
          severity: 'BLOCKING',
          message:
            ofLeg.length === 0
              ? `No Doppler segmental pressures are documented for the ${legName(leg)}.`
              : `The Doppler assessment of the ${legName(leg)} lacks the dorsalis pedis, posterior tibial or brachial pressures.`,
          eventIds: ofLeg.map((d) => d.eventId),
        });
        continue;
      }
      if (!anchor || Number.isNaN(anchor.at)) continue;
      const before = usable.filter((d) => timeOf(d.occurredAt) <= anchor.at);
      if (before.length === 0) {
        const first = usable[0] as DopplerEntry;
        findings.push({
          rule: 'PRE-01',
          severity: 'BLOCKING',
          message:
            `The Doppler pressures of the ${legName(leg)} were taken only after ${anchor.name} ` +
            `(${formatDuration(timeOf(first.occurredAt) - anchor.at)} after it); they must be taken before it.`,
          eventIds: [first.eventId, anchor.eventId],
        });
        continue;
      }
      const from = anchor.at - config.dopplerWindowDays.max * DAY_MS;
      const to = anchor.at - config.dopplerWindowDays.min * DAY_MS;
      if (before.some((d) => timeOf(d.occurredAt) >= from && timeOf(d.occurredAt) <= to)) continue;
      const latest = before[before.length - 1] as DopplerEntry;
      findings.push({
        rule: 'PRE-01',
        severity: 'WARNING',
        message:
          `The last Doppler pressures of the ${legName(leg)} before ${anchor.name} were taken ` +
          `${formatDuration(anchor.at - timeOf(latest.occurredAt))} before it; expected ${dopplerWindow(config)}.`,
        eventIds: [latest.eventId, anchor.eventId],
      });
    }
    return findings;
  },
};

export const pre02AbiAgreesWithPressures: CaseRule = {
  kind: 'case',
  id: 'PRE-02',
  severity: 'WARNING',
  title: 'Documented ABI agrees with the documented pressures',
  checks:
    'For every Doppler assessment, the documented ankle-brachial index equals the higher ankle pressure (dorsalis pedis / posterior tibial) ' +
    'over the higher brachial pressure, two decimals, within the tolerance; recomputed from the pressures as amended.',
  window: (config) => `— (tolerance ±${config.abiAgreementTolerance.toFixed(2)})`,
  reason:
    'ALCOA+ (accurate, consistent): a documented ABI that its own pressures contradict is a transcription or calculation error, ' +
    'and the ABI is the outcome measure of the follow-up.',
  check(record, config) {
    const findings: Finding[] = [];
    for (const d of record.dopplerAssessments) {
      if (!hasRequiredPressures(d)) continue;
      const where = `the Doppler assessment of the ${legName(d.leg)}`;
      if (Math.max(d.brachialLeftMmHg, d.brachialRightMmHg) <= 0) {
        findings.push({
          rule: 'PRE-02',
          severity: 'WARNING',
          message: `The ABI of ${where} cannot be checked: both brachial pressures are 0 mmHg.`,
          eventIds: [d.eventId],
        });
        continue;
      }
      const computed = computeAbi(d);
      if (typeof d.abi !== 'number' || !Number.isFinite(d.abi)) {
        findings.push({
          rule: 'PRE-02',
          severity: 'WARNING',
          message: `No ABI is documented with ${where} (its pressures give ${computed.toFixed(2)}).`,
          eventIds: [d.eventId],
        });
        continue;
      }
      // a small epsilon: 0.38 − 0.36 is 0.0200000000000000018 in floating point
      if (Math.abs(d.abi - computed) <= config.abiAgreementTolerance + 1e-9) continue;
      findings.push({
        rule: 'PRE-02',
        severity: 'WARNING',
        message:
          `The ABI documented with ${where} (${d.abi.toFixed(2)}) differs from the ABI its pressures give (${computed.toFixed(2)}) ` +
          `by more than ${config.abiAgreementTolerance.toFixed(2)}.`,
        eventIds: [d.eventId],
      });
    }
    return findings;
  },
};
