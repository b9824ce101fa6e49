import { ApiProperty } from '@nestjs/swagger';

const ADDRESS = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const STATUSES = ['FORMING', 'ACTIVE', 'EMERGENCY', 'COMPLETED', 'DISSOLVED'];
const CONTRIBUTION_STATUSES = ['PENDING', 'PAID', 'LATE', 'DEFAULTED', 'EXCUSED'];
const PENALTY_STATUSES = ['good-standing', 'warning', 'collateral-at-risk', 'expelled'];

/** OpenAPI shapes of the rotating-pool reads (the builders in rotating-pool-view-of.ts make the values). */
export class NextPayoutView {
  @ApiProperty({ example: 2 }) round!: number;
  @ApiProperty({ example: '2026-12-15T12:00:00.000Z' }) dueAt!: string;
  @ApiProperty({ description: 'At the latest: when the grace period ends (earlier once everyone has paid)' }) settlesBy!: string;
  @ApiProperty({ enum: ['payout', 'open', 'refund'], description: '`open`: a bidding round, the best eligible bid takes it' })
  kind!: string;
  @ApiProperty({ nullable: true, type: String, example: ADDRESS }) recipient!: string | null;
}

export class RotatingPoolSummaryView {
  @ApiProperty({ example: 'rosca_0193a1b2c3d4e5f6a7b8c9d0' }) poolId!: string;
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ enum: ['join-order', 'lottery', 'manual', 'consensus', 'bidding'] }) rotationMethod!: string;
  @ApiProperty({ nullable: true, type: String, description: "The pool's custody contract, once deployed" }) contractAddress!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The DAO's ERC-4626 strategy the contract invests in (fixed at its deployment); null = none",
  })
  strategy!: string | null;
  @ApiProperty({ nullable: true, type: String }) createdAt!: string | null;
  @ApiProperty({
    description: 'The frozen creation parameters; amounts as decimal strings in the token smallest unit',
    example: { contributionAmount: '100000000', memberCount: 5, rotationIntervalSeconds: 604800, collateralPercent: 20 },
  })
  configuration!: Record<string, unknown>;
  @ApiProperty({ example: 5, description: 'Members who have not left' }) activeMembers!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Null while FORMING' }) rounds!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The open round; null before the start and after the end' })
  currentRound!: number | null;
  @ApiProperty({ nullable: true, type: NextPayoutView }) nextPayout!: NextPayoutView | null;
  @ApiProperty({ example: '1500000000' }) totalVolume!: string;
  @ApiProperty({ example: '250000000' }) held!: string;
}

export class RotatingPoolPage {
  @ApiProperty({ type: [RotatingPoolSummaryView] }) items!: RotatingPoolSummaryView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}

export class ContributionView {
  @ApiProperty({ example: 0 }) round!: number;
  @ApiProperty({ example: ADDRESS }) member!: string;
  @ApiProperty({ enum: CONTRIBUTION_STATUSES }) status!: string;
  @ApiProperty({ example: '100000000', description: 'Credited: paid, or taken from the cover on a default' }) amount!: string;
  @ApiProperty({ example: '5000000' }) penalty!: string;
  @ApiProperty({ nullable: true, enum: ['on-time', 'grace', 'after-grace'] }) timing!: string | null;
  @ApiProperty({ nullable: true, type: String }) paidAt!: string | null;
}

export class RoundView {
  @ApiProperty({ example: 0 }) round!: number;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ enum: ['payout', 'open', 'refund'] }) kind!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for an open (bidding) round not settled yet' }) recipient!: string | null;
  @ApiProperty({ enum: ['settled', 'open', 'upcoming', 'cancelled'] }) state!: string;
  @ApiProperty({ nullable: true, type: String }) settledAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Contributions + reserve fill + income + yield' }) gross!: string | null;
  @ApiProperty({ nullable: true, type: String }) fee!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Paid to the recipient' }) paid!: string | null;
  @ApiProperty({ nullable: true, type: Number }) discountBps!: number | null;
  @ApiProperty({ nullable: true, type: String }) yieldEarned!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The settlement transaction, once confirmed on chain' }) txHash!: string | null;
}

export class PoolMemberSummaryView {
  @ApiProperty({ example: ADDRESS }) address!: string;
  @ApiProperty() joinedAt!: string;
  @ApiProperty({ example: '20000000' }) collateral!: string;
  @ApiProperty({ example: '0' }) heldBack!: string;
  @ApiProperty({ example: '300000000' }) contributed!: string;
  @ApiProperty({ nullable: true, type: Number }) receivedRound!: number | null;
  @ApiProperty({ example: 0 }) strikes!: number;
  @ApiProperty({ enum: PENALTY_STATUSES }) penaltyStatus!: string;
  @ApiProperty({ nullable: true, enum: ['exit', 'expelled'] }) departed!: string | null;
}

