/** INJ-01, INJ-02, INJ-03: the intramuscular injections into each treated leg. */
import type { InjectionEntry } from '../../domain/case-record';
import { MIN_INJECTIONS, expectsTreatment, injectionCount, injectionsInto, legName } from '../case-facts';
import type { Finding } from '../finding';
import type { CaseRule } from '../rule';
import { timeOf } from '../time';
import { inWords } from './words';

const isIntramuscular = (i: InjectionEntry): boolean => i.route === 'INTRAMUSCULAR';

export const inj01IntramuscularInjections: CaseRule = {
  kind: 'case',
  id: 'INJ-01',
  severity: 'BLOCKING',
  title: `Multiple (≥ ${MIN_INJECTIONS}) intramuscular injections into each treated leg`,
  checks:
    `Each treated leg received intramuscular injections whose documented counts add up to at least ${MIN_INJECTIONS}; ` +
    'no injection has another route, and none goes into a leg the case does not treat. Blocking otherwise. ' +
    'Not expected of a harvest-only case (0265T) that documents no injection.',
  window: () => '—',
  reason:
    'The CPT 0263T/0264T descriptors read "intramuscular autologous bone marrow cell therapy … multiple injections, one leg": ' +
    'fewer than two injections, or another route, is not the coded procedure.',
  check(record) {
    const findings: Finding[] = [];
    if (!expectsTreatment(record)) return findings;
    const blocking = (message: string, eventIds: string[]): void =>
      void findings.push({ rule: 'INJ-01', severity: 'BLOCKING', message, eventIds });
    for (const leg of record.legs) {
      const ofLeg = injectionsInto(record, leg);
      const other = ofLeg.filter((i) => !isIntramuscular(i));
      if (other.length > 0) {
        const routes = [...new Set(other.map((i) => (i.route ? inWords(i.route) : 'undocumented')))].join(', ');
        blocking(
          `Injections into the ${legName(leg)} are documented with a route other than intramuscular (${routes}).`,
          other.map((i) => i.eventId),
        );
      }
      const im = ofLeg.filter(isIntramuscular);
      const count = injectionCount(im);
      if (im.length === 0) blocking(`No intramuscular injection into the ${legName(leg)} is documented.`, []);
      else if (count < MIN_INJECTIONS) {
        blocking(
          `Only ${count} intramuscular injection${count === 1 ? ' is' : 's are'} documented for the ${legName(leg)}; ` +
            `the procedure requires multiple injections (at least ${MIN_INJECTIONS}).`,
          im.map((i) => i.eventId),
        );
      }
    }
    for (const i of record.injections.filter((e) => !record.legs.includes(e.leg))) {
      blocking(`An injection is documented into the ${legName(i.leg)}, which the case does not treat.`, [i.eventId]);
    }
    return findings;
  },
};

/** Site names match ignoring case, spacing and punctuation ("Popliteal-artery" = "popliteal artery"). */
const siteKey = (site: string): string =>
  site
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export const inj02TargetsAngiographicSites: CaseRule = {
  kind: 'case',
  id: 'INJ-02',
  severity: 'WARNING',
  title: 'Injection targets are the angiographic stenosis/occlusion sites',
  checks:
    'Every injection into a treated leg names its target sites, and each target is a stenosis or occlusion segment found by an angiography ' +
    'of that leg done before the injection (names compared ignoring case, spacing and punctuation). Warning otherwise.',
  window: () => '—',
  reason:
    'The concentrate is injected at the stenotic or occlusive sites that the angiography located; naming them links the injection to the ' +
    'documented indication (ALCOA+: complete, consistent).',
  check(record) {
    const findings: Finding[] = [];
    // Each angiography's site keys once: a long case has hundreds of injections and angiographies with long
    // target and finding lists, and normalising every name again per injection made this rule quadratic in names.
    const siteKeys = new Map(record.angiographies.map((a) => [a, new Set(a.findings.map((f) => siteKey(f.segment)))]));
    for (const injection of record.injections.filter((i) => record.legs.includes(i.leg))) {
      const where = `the injection into the ${legName(injection.leg)}`;
      const targets = Array.isArray(injection.targetSegments)
        ? injection.targetSegments.filter((t) => typeof t === 'string' && t.trim() !== '')
        : [];
      if (targets.length === 0) {
        findings.push({
          rule: 'INJ-02',
          severity: 'WARNING',
          message: `The target sites of ${where} are not documented.`,
          eventIds: [injection.eventId],
        });
        continue;
      }
      const angiographies = record.angiographies.filter(
        (a) => a.leg === injection.leg && timeOf(a.occurredAt) <= timeOf(injection.occurredAt),
      );
      const unlocated = targets.filter((t) => {
        const key = siteKey(t);
        return !angiographies.some((a) => siteKeys.get(a)?.has(key));
      });
      if (unlocated.length === 0) continue;
      findings.push({
        rule: 'INJ-02',
        severity: 'WARNING',
        message:
          angiographies.length === 0
            ? `No angiography of the ${legName(injection.leg)} before ${where} locates its target sites.`
            : `Target sites of ${where} not found as stenosis or occlusion by the angiography of that leg: ${unlocated.map((t) => `"${t}"`).join(', ')}.`,
        eventIds: [injection.eventId, ...angiographies.map((a) => a.eventId)],
      });
    }
    return findings;
  },
};

export const inj03UltrasoundGuidance: CaseRule = {
  kind: 'case',
  id: 'INJ-03',
  severity: 'WARNING',
  title: 'Ultrasound guidance documented (yes or no)',
  checks: 'Every injection into a treated leg states whether ultrasound guidance was used. Warning when it does not.',
  window: () => '—',
  reason:
    'The CPT descriptors include ultrasound guidance "if performed": it is bundled and never billed separately, but the record must say ' +
    'whether it was used.',
  check(record) {
    return record.injections
      .filter((i) => record.legs.includes(i.leg) && typeof i.ultrasoundGuided !== 'boolean')
      .map((i) => ({
        rule: 'INJ-03' as const,
        severity: 'WARNING' as const,
        message: `Whether ultrasound guidance was used is not documented for the injection into the ${legName(i.leg)}.`,
        eventIds: [i.eventId],
      }));
  },
};
