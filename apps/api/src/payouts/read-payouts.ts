import { readMemberPayout, superfluidPoolAbi, type PayoutPool } from '@ayllu/chain';
import { streams, type DeployedTreasury } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { Address, PublicClient } from 'viem';
import { problem, ProblemException } from '../shared/problem';
import { requireTreasury } from '../treasury/load-treasury';
import type { MemberPayoutView, PayoutsView } from './payouts.view';

export const payoutPoolOf = (treasury: DeployedTreasury): PayoutPool => ({
  forwarder: treasury.contracts.gdaForwarder,
  token: treasury.contracts.payoutToken,
  pool: treasury.contracts.pool,
});

export const noChain = () =>
  new ProblemException(problem(503, 'CHAIN.UNAVAILABLE', 'No chain is configured (RPC_URL or dev-chain.json): payouts live there'));

const daoMembers = async (store: PostgresEventStore, daoId: string): Promise<Address[]> => {
  const { state: dao } = await store.load(streams.dao.of(daoId));
  return dao.status === 'Active' ? [...dao.members.keys()] : [];
};

/** The DAO's pool and every member's position in it, read at one block time. */
export async function readPayouts(store: PostgresEventStore, client: PublicClient, daoId: string): Promise<PayoutsView> {
  const treasury = await requireTreasury(store, daoId);
  const payout = payoutPoolOf(treasury);
  const block = await client.getBlock();
  const [totalFlowRate, totalUnits, members] = await Promise.all([
    client.readContract({ address: payout.pool, abi: superfluidPoolAbi, functionName: 'getTotalFlowRate' }),
    client.readContract({ address: payout.pool, abi: superfluidPoolAbi, functionName: 'getTotalUnits' }),
    daoMembers(store, daoId),
  ]);
  const views: MemberPayoutView[] = [];
  for (const address of members) {
    const [position, received] = await Promise.all([
      readMemberPayout(client, payout, address, block.timestamp),
      client.readContract({
        address: payout.pool,
        abi: superfluidPoolAbi,
        functionName: 'getTotalAmountReceivedByMember',
        args: [address],
        blockNumber: block.number,
      }),
    ]);
    views.push({
      address,
      units: position.units.toString(),
      flowRate: position.flowRate.toString(),
      connected: position.connected,
      // The contract's figure is as of the block; what streamed since then up to the block time is in it already.
      received: received.toString(),
      claimable: position.claimable.toString(),
    });
  }
  return {
    daoId,
    pool: payout.pool,
    payoutToken: payout.token,
    totalFlowRate: totalFlowRate.toString(),
    totalUnits: totalUnits.toString(),
    chainTime: new Date(Number(block.timestamp) * 1000).toISOString(),
    members: views,
  };
}
