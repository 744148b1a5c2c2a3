/**
 * Thresholds and windows of the compliance audit. Everything that sources disagree on, or that a
 * facility's compliance programme may set differently, lives here rather than in the rules.
 */
import { HARVEST_SITES, type HarvestSite } from '../domain/values';

/** A follow-up visit expected `afterDays` after the first injection into a leg, ± `toleranceDays`. */
export interface FollowUpWindow {
  /** How the window is named in findings and documents, e.g. '3 months'. */
  label: string;
  afterDays: number;
  toleranceDays: number;
}

export interface ComplianceConfig {
  /** PRE-01: Doppler pressures are expected this many days before the harvest (inclusive). */
  dopplerWindowDays: { min: number; max: number };
  /** PRE-03: angiography is expected at most this many hours before the harvest (inclusive). */
  angiographyWindowHours: number;
  /**
   * PRP-02: harvest, concentration and every injection fall on the same calendar day in the time zone
   * of the facility where the procedure took place: IANA names by facility id (FACILITY_TIME_ZONES).
   */
  facilityTimeZones: Readonly<Record<string, string>>;
  /** The time zone of a facility not in `facilityTimeZones`. */
  defaultTimeZone: string;
  /** HAR-01: harvest sites that satisfy the rule. */
  harvestSites: readonly HarvestSite[];
  /** PRE-02: largest accepted difference between the documented ABI and the ABI the pressures give. */
  abiAgreementTolerance: number;
  /**
   * ABI below this is "severe" ischaemia (0.40 in most guidelines, 0.50 in some). No audit rule uses it;
   * it is here so the whole application configures the threshold in one place.
   */
  severeAbiThreshold: number;
  /** POST-01..03: follow-up windows, in order. */
  followUpWindows: readonly FollowUpWindow[];
}

/**
 * Defaults from shared/domain.md. Follow-up tolerances: ±14 days at 1 month keeps the visit at least
 * 16 days after the procedure, so the immediate post-procedure check cannot count as the 1-month visit;
 * ±30 days at 3, 6 and 12 months is the usual visit window of the cell-therapy trials, scheduling
 * allows a month either way, and the windows still never overlap (16–44, 61–121, 152–212, 335–395 days).
 */
export const DEFAULT_COMPLIANCE_CONFIG: ComplianceConfig = Object.freeze({
  dopplerWindowDays: Object.freeze({ min: 60, max: 120 }),
  angiographyWindowHours: 24,
  facilityTimeZones: Object.freeze({}),
  defaultTimeZone: 'UTC',
  harvestSites: Object.freeze(['ANTERIOR_SUPERIOR_ILIAC_SPINE'] as HarvestSite[]),
  abiAgreementTolerance: 0.02,
  severeAbiThreshold: 0.4,
  followUpWindows: Object.freeze([
    Object.freeze({ label: '1 month', afterDays: 30, toleranceDays: 14 }),
    Object.freeze({ label: '3 months', afterDays: 91, toleranceDays: 30 }),
    Object.freeze({ label: '6 months', afterDays: 182, toleranceDays: 30 }),
    Object.freeze({ label: '12 months', afterDays: 365, toleranceDays: 30 }),
  ]),
});

/** What a caller may override; `dopplerWindowDays` may be given in part, `followUpWindows` replaces the list. */
export type ComplianceConfigInput = Partial<Omit<ComplianceConfig, 'dopplerWindowDays'>> & {
  dopplerWindowDays?: Partial<ComplianceConfig['dopplerWindowDays']>;
};

