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
  @ApiProperty({ type: [MemberPayoutView] }) members!: MemberPayoutView[];
}

export class ClaimView {
  @ApiProperty() member!: string;
  @ApiProperty() txHash!: string;
  @ApiProperty({ description: 'Moved into the member’s balance by this claim (decimal string)' }) claimed!: string;
}
