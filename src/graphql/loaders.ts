/** Per-request DataLoaders: one read-store call for all the items of a list that need the same lookup. */
import DataLoader from 'dataloader';
import type { ReadStore } from '../readstore/port';
import type { CaseSummary } from '../../projections/case-summary';
import { findCaseSummaries } from './read-models';

export interface Loaders {
  casesByPatient: DataLoader<string, CaseSummary[]>;
}

export function createLoaders(readStore: ReadStore): Loaders {
  return {
    casesByPatient: new DataLoader(async (patientIds) => {
      const { items } = await findCaseSummaries(readStore, {
        filter: { patientId: { $in: [...patientIds] } },
        sort: [['openedAt', 1]],
      });
      return patientIds.map((id) => items.filter((c) => c.patientId === id));
    }),
  };
}
