import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TOTAL_SHARES } from '@ayllu/domain';
import type { MemberPayoutRow } from '../../payouts/read-payouts';
import { jsonSafe } from '../shared/json-safe';
import type { ExistingHistory } from './share-pool-reader';

/** A holder's position in the pool's GDA pool, as the worker last read it from the chain (as the DAO's payouts). */
export class HolderPayoutView {
  @ApiProperty({ description: 'Whether the holder connected to the GDA pool (distributions land in their balance at once)' })
  connected!: boolean;
  @ApiProperty({ description: 'Accrued in the GDA pool, not yet in their balance: what a claim moves (decimal string)' })
  claimable!: string;
  @ApiProperty({ description: 'Tokens per second a running stream gives them (decimal string)' }) flowRate!: string;
  @ApiProperty({ description: 'Everything the GDA pool has given them so far (decimal string)' }) received!: string;
  @ApiProperty({ description: 'The block time the figures are read at (ISO)' }) chainTime!: string;
}

/** Holders' payouts by address; absent for `asOf` reads (the cache only knows now) and before the worker's read. */
export type HolderPayouts = ReadonlyMap<string, MemberPayoutRow>;

export const holderPayoutView = (row: MemberPayoutRow | undefined): HolderPayoutView | null =>
  row === undefined
    ? null
    : {
        connected: row.connected,
        claimable: row.claimable,
        flowRate: row.flow_rate,
        received: row.received,
        chainTime: row.chain_time.toISOString(),
      };

export class ShareHolderView {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'Checksummed' }) address!: string;
  @ApiProperty({ example: 3000, description: 'Shares out of 10,000 (basis points of the pool)' }) shares!: number;
  @ApiPropertyOptional({
    type: HolderPayoutView,
    nullable: true,
    description: 'Connected or not and what is claimable, from the worker; null for `asOf` and until the worker has read the holder',
  })
  payout!: HolderPayoutView | null;
}

