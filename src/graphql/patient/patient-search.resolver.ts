/** Patient search: by MRN or name, in the caller's facilities, through the seam (each patient found is a logged read). */
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { PatientSummary } from '../../../projections/patient-summary';
import { rolesFor } from '../../access/permissions';
import { pageSize } from '../common/connection';
import { COSTS, fixed } from '../common/cost';
import { badUserInput } from '../common/errors';
import type { Context } from '../context';
import { PatientSearchArgs } from './patient-search.args';
import { PatientType } from './patient.type';

@Resolver()
export class PatientSearchResolver {
  @Authorized(...rolesFor('searchPatients'))
  @Query(() => [PatientType], {
    description: 'Patients of your facilities by exact MRN or by name prefix, family name first. Each patient returned is a logged read.',
    complexity: ({ args, childComplexity }) =>
      fixed(COSTS.searchPatients)({ childComplexity: childComplexity * (typeof args.first === 'number' ? Math.max(args.first, 1) : 20) }),
  })
  searchPatients(@Args() args: PatientSearchArgs, @Ctx() ctx: Context): Promise<PatientSummary[]> {
    if ((args.mrn === undefined) === (args.name === undefined)) {
      throw badUserInput([{ path: 'mrn', constraints: ['give either mrn or name'] }]);
    }
    const limit = pageSize(args.first, ctx.data.maxPageSize);
    return ctx.data.searchPatients({ mrn: args.mrn, name: args.name, facilityId: args.facilityId }, limit);
  }
}
