import { DEFAULT_COMPLIANCE_CONFIG, InvalidComplianceConfigError, complianceConfigFrom } from '../../../src/compliance/config';

const problemsOf = (input: Parameters<typeof complianceConfigFrom>[0]): readonly string[] => {
  try {
    complianceConfigFrom(input);
  } catch (error) {
    if (error instanceof InvalidComplianceConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('compliance configuration', () => {
  it('defaults to the windows and thresholds of the domain', () => {
    expect(DEFAULT_COMPLIANCE_CONFIG).toEqual({
      dopplerWindowDays: { min: 60, max: 120 },
      angiographyWindowHours: 24,
      facilityTimeZones: {},
      defaultTimeZone: 'UTC',
      harvestSites: ['ANTERIOR_SUPERIOR_ILIAC_SPINE'],
      abiAgreementTolerance: 0.02,
      severeAbiThreshold: 0.4,
      followUpWindows: [
        { label: '1 month', afterDays: 30, toleranceDays: 14 },
        { label: '3 months', afterDays: 91, toleranceDays: 30 },
        { label: '6 months', afterDays: 182, toleranceDays: 30 },
        { label: '12 months', afterDays: 365, toleranceDays: 30 },
      ],
    });
  });

  it('merges overrides, including half of the Doppler window', () => {
    const config = complianceConfigFrom({ severeAbiThreshold: 0.5, dopplerWindowDays: { max: 150 } });
    expect(config.severeAbiThreshold).toBe(0.5);
    expect(config.dopplerWindowDays).toEqual({ min: 60, max: 150 });
    expect(config.followUpWindows).toEqual(DEFAULT_COMPLIANCE_CONFIG.followUpWindows);
  });

  it('returns a frozen configuration that does not share the caller’s arrays', () => {
    const windows = [{ label: '6 weeks', afterDays: 42, toleranceDays: 7 }];
    const config = complianceConfigFrom({ followUpWindows: windows });
    windows[0]!.afterDays = 1;
    expect(config.followUpWindows[0]?.afterDays).toBe(42);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.followUpWindows[0])).toBe(true);
  });

  it('lists every problem of an invalid configuration with its path', () => {
    expect(
      problemsOf({
        dopplerWindowDays: { min: 130 },
        abiAgreementTolerance: -0.1,
        harvestSites: [],
        angiographyWindowHours: Number.NaN,
      }),
    ).toEqual([
      'dopplerWindowDays: min must not exceed max',
      'angiographyWindowHours: must be a number from 0 to 8760',
      'abiAgreementTolerance: must be a number from 0 to 2',
      'harvestSites: must be a non-empty list of ANTERIOR_SUPERIOR_ILIAC_SPINE, POSTERIOR_ILIAC_CREST',
    ]);
  });

  it('rejects follow-up windows that open before the injection or overlap', () => {
    expect(
      problemsOf({
        followUpWindows: [
          { label: 'early', afterDays: 10, toleranceDays: 10 },
          { label: 'overlapping', afterDays: 25, toleranceDays: 10 },
          { label: 'overlapping', afterDays: 100, toleranceDays: 10 },
        ],
      }),
    ).toEqual([
      'followUpWindows[0]: the window must open after the injection (afterDays > toleranceDays)',
      'followUpWindows[1]: overlaps or precedes the previous window',
      'followUpWindows[2].label: "overlapping" is used twice',
    ]);
  });

  it('rejects an unknown setting rather than ignoring it', () => {
    expect(problemsOf({ dopplerWindow: 90 } as never)).toEqual(['dopplerWindow: unknown setting']);
  });

  it('rejects a harvest site outside the vocabulary', () => {
    expect(problemsOf({ harvestSites: ['STERNUM' as never] })).toHaveLength(1);
  });

  it('takes time zones per facility and rejects names that are not IANA time zones', () => {
    const config = complianceConfigFrom({ facilityTimeZones: { F1: 'Europe/Berlin' } });
    expect(config.facilityTimeZones).toEqual({ F1: 'Europe/Berlin' });
    expect(Object.isFrozen(config.facilityTimeZones)).toBe(true);
    expect(problemsOf({ facilityTimeZones: { F1: 'Europe/Atlantis' }, defaultTimeZone: 'CEST+1' })).toEqual([
      'facilityTimeZones.F1: not an IANA time zone name',
      'defaultTimeZone: not an IANA time zone name',
    ]);
  });
});
