import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Address, ProposalState, VoteCast } from '@ayllu/domain';
import { ProposalView, proposalViewOf } from '../governance-reads/proposals/proposal.view';

/** The ballot just recorded, with the proposal's state and live tally after it. */
export class VoteView {
  @ApiProperty({ example: 'prop_0193a1b2c3d4e5f60718293a4b5c' }) proposalId!: string;
  @ApiProperty({ example: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' }) voter!: string;
  @ApiProperty({ enum: ['for', 'against', 'abstain'] }) support!: string;
  @ApiProperty({ example: '1', description: 'The weight frozen for this voter when the proposal opened' }) weight!: string;
  @ApiProperty({ enum: ['for', 'against', 'abstain'], nullable: true, description: 'The earlier choice this ballot changes' })
  replaces!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when the request repeated the current choice and recorded nothing' })
  castAt!: string | null;
  @ApiPropertyOptional({ example: 'Better yield, same risk' }) reason?: string;
  @ApiProperty({ type: ProposalView }) proposal!: ProposalView;
}

/**
 * From the proposal after the write; `cast` is absent when the vote repeated the voter's current choice. The
 * proposal view carries no eligible voters (they are paged at /eligible-voters): a vote's answer stays small however
 * large the DAO; a copy of 1,000 voters per ballot was most of the answer and its encoding.
 */
export const toVoteView = (after: ProposalState, cast: VoteCast | undefined, voter: Address): VoteView => {
  if (after.status === 'Absent') throw new Error('a vote was decided on an absent proposal');
  const ballot = after.ballots.get(voter);
  return {
    proposalId: after.proposalId,
    voter,
    support: cast?.data.choice ?? ballot?.choice ?? '',
    weight: (cast?.data.weight ?? ballot?.weight ?? 0n).toString(),
    replaces: cast?.data.replaces ?? null,
    castAt: cast?.data.castAt ?? null,
    ...(cast?.data.reason ? { reason: cast.data.reason } : {}),
    proposal: proposalViewOf(after),
  };
};
