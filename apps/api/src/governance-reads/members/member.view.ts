import { ApiProperty } from '@nestjs/swagger';
import type { DaoState, Member, VotingType } from '@ayllu/domain';
import { problem, ProblemException } from '../../shared/problem';

/** A member as the API shows it: amounts and weights as decimal strings in the token's smallest unit. */
export class MemberView {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }) address!: string;
  @ApiProperty({ enum: ['PENDING', 'ACTIVE', 'INACTIVE', 'SUSPENDED', 'REMOVED'] }) status!: string;
  @ApiProperty({ example: '1000000', description: 'Current balance, smallest unit' }) balance!: string;
  @ApiProperty({ example: '1500000' }) totalDeposited!: string;
  @ApiProperty({ example: '0' }) accruedYield!: string;
  @ApiProperty({ example: '1', description: 'Voting weight a proposal submitted now would freeze' }) weight!: string;
  @ApiProperty({ example: 'democratic: 1 per active member' }) weightReason!: string;
  @ApiProperty({ nullable: true, type: String }) joinedAt!: string | null;
  @ApiProperty({ description: 'Admitted by an admin (hybrid) or an ADD_MEMBER vote' }) admitted!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Payout-pool units an ADD_MEMBER vote granted' }) units!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The REMOVE_MEMBER proposal deciding about this member' })
  pendingRemoval!: string | null;
}

/**
 * The same words the worker stores in rm_members.weight_reason (apps/worker/.../weight-reason.ts), for
 * answers folded from the log (asOf); the e2e specs check both paths give the same member.
 */
export const weightReason = (member: Pick<Member, 'status' | 'currentBalance'>, votingType: VotingType): string => {
  if (member.status !== 'ACTIVE') return `${member.status.toLowerCase()}: only ACTIVE members carry weight`;
  return votingType === 'democratic'
    ? 'democratic: 1 per active member'
    : `weighted: current balance ${member.currentBalance} (smallest unit)`;
};

export const memberViewOf = (member: Member, votingType: VotingType): MemberView => ({
  address: member.address,
  status: member.status,
  balance: member.currentBalance.toString(),
  totalDeposited: member.totalDeposited.toString(),
  accruedYield: member.accruedYield.toString(),
  weight: member.weight.toString(),
  weightReason: weightReason(member, votingType),
  joinedAt: member.joinedAt,
  admitted: member.admitted,
  units: member.units === null ? null : member.units.toString(),
  pendingRemoval: member.pendingRemoval,
});

export const MEMBER_COLUMNS = `address, status, current_balance::text, total_deposited::text, accrued_yield::text,
  voting_weight::text, weight_reason, joined_at, admitted, units::text, pending_removal`;

export interface MemberRow {
  address: string;
  status: string;
  current_balance: string;
  total_deposited: string;
  accrued_yield: string;
  voting_weight: string;
  weight_reason: string;
  joined_at: Date | null;
  admitted: boolean;
  units: string | null;
  pending_removal: string | null;
}

export const memberViewFromRow = (row: MemberRow): MemberView => ({
  address: row.address,
  status: row.status,
  balance: row.current_balance,
  totalDeposited: row.total_deposited,
  accruedYield: row.accrued_yield,
  weight: row.voting_weight,
  weightReason: row.weight_reason,
  joinedAt: row.joined_at ? row.joined_at.toISOString() : null,
  admitted: row.admitted,
  units: row.units,
  pendingRemoval: row.pending_removal,
});

/** Seat holders, as rm_daos.member_count counts them. */
export const isSeated = (member: Pick<Member, 'status'>): boolean =>
  member.status === 'ACTIVE' || member.status === 'INACTIVE' || member.status === 'SUSPENDED';

/** A write answers with the same member shape as `GET /v1/daos/:id/members/:address`, from the state it wrote. */
export const memberViewFrom = (state: DaoState, address: string): MemberView => {
  const member = state.status === 'Active' ? state.members.get(address as never) : undefined;
  if (!member || state.status !== 'Active') {
    throw new ProblemException(problem(404, 'MEMBER.NOT_FOUND', `${address} is not a member of this DAO`));
  }
  return memberViewOf(member, state.configuration.votingType);
};
