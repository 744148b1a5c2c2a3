import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { requireUser } from '../common/command-meta';
import type { Context } from '../context';
import { CaseFilter } from '../case/case-filter.input';
import { caseFilter } from '../case/case-query';
import { findCaseSummaries } from '../read-models';
import { complianceReport } from './compliance-report';
import { ComplianceReport } from './compliance-report.type';

@Resolver()
export class ComplianceReportResolver {
  @Authorized('COMPLIANCE_OFFICER', 'AUDITOR', 'ADMIN', 'CLINICIAN')
  @Query(() => ComplianceReport, {
    description: 'Completeness counts and findings by rule over the cases the filter selects (in your facilities).',
  })
  async complianceReport(
    @Ctx() ctx: Context,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter,
  ): Promise<ComplianceReport> {
    const user = requireUser(ctx);
    const now = ctx.services.clock();
    const { items } = await findCaseSummaries(ctx.services.readStore, { filter: caseFilter(user, filter, now) });
    return complianceReport(
      items.map((c) => c.compliance),
      now,
    );
  }
}
