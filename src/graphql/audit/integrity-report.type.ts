import { Field, Int, ObjectType } from 'type-graphql';
import type { StreamIntegrity } from '../../audit/chain-checker';

@ObjectType({ description: "The result of recomputing a stream's hash chain (HIPAA 164.312(c): proof the record was not altered)." })
export class IntegrityReport {
  @Field() stream!: string;
  @Field() valid!: boolean;
  @Field(() => Int) eventCount!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'The first revision whose hash or prevHash does not match; for a gap, the missing revision.',
  })
  firstInvalidRevision!: number | null;
  @Field(() => String, { nullable: true, description: 'Why, e.g. "hash mismatch", "revision gap: expected 3, found 4".' }) reason!:
    string | null;
  @Field(() => Int, { nullable: true, description: 'Last revision of the intact chain.' }) headRevision!: number | null;
  @Field(() => String, { nullable: true, description: 'Hash of that revision: compare it with an export or an earlier report.' })
  headHash!: string | null;
}

export const integrityReportOf = (r: StreamIntegrity): IntegrityReport => ({
  stream: r.stream,
  valid: r.valid,
  eventCount: r.eventCount,
  firstInvalidRevision: r.firstInvalidRevision,
  reason: r.reason,
  headRevision: r.head?.revision ?? null,
  headHash: r.head?.hash ?? null,
});
