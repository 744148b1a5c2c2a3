/**
 * The latest integrity checkpoint, for auditors to keep outside the system (audit/integrity-checkpoint.ts).
 * It holds no patient data (a root, a position, a count, a time, a key id, a signature), so reading it
 * is not an access to be logged.
 */
import { Authorized, Field, Int, ObjectType, Query, Resolver, Ctx } from 'type-graphql';
import { rolesFor } from '../../access/permissions';
import { DateTimeScalar } from '../common/scalars';
import type { Context } from '../context';

@ObjectType({
  description:
    "A signed digest of every stream at a store position: the Merkle root over each stream's head. Kept outside the system, it lets `npm run verify -- --checkpoint` show that no history at or before it was rewritten since.",
})
export class IntegrityCheckpoint {
  @Field({ description: 'Merkle root (hex, RFC 9162 tree hash) over the sorted stream heads.' }) root!: string;
  @Field({ description: 'The store position the heads were taken at (a decimal integer).' }) position!: string;
  @Field(() => Int) streamCount!: number;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field({ description: "The signing key's id (its RFC 7638 thumbprint); the public key is at GET /keys/export." }) keyId!: string;
  @Field({ description: 'Compact JWS (EdDSA) over the canonical JSON of the other fields and kind "integrity-checkpoint".' })
  signature!: string;
  @Field({ description: 'The whole checkpoint as JSON, exactly as `verify --checkpoint` reads it.' }) json!: string;
}

@Resolver()
export class IntegrityCheckpointResolver {
  @Authorized(...rolesFor('readAuditLog'))
  @Query(() => IntegrityCheckpoint, { nullable: true, description: 'The latest integrity checkpoint; null before the first one.' })
  async integrityCheckpoint(@Ctx() ctx: Context): Promise<IntegrityCheckpoint | null> {
    const latest = await ctx.data.latestIntegrityCheckpoint();
    if (!latest) return null;
    const { root, position, streamCount, recordedAt, keyId, signature } = latest.checkpoint;
    return { root, position, streamCount, recordedAt, keyId, signature, json: JSON.stringify(latest.checkpoint) };
  }
}
