/** Live case updates for the `caseUpdated` subscription, published after the projection applied them. */
import { createPubSub } from '@graphql-yoga/subscription';
import type { CaseSummary } from '../../../projections/case-summary';

export const CASE_UPDATED = 'CASE_UPDATED';

export type CaseEvents = ReturnType<typeof createCaseEvents>;

export const createCaseEvents = () => createPubSub<{ [CASE_UPDATED]: [caseId: string, summary: CaseSummary] }>();