export class InvalidComplianceConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid compliance configuration: ${problems.join('; ')}`);
    this.name = 'InvalidComplianceConfigError';
  }
}

const KNOWN_KEYS: readonly string[] = Object.keys(DEFAULT_COMPLIANCE_CONFIG);

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** An IANA time zone name the runtime knows (Intl refuses the others). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The time zone the procedure's "same day" is judged in: the facility's, else the default. */
export const timeZoneOf = (config: ComplianceConfig, facilityId: string): string =>
  Object.hasOwn(config.facilityTimeZones, facilityId) ? (config.facilityTimeZones[facilityId] as string) : config.defaultTimeZone;

function checkRange(problems: string[], path: string, value: unknown, min: number, max: number): void {
  if (!isNumber(value) || value < min || value > max) problems.push(`${path}: must be a number from ${min} to ${max}`);
}

function validate(config: ComplianceConfig): string[] {
  const problems: string[] = [];
  const { min, max } = config.dopplerWindowDays;
  checkRange(problems, 'dopplerWindowDays.min', min, 0, 3650);
  checkRange(problems, 'dopplerWindowDays.max', max, 0, 3650);
  if (isNumber(min) && isNumber(max) && min > max) problems.push('dopplerWindowDays: min must not exceed max');
  checkRange(problems, 'angiographyWindowHours', config.angiographyWindowHours, 0, 24 * 365);
  const zones: unknown = config.facilityTimeZones;
  if (typeof zones !== 'object' || zones === null || Array.isArray(zones))
    problems.push('facilityTimeZones: must map facility ids to time zones');
  else {
    for (const [facility, zone] of Object.entries(zones)) {
      if (!isTimeZone(zone)) problems.push(`facilityTimeZones.${facility}: not an IANA time zone name`);
    }
  }
  if (!isTimeZone(config.defaultTimeZone)) problems.push('defaultTimeZone: not an IANA time zone name');
  checkRange(problems, 'abiAgreementTolerance', config.abiAgreementTolerance, 0, 2);
  checkRange(problems, 'severeAbiThreshold', config.severeAbiThreshold, 0, 2);
  const sites: unknown = config.harvestSites;
  if (!Array.isArray(sites) || sites.length === 0 || sites.some((s) => !(HARVEST_SITES as readonly unknown[]).includes(s))) {
    problems.push(`harvestSites: must be a non-empty list of ${HARVEST_SITES.join(', ')}`);
  }
  const windows: unknown = config.followUpWindows;
  if (!Array.isArray(windows)) {
    problems.push('followUpWindows: must be a list');
    return problems;
  }
  const labels = new Set<string>();
  let previousEnd = -Infinity;
  (windows as unknown[]).forEach((raw, i) => {
    const w = raw as Partial<FollowUpWindow> | null;
    const path = `followUpWindows[${i}]`;
    if (typeof w?.label !== 'string' || w.label.trim() === '') problems.push(`${path}.label: must be a non-empty text`);
    else if (labels.has(w.label)) problems.push(`${path}.label: "${w.label}" is used twice`);
    else labels.add(w.label);
    checkRange(problems, `${path}.afterDays`, w?.afterDays, 1, 3650);
    checkRange(problems, `${path}.toleranceDays`, w?.toleranceDays, 0, 3650);
    if (!isNumber(w?.afterDays) || !isNumber(w?.toleranceDays)) return;
    const start = w.afterDays - w.toleranceDays;
    if (start <= 0) problems.push(`${path}: the window must open after the injection (afterDays > toleranceDays)`);
    // one visit must not satisfy two windows, or a single follow-up would hide a missed one
    if (start <= previousEnd) problems.push(`${path}: overlaps or precedes the previous window`);
    previousEnd = w.afterDays + w.toleranceDays;
  });
  return problems;
}

/**
 * Merges overrides into a base configuration (the defaults unless given) and validates the result.
 * Throws InvalidComplianceConfigError listing every problem, including unknown keys (a misspelt
 * setting would otherwise be ignored silently). Returns a frozen configuration.
 */
export function complianceConfigFrom(partial: ComplianceConfigInput, base: ComplianceConfig = DEFAULT_COMPLIANCE_CONFIG): ComplianceConfig {
  const unknownKeys = Object.keys(partial).filter((key) => !KNOWN_KEYS.includes(key));
  const merged: ComplianceConfig = {
    dopplerWindowDays: { ...base.dopplerWindowDays, ...definedOnly(partial.dopplerWindowDays ?? {}) },
    angiographyWindowHours: partial.angiographyWindowHours ?? base.angiographyWindowHours,
    facilityTimeZones: partial.facilityTimeZones ? { ...partial.facilityTimeZones } : base.facilityTimeZones,
    defaultTimeZone: partial.defaultTimeZone ?? base.defaultTimeZone,
    harvestSites: partial.harvestSites ? [...partial.harvestSites] : base.harvestSites,
    abiAgreementTolerance: partial.abiAgreementTolerance ?? base.abiAgreementTolerance,
    severeAbiThreshold: partial.severeAbiThreshold ?? base.severeAbiThreshold,
    followUpWindows: partial.followUpWindows ? partial.followUpWindows.map((w) => ({ ...w })) : base.followUpWindows,
  };
  const problems = [...unknownKeys.map((key) => `${key}: unknown setting`), ...validate(merged)];
  if (problems.length > 0) throw new InvalidComplianceConfigError(problems);
  return Object.freeze({
    ...merged,
    dopplerWindowDays: Object.freeze(merged.dopplerWindowDays),
    harvestSites: Object.freeze([...merged.harvestSites]),
    facilityTimeZones: Object.freeze({ ...merged.facilityTimeZones }),
    followUpWindows: Object.freeze(merged.followUpWindows.map((w) => Object.freeze({ ...w }))),
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
