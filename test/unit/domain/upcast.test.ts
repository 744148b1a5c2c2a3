/** Upcasting: stored payloads of older versions read in the current shape; what is stored is left alone. */
import { caseRecordOf, type CaseRecordEvent } from '../../../src/domain/case-record';
import { SCHEMA_VERSION } from '../../../src/domain/events';
import { upcastData, upcastEvent } from '../../../src/domain/upcast';
import type { JsonObject } from '../../../src/eventstore/port';
import { caseOpenedData } from '../../support/recorded-events';

const ACTOR = { id: 'rn-1', name: 'Nurse One', role: 'CLINICIAN' };

describe('upcasting stored events', () => {
  it('brings every version-1 payload whose shape changed to the current shape', () => {
    expect(SCHEMA_VERSION).toBe(2);
    expect(upcastData('CaseOpened', caseOpenedData('c1'), 1)).toEqual({
      ...caseOpenedData('c1'),
      additionalDiagnosisCodes: [],
      legRutherfordCategories: [],
      harvestOnly: false,
    });
    expect(upcastData('HarvestPerformed', { site: 'ANTERIOR_SUPERIOR_ILIAC_SPINE', aspirateVolumeMl: 200 }, 1)).toMatchObject({
      performedBy: null,
    });
    expect(upcastData('InjectionGiven', { route: 'INTRAMUSCULAR' }, 1)).toEqual({ route: 'INTRAMUSCULAR', performedBy: null });
    expect(upcastData('ProcedureSigned', { signedAt: 'x' }, 1)).toEqual({ signedAt: 'x', attestedAt: null });
  });

  it('leaves the stored payload unchanged, and current or unchanged payloads as the same object', () => {
    const stored = caseOpenedData('c1');
    const before = JSON.stringify(stored);
    upcastData('CaseOpened', stored, 1);
    expect(JSON.stringify(stored)).toBe(before);
    const current = upcastData('CaseOpened', stored, 1);
    expect(upcastData('CaseOpened', current, 1)).toBe(current);
    expect(upcastData('CaseOpened', current, SCHEMA_VERSION)).toBe(current);
    const closed = { reason: 'COMPLETED' };
    expect(upcastData('CaseClosed', closed, 1)).toBe(closed);
  });

  it('never fills a field a newer payload has, even when asked as version 1', () => {
    const performedBy = { id: 'dr-1', name: 'Dr One', role: 'CLINICIAN' };
    expect(upcastData('HarvestPerformed', { performedBy }, 1)).toEqual({ performedBy });
  });

  it('the case fold reads a version-1 stream in the current shape', () => {
    const event = (revision: number, type: string, data: JsonObject): CaseRecordEvent => ({
      id: `e${revision}`,
      type,
      revision,
      data,
      metadata: { actor: ACTOR, recordedAt: '2026-01-01T10:00:00.000Z', occurredAt: '2026-01-01T09:00:00.000Z', schemaVersion: 1 },
    });
    const record = caseRecordOf([
      event(0, 'CaseOpened', caseOpenedData('c1')),
      event(1, 'HarvestPerformed', { site: 'ANTERIOR_SUPERIOR_ILIAC_SPINE', sides: 'LEFT', aspirateVolumeMl: 200, needle: null }),
    ]);
    expect(record).toMatchObject({ additionalDiagnosisCodes: [], legRutherfordCategories: [], harvestOnly: false });
    expect(record?.harvest).toMatchObject({ performedBy: null, operator: ACTOR });
  });

  it('copies the event only when its payload changes', () => {
    const event = { type: 'CaseClosed', data: { reason: 'COMPLETED' }, metadata: { schemaVersion: 1 } };
    expect(upcastEvent(event)).toBe(event);
    const opened = { type: 'CaseOpened', data: caseOpenedData('c1'), metadata: { schemaVersion: 1 } };
    expect(upcastEvent(opened)).not.toBe(opened);
    expect(upcastEvent(opened).metadata).toBe(opened.metadata);
  });
});
