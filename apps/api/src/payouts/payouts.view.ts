import { ApiProperty } from '@nestjs/swagger';

export class MemberPayoutView {
  @ApiProperty() address!: string;
  @ApiProperty({ description: 'Pool units (decimal string)' }) units!: string;
  @ApiProperty({ description: 'Tokens per second flowing to the member now (smallest unit, decimal string)' }) flowRate!: string;
  @ApiProperty({ description: 'Whether the member connected to the pool (the stream lands in their balance live)' }) connected!: boolean;
  @ApiProperty({ description: 'Everything the pool has given the member so far, at chainTime (decimal string)' }) received!: string;
  @ApiProperty({ description: 'Accrued in the pool, not yet in their balance: what a claim moves (decimal string)' }) claimable!: string;
}

export class PayoutsView {
  @ApiProperty() daoId!: string;
  @ApiProperty() pool!: string;
  @ApiProperty() payoutToken!: string;
  @ApiProperty({ description: "Tokens per second streaming into the members' pool (decimal string)" }) totalFlowRate!: string;
  @ApiProperty({ description: 'Decimal string' }) totalUnits!: string;
  @ApiProperty({ description: 'The block time the figures are read at (ISO)' }) chainTime!: string;
  @ApiProperty({ description: 'When the worker read them (ISO)' }) refreshedAt!: string;
  @ApiProperty({ type: [MemberPayoutView] }) members!: MemberPayoutView[];
}

export class ClaimView {
  @ApiProperty({ description: 'The claim job' }) claimId!: string;
  @ApiProperty() member!: string;
  @ApiProperty({ description: 'The GDA pool claimed from: the DAO’s community pool or a share pool’s' }) pool!: string;
  @ApiProperty({ enum: ['queued', 'claimed', 'skipped', 'failed'] }) status!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The relayer’s claimAll transaction' }) txHash!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Moved into the member’s balance by this claim (decimal string)' })
  claimed!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the claim was skipped or failed' }) reason!: string | null;
  @ApiProperty({ description: 'When the next claim for this member may be asked for (ISO)' }) nextClaimAt!: string;
  @ApiProperty({ description: 'Where to follow this claim', example: '/v1/daos/dao_…/members/0x…/claim' }) claimUrl!: string;
  @ApiProperty({
    description: 'The member’s payout, refreshed after the claim (the DAO’s payouts, or the share pool)',
    example: '/v1/daos/dao_…/payouts',
  })
  payoutsUrl!: string;
}
