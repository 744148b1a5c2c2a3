import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { rolesFor } from '../../access/permissions';
import type { Context } from '../context';
import { CaseFilter } from '../case/case-filter.input';
import { complianceReport } from './compliance-report';
import { COSTS, fixed } from '../common/cost';
import { ComplianceReport } from './compliance-report.type';

@Resolver()
export class ComplianceReportResolver {
  @Authorized(...rolesFor('readCompliance'))
  @Query(() => ComplianceReport, {
    complexity: fixed(COSTS.complianceReport),
    description: 'Completeness counts and findings by rule over the cases the filter selects (in your facilities).',
  })
  async complianceReport(
    @Ctx() ctx: Context,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter,
  ): Promise<ComplianceReport> {
    return complianceReport(await ctx.data.complianceAudits(filter), ctx.data.now());
  }
}
