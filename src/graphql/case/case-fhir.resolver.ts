/** A case as FHIR R4 for the hospital's EHR, and its reads as AuditEvents for auditors — through the caller's seam. */
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { rolesFor } from '../../access/permissions';
import { COSTS, fixed } from '../common/cost';
import { notFound } from '../common/errors';
import { DateTimeScalar, JSONObjectScalar } from '../common/scalars';
import type { Context } from '../context';

@Resolver()
export class CaseFhirResolver {
  @Authorized(...rolesFor('readCaseHistory'))
  @Query(() => JSONObjectScalar, {
    complexity: fixed(COSTS.caseFhirBundle),
    description:
      'The case as a FHIR R4 Bundle (type collection: Patient, Condition, Procedures with CPT codes, Observations, Provenance), ' +
      'as it stood at `asOf` when given. NOT_FOUND outside your facilities, or when the case was not yet recorded at `asOf`.',
  })
  async caseFhirBundle(
    @Arg('caseId', () => ID) caseId: string,
    @Ctx() ctx: Context,
    @Arg('asOf', () => DateTimeScalar, { nullable: true }) asOf?: string,
  ): Promise<object> {
    const bundle = await ctx.data.caseFhirBundle(caseId, asOf ?? undefined);
    if (!bundle) throw notFound('case');
    return bundle;
  }

  @Authorized(...rolesFor('readAccessLog'))
  @Query(() => JSONObjectScalar, {
    complexity: fixed(COSTS.caseFhirAuditBundle),
    description: "The case's recorded reads and exports as a FHIR R4 Bundle of AuditEvents. NOT_FOUND outside your facilities.",
  })
  async caseFhirAuditBundle(@Arg('caseId', () => ID) caseId: string, @Ctx() ctx: Context): Promise<object> {
    const bundle = await ctx.data.caseFhirAuditBundle(caseId);
    if (!bundle) throw notFound('case');
    return bundle;
  }
}