export class CrowdfundingView {
  @ApiProperty({ example: '5000000000000000000000' }) target!: string;
  @ApiProperty({ example: '2027-03-01T00:00:00Z' }) deadline!: string;
  @ApiProperty({ example: '1250000000000000000000', description: 'Escrowed so far' }) raised!: string;
  @ApiProperty({ example: 2500, description: 'raised / target in basis points, floored (may exceed 10,000)' }) progressBps!: number;
  @ApiProperty({ nullable: true, enum: ['reached', 'refunded'], type: String }) outcome!: string | null;
  @ApiProperty({
    example: [{ address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', amount: '1250000000000000000000' }],
    description: 'Contributors in the order of their first escrowed contribution',
  })
  contributors!: { address: string; amount: string }[];
}

export class StakingView {
  @ApiProperty() token!: string;
  @ApiProperty({ description: 'Shares × 10^36 per token-wei per second' }) ratePerTokenSecond!: string;
  @ApiProperty({ example: [{ member: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', amount: '100', since: '2026-12-01T12:00:00Z' }] })
  positions!: { member: string; amount: string; since: string }[];
}

export class ShareDistributionView {
  @ApiProperty() round!: number;
  @ApiProperty() index!: number;
  @ApiProperty({ enum: ['instant', 'stream'] }) kind!: string;
  @ApiProperty({ description: 'Instant: the amount (wei); stream: the flow rate (wei/s)' }) amount!: string;
  @ApiProperty({ description: 'To holders (instant: wei; stream: wei/s)' }) paid!: string;
  @ApiProperty({ description: "Kept by the pool's contract for its available shares" }) kept!: string;
  @ApiProperty({ description: 'What does not divide by 10,000 stays with the distributor' }) leftWithDistributor!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ nullable: true, type: String }) stoppedAt!: string | null;
  @ApiProperty() txHash!: string;
  @ApiProperty({
    required: false,
    example: [{ holder: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', log: 0, chain: 100 }],
    description:
      "Present when the ledger was computed from the GDA pool's units at the distribution's block: the holders whose units " +
      "differed from the log's holdings then (empty: none). The ledger pays by the chain's units. Absent on older records.",
  })
  holdingsDisagreement?: { holder: string; log: number; chain: number }[];
}

export class SharePoolSummaryView {
  @ApiProperty({ example: 'share_0193a1b2c3d4e5f60718293a4b5c' }) poolId!: string;
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ example: 'Token Studio community solar' }) name!: string;
  @ApiProperty({ example: 'SOLAR' }) ticker!: string;
  @ApiProperty({ enum: ['CREATED', 'ACTIVE', 'DISTRIBUTING', 'COMPLETED'] }) status!: string;
  @ApiProperty({ enum: ['public', 'private'] }) visibility!: string;
  @ApiProperty({ enum: ['buy', 'request', 'crowdfunding', 'staking', 'codes'] }) wayToAccess!: string;
  @ApiProperty({ nullable: true, type: String, description: "The pool's contract, once deployed" }) contract!: string | null;
  @ApiProperty({ example: 4 }) holderCount!: number;
  @ApiProperty({ example: 3000, description: "Shares the pool's contract holds (not yet anyone's)" }) available!: number;
  @ApiProperty({ example: false }) deleted!: boolean;
  @ApiProperty({
    example: false,
    description: "The DAO's Safe paused the pool: purchases, code redemptions, contributions, stakes and transfers are refused",
  })
  paused!: boolean;
}

export class SharePoolView extends SharePoolSummaryView {
  @ApiProperty({ description: 'The metadata and terms as created; amounts as decimal strings' }) configuration!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) gdaPool!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The account the pool's contract takes operator calls from (null: the deploying relayer, not on record)",
  })
  operator!: string | null;
  @ApiProperty({ example: TOTAL_SHARES }) totalShares!: number;
  @ApiProperty({ example: 200, description: 'Of `available`, promised to pending actions and outstanding codes' }) reserved!: number;
  @ApiProperty({ type: [ShareHolderView] }) holders!: ShareHolderView[];
  @ApiProperty({ type: [String], description: 'Open requests to join (request pools)' }) joinRequests!: string[];
  @ApiProperty({ example: { outstanding: 8, redeemed: 2, revoked: 0 }, description: 'Code counts (codes pools)' })
  codes!: { outstanding: number; redeemed: number; revoked: number };
  @ApiProperty({ example: 3, description: 'Chain actions under way (purchases, grants, transfers, contributions, stakes)' })
  pendingActions!: number;
  @ApiPropertyOptional({ type: CrowdfundingView, nullable: true }) crowdfunding!: CrowdfundingView | null;
  @ApiPropertyOptional({ type: StakingView, nullable: true }) staking!: StakingView | null;
  @ApiProperty({ type: [ShareDistributionView] }) distributions!: ShareDistributionView[];
  @ApiProperty({ nullable: true, type: Number, description: 'The latest distribution round' }) round!: number | null;
  @ApiProperty({ description: 'Purchase-token wei paid to the creator (purchases, a reached crowdfunding)' }) proceeds!: string;
  @ApiProperty({ description: "Distribution-token wei the pool's contract received for its available shares" }) keptByPool!: string;
  @ApiProperty({ description: 'The instant the figures are as of' }) asOf!: string;
}

export class SharePoolPage {
  @ApiProperty({ type: [SharePoolSummaryView] }) items!: SharePoolSummaryView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}

export const summaryOf = ({ state }: ExistingHistory): SharePoolSummaryView => ({
  poolId: state.poolId,
  daoId: state.configuration.daoId,
  name: state.configuration.name,
  ticker: state.configuration.ticker,
  status: state.status,
  visibility: state.configuration.visibility,
  wayToAccess: state.configuration.wayToAccess,
  contract: state.contract,
  holderCount: state.holdings.size,
  available: state.available,
  deleted: state.deleted !== null,
  paused: state.paused,
});

export const poolViewOf = (history: ExistingHistory, at: string, payouts: HolderPayouts = new Map()): SharePoolView => {
  const { state } = history;
  const { configuration: c } = state;
  const codes = { outstanding: 0, redeemed: 0, revoked: 0 };
  for (const code of state.codes.values())
    if (code.status === 'revoked') codes.revoked++;
    else if (code.status === 'redeemed') codes.redeemed++;
    else codes.outstanding++;
  const cf = state.crowdfunding;
  return {
    ...summaryOf(history),
    configuration: jsonSafe(c) as Record<string, unknown>,
    gdaPool: state.gdaPool,
    operator: state.operator,
    totalShares: TOTAL_SHARES,
    reserved: state.reserved,
    holders: [...state.holdings].map(([address, shares]) => ({ address, shares, payout: holderPayoutView(payouts.get(address)) })),
    joinRequests: [...state.joinRequests.keys()],
    codes,
    pendingActions: state.pending.size,
    crowdfunding:
      c.crowdfunding === null
        ? null
        : {
            target: c.crowdfunding.target.toString(),
            deadline: c.crowdfunding.deadline,
            raised: (cf?.raised ?? 0n).toString(),
            progressBps: Number(((cf?.raised ?? 0n) * 10_000n) / c.crowdfunding.target),
            outcome: cf?.outcome ?? null,
            contributors: [...(cf?.contributions ?? new Map<string, bigint>())].map(([address, amount]) => ({
              address,
              amount: amount.toString(),
            })),
          },
    staking:
      c.staking === null
        ? null
        : {
            token: c.staking.token,
            ratePerTokenSecond: c.staking.ratePerTokenSecond.toString(),
            positions: [...state.stakes]
              .filter(([, p]) => p.amount > 0n)
              .map(([member, p]) => ({ member, amount: p.amount.toString(), since: p.since })),
          },
    distributions: history.distributions.map((d) => jsonSafe(d) as ShareDistributionView),
    round: state.round?.index ?? null,
    proceeds: state.proceeds.toString(),
    keptByPool: history.keptByPool.toString(),
    asOf: at,
  };
};
