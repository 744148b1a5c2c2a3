import type { CaseSummary } from '../../../projections/case-summary';
import { watchCase } from '../../../src/access/watch-case';
import type { User } from '../../../src/graphql/auth/user';
import type { Services } from '../../../src/services';

const summary = { id: 'c1', facilityId: 'F1', revision: 7 } as unknown as CaseSummary;
const user = { id: 'u1', name: 'Auditor', roles: ['AUDITOR'], facilities: ['F1'] } as unknown as User;
const services = {
  caseFeed: {
    watch: async function* () {
      yield summary;
    },
  },
} as unknown as Pick<Services, 'caseFeed'>;

describe('watchCase', () => {
  it('tries a delivery’s access record again when it failed (a wait that timed out while the process was paused), then delivers', async () => {
    let attempts = 0;
    const log = async () => {
      if (++attempts < 3) throw new Error('an access could not be recorded within 5000 ms');
    };
    const updates = watchCase({ services, caseId: 'c1', user, visible: () => true, log });
    expect((await updates.next()).value).toEqual(summary);
    expect(attempts).toBe(3);
  });

  it('delivers nothing without its record: when every try fails, the subscription ends with the error', async () => {
    let attempts = 0;
    const log = async () => {
      attempts++;
      throw new Error('an access could not be recorded within 5000 ms');
    };
    const updates = watchCase({ services, caseId: 'c1', user, visible: () => true, log });
    await expect(updates.next()).rejects.toThrow('could not be recorded');
    expect(attempts).toBe(3);
  });
});
