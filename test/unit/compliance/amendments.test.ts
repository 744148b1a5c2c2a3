import { aud02AmendmentTargetAndReason } from '../../../src/compliance/rules/amendments';
import { CaseBuilder, ID, at } from './case-builder';
import { check } from './check';

describe('AUD-02 every amendment names its target and a reason', () => {
  it('is satisfied by an amendment of an entry of the case with a reason', () => {
    expect(check(aud02AmendmentTargetAndReason, CaseBuilder.completeOneLeg().amend(ID.harvest, { aspirateVolumeMl: 200 }))).toEqual([]);
  });

  it('blocks an amendment without a reason', () => {
    const builder = CaseBuilder.completeOneLeg().amend(ID.harvest, { aspirateVolumeMl: 200 }, { reason: '   ', id: 'evt-amendment' });
    expect(check(aud02AmendmentTargetAndReason, builder)).toEqual([
      { rule: 'AUD-02', severity: 'BLOCKING', message: 'An amendment of the harvest entry gives no reason.', eventIds: ['evt-amendment'] },
    ]);
  });

  it('blocks an amendment whose target is not an entry of the case', () => {
    const builder = CaseBuilder.completeOneLeg().add(
      'EntryAmended',
      { targetEventId: 'evt-elsewhere', targetType: 'InjectionGiven', reason: 'wrong leg', changes: { leg: 'RIGHT' } },
      at({ days: 1 }),
      { id: 'evt-amendment' },
    );
    expect(check(aud02AmendmentTargetAndReason, builder).map((f) => f.message)).toEqual([
      'An amendment of the injection entry names an entry that is not part of this case.',
    ]);
  });

  it('blocks an amendment naming no target and giving no reason, in one finding', () => {
    const builder = CaseBuilder.completeOneLeg().add(
      'EntryAmended',
      { targetEventId: '', targetType: '', reason: '', changes: { leg: 'RIGHT' } },
      at({ days: 1 }),
      { id: 'evt-amendment' },
    );
    expect(check(aud02AmendmentTargetAndReason, builder).map((f) => f.message)).toEqual([
      'An amendment does not name the entry it corrects and gives no reason.',
    ]);
  });
});
