/**
 * What a FHIR export costs the server against `caseAsOf` (the cost limit's yardstick, COSTS.caseAsOf):
 * both fold the same large case in process, the export once more per amendment (the versions it replaced).
 * The case: one leg, `--entries` Doppler, injection and outcome entries in turn, every tenth Doppler amended.
 *
 *   node dist/bench/fhir-bundle.js [--entries 390] [--rounds 20]
 */
import { performance } from 'node:perf_hooks';
import { caseAsOf } from '../src/audit/case-as-of';
import { DEFAULT_COMPLIANCE_CONFIG } from '../src/compliance';
import type { CaseRecordEvent } from '../src/domain/case-record';
import { SCHEMA_VERSION } from '../src/domain/events';
import type { RecordedEvent } from '../src/eventstore/port';
import { caseFhirBundle } from '../src/fhir/bundle';
import { EXAMPLE_PATIENT, exampleCaseEvents } from '../scripts/fhir-example-bundle';
import { integerOption, readArgs } from './support/args';
import { percentile, printJson, progress, round, runMain } from './support/output';

function largeCase(entries: number): CaseRecordEvent[] {
  const [opened, doppler, angiography, harvest, concentration, injection, , , outcome] = exampleCaseEvents();
  const events: CaseRecordEvent[] = [opened!, angiography!, harvest!, concentration!];
  const base = Date.parse(harvest!.metadata.occurredAt);
  const at = (i: number) => new Date(base + i * 3_600_000).toISOString();
  const templates = [doppler!, injection!, outcome!];
  for (let i = 0; i < entries; i++) {
    const template = templates[i % 3]!;
    const id = `bench-${i}`;
    events.push({ ...template, id, revision: events.length, metadata: { ...template.metadata, occurredAt: at(i), recordedAt: at(i + 1) } });
    if (template === doppler && i % 30 === 0)
      events.push({
        id: `bench-amendment-${i}`,
        type: 'EntryAmended',
        revision: events.length,
        data: { targetEventId: id, targetType: 'DopplerAssessmentRecorded', reason: 'misread', changes: { dorsalisPedisMmHg: 50 } },
        metadata: { ...template.metadata, occurredAt: at(i + 2), recordedAt: at(i + 2), schemaVersion: SCHEMA_VERSION },
      });
  }
  return events;
}

function timed(rounds: number, run: () => unknown): { medianMs: number; p90Ms: number } {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: round(percentile(times, 50), 2), p90Ms: round(percentile(times, 90), 2) };
}

runMain(async () => {
  const args = readArgs({ entries: { type: 'string' }, rounds: { type: 'string' } });
  const entries = integerOption(args.entries, 'entries', 390);
  const rounds = integerOption(args.rounds, 'rounds', 20);
  const events = largeCase(entries);
  const recorded = events as unknown as RecordedEvent[];
  const last = events[events.length - 1]!.metadata.recordedAt;
  progress(`${events.length} events, ${rounds} rounds each`);
  timed(3, () => caseFhirBundle({ caseEvents: events, patient: EXAMPLE_PATIENT }));
  const bundle = caseFhirBundle({ caseEvents: events, patient: EXAMPLE_PATIENT });
  printJson({
    events: events.length,
    amendments: events.filter((e) => e.type === 'EntryAmended').length,
    caseAsOf: timed(rounds, () => caseAsOf(recorded, last, DEFAULT_COMPLIANCE_CONFIG)),
    caseFhirBundle: timed(rounds, () => caseFhirBundle({ caseEvents: events, patient: EXAMPLE_PATIENT })),
    bundleResources: bundle?.entry?.length ?? 0,
    bundleJsonBytes: JSON.stringify(bundle).length,
  });
});
