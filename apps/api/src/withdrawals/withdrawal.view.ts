import { ApiProperty } from '@nestjs/swagger';
import type { DaoState } from '@ayllu/domain';
import { ProposalView } from '../governance-reads/proposals/proposal.view';

export class WithdrawalView {
  @ApiProperty({ example: 'wd_0193a1b2c3d4e5f60718293a4b5c' }) id!: string;
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }) member!: string;
  @ApiProperty({ example: '5000000000000000000' }) amount!: string;
  @ApiProperty({ enum: ['small', 'large'] }) kind!: string;
  @ApiProperty({
    enum: ['approved', 'awaiting-vote', 'rejected', 'confirmed'],
    description: 'approved: take it from the vault now; awaiting-vote: a WITHDRAW_FUNDS proposal decides',
  })
  status!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ type: ProposalView, nullable: true, description: 'The WITHDRAW_FUNDS proposal opened for a large request' })
  proposal!: ProposalView | null;
}

export const toWithdrawalView = (daoId: string, dao: DaoState, withdrawalId: string, proposal: ProposalView | null): WithdrawalView => {
  const request = dao.status === 'Active' ? dao.withdrawals.get(withdrawalId) : undefined;
  if (!request) throw new Error(`withdrawal ${withdrawalId} missing after it was decided`);
  return {
    id: request.withdrawalId,
    daoId,
    member: request.member,
    amount: request.amount.toString(),
    kind: request.kind,
    status: request.status,
    requestedAt: request.requestedAt,
    proposal,
  };
};