export class DashboardView {
  @ApiProperty({ nullable: true, type: Number, description: 'On-time payments / decided payments, in basis points' })
  onTimePaymentRateBps!: number | null;
  @ApiProperty() paymentsOnTime!: number;
  @ApiProperty({ description: 'Paid on time, paid late or defaulted' }) paymentsDecided!: number;
  @ApiProperty({ nullable: true, type: Number }) currentRound!: number | null;
  @ApiProperty({ nullable: true, type: NextPayoutView }) nextPayout!: NextPayoutView | null;
  @ApiProperty({ description: 'Contributions credited plus late penalties collected' }) totalVolume!: string;
  @ApiProperty() yieldEarned!: string;
  @ApiProperty() fees!: string;
  @ApiProperty({ description: 'What the pool holds now' }) held!: string;
  @ApiProperty({ description: "Held for departed members' shares" }) reserve!: string;
}

export class EffectView {
  @ApiProperty({ example: 'round-0' }) key!: string;
  @ApiProperty({ enum: ['begin', 'settle', 'release', 'dissolve'] }) kind!: string;
  @ApiProperty() confirmed!: boolean;
  @ApiProperty({ nullable: true, type: String }) txHash!: string | null;
  @ApiProperty({ nullable: true, type: String }) confirmedAt!: string | null;
  @ApiProperty({
    example: [{ member: ADDRESS, amount: '1000' }],
    description:
      'What the effect pays: as decided until confirmed, then what the chain paid (a dissolution shares the yield not yet recognised)',
  })
  payments!: { member: string; amount: string }[];
  @ApiProperty({
    description: 'What the chain paid beyond the decision: yield shared by a dissolution; negative on a strategy loss',
  })
  surplus!: string;
}

export class RotatingPoolView extends RotatingPoolSummaryView {
  @ApiProperty({ type: [PoolMemberSummaryView], description: 'In join order' }) members!: PoolMemberSummaryView[];
  @ApiProperty({ example: [{ member: ADDRESS, requestedAt: '2026-12-01T12:00:00.000Z' }] }) pendingJoins!: unknown[];
  @ApiProperty({ nullable: true, type: String }) firstDueAt!: string | null;
  @ApiProperty({ type: [RoundView] }) schedule!: RoundView[];
  @ApiProperty({ type: [ContributionView], description: 'Every round, in round then join order' }) contributions!: ContributionView[];
  @ApiProperty({ type: DashboardView }) dashboard!: DashboardView;
  @ApiProperty({ type: [EffectView], description: 'What the contract must do, in log order, and whether it is done' })
  effects!: EffectView[];
  @ApiProperty({
    nullable: true,
    description: 'Lottery pools: each commitment and secret, and the draw inputs (recompute the order with drawOrder)',
    example: { commitments: [], draw: { members: [ADDRESS], secrets: ['0x…'], unrevealed: [] } },
  })
  lottery!: unknown;
  @ApiProperty({ nullable: true, description: "Consensus pools: each member's order vote and the votes of the adopted order" })
  consensus!: unknown;
  @ApiProperty({ type: [String], description: 'EMERGENCY: members who voted to dissolve' }) dissolutionVotes!: string[];
}

export class NextDueView {
  @ApiProperty() round!: number;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ example: '100000000' }) amount!: string;
  @ApiProperty({ example: '5000000', description: 'The late penalty if paid at `asOf`' }) penaltyIfPaidNow!: string;
  @ApiProperty({ example: '105000000' }) totalIfPaidNow!: string;
  @ApiProperty({ description: 'The instant the penalty is computed at' }) asOf!: string;
}

export class ProjectedPayoutView {
  @ApiProperty({ nullable: true, type: Number }) round!: number | null;
  @ApiProperty({ nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ enum: ['schedule', 'bid'], description: '`bid`: a bidding pool, no fixed slot' }) by!: string;
}

export class MemberBidView {
  @ApiProperty({ example: 2, description: 'The open round' }) round!: number;
  @ApiProperty({ example: 500, description: 'The discount on the pot the member accepts, in basis points' }) discountBps!: number;
}

export class RotatingPoolMemberView {
  @ApiProperty() poolId!: string;
  @ApiProperty({ example: ADDRESS }) member!: string;
  @ApiProperty({ enum: STATUSES }) poolStatus!: string;
  @ApiProperty() joinedAt!: string;
  @ApiProperty({ nullable: true, enum: ['exit', 'expelled'] }) departed!: string | null;
  @ApiProperty() strikes!: number;
  @ApiProperty({ enum: PENALTY_STATUSES }) penaltyStatus!: string;
  @ApiProperty({ description: 'Collateral the pool holds' }) collateral!: string;
  @ApiProperty({ description: 'Held back from their payout until their remaining contributions are covered' }) heldBack!: string;
  @ApiProperty() contributed!: string;
  @ApiProperty({ nullable: true, type: Number }) receivedRound!: number | null;
  @ApiProperty({ type: [ContributionView] }) contributions!: ContributionView[];
  @ApiProperty({ nullable: true, type: NextDueView }) nextDue!: NextDueView | null;
  @ApiProperty({
    nullable: true,
    type: MemberBidView,
    description: "Bidding pools: the member's bid for the open round (one per round); null when they have not bid",
  })
  bid!: MemberBidView | null;
  @ApiProperty({ nullable: true, type: ProjectedPayoutView }) projectedPayout!: ProjectedPayoutView | null;
}
