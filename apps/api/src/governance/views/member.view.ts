import { ApiProperty } from '@nestjs/swagger';
import type { DaoState, Member } from '@ayllu/domain';
import { problem, ProblemException } from '../../shared/problem';

/** A member as the DAO stream has them right after the write; amounts are decimal strings. */
export class MemberView {
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }) address!: string;
  @ApiProperty({ enum: ['PENDING', 'ACTIVE', 'INACTIVE', 'SUSPENDED', 'REMOVED'] }) status!: string;
  @ApiProperty({ example: '0' }) totalDeposited!: string;
  @ApiProperty({ example: '0' }) currentBalance!: string;
  @ApiProperty({ example: '0' }) accruedYield!: string;
  @ApiProperty({ example: '1', description: 'Voting weight now: 1 (democratic) or the balance (weighted) when ACTIVE, else 0' })
  weight!: string;
  @ApiProperty({ description: 'Approved by an admin (hybrid) or admitted by a vote (closed)' }) admitted!: boolean;
  @ApiProperty({ nullable: true, type: String }) joinedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The REMOVE_MEMBER proposal deciding about this member' })
  pendingRemoval!: string | null;
}

export const toMemberView = (daoId: string, member: Member): MemberView => ({
  daoId,
  address: member.address,
  status: member.status,
  totalDeposited: member.totalDeposited.toString(),
  currentBalance: member.currentBalance.toString(),
  accruedYield: member.accruedYield.toString(),
  weight: member.weight.toString(),
  admitted: member.admitted,
  joinedAt: member.joinedAt,
  pendingRemoval: member.pendingRemoval,
});

/** The member's view from a DAO state that must hold them (it was just written). */
export const memberViewFrom = (daoId: string, state: DaoState, address: string): MemberView => {
  const member = state.status === 'Active' ? state.members.get(address) : undefined;
  if (!member) throw new ProblemException(problem(404, 'MEMBER.NOT_FOUND', `${address} is not a member of this DAO`));
  return toMemberView(daoId, member);
};
