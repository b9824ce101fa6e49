import type { PayoutPool } from '@ayllu/chain';
import { streams, type Address, type DeployedTreasury } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { PayoutClaimJobData } from '@ayllu/platform';
import type { Pool } from 'pg';
import { isAddressEqual } from 'viem';

/**
 * One GDA pool a DAO pays through: its community pool (the vault's, `sharePoolId` null) or a deployed share pool's.
 * The payout cache reads each of them, and a claim names one.
 */
export interface PayoutTarget {
  readonly payout: PayoutPool;
  readonly sharePoolId: string | null;
}

export const payoutPoolOf = (treasury: DeployedTreasury): PayoutPool => ({
  forwarder: treasury.contracts.gdaForwarder,
  token: treasury.contracts.payoutToken,
  pool: treasury.contracts.pool,
});

export const communityTarget = (treasury: DeployedTreasury): PayoutTarget => ({ payout: payoutPoolOf(treasury), sharePoolId: null });

/** Members holding a seat (ACTIVE, INACTIVE, SUSPENDED): the ones the community pool may pay. */
export const seatedMembers = async (store: PostgresEventStore, daoId: string): Promise<Address[]> => {
  const { state } = await store.load(streams.dao.of(daoId));
  if (state.status !== 'Active') return [];
  return [...state.members.values()]
    .filter((m) => m.status === 'ACTIVE' || m.status === 'INACTIVE' || m.status === 'SUSPENDED')
    .map((m) => m.address);
};

/** A share pool's GDA pool and its holders (from the log), or null while it has no contract or is not the DAO's. */
export const sharePoolTarget = async (
  store: PostgresEventStore,
  treasury: DeployedTreasury,
  daoId: string,
  sharePoolId: string,
): Promise<{ target: PayoutTarget; holders: Address[] } | null> => {
  const { state } = await store.load(streams.sharePool.of(sharePoolId));
  if (state.status === 'ABSENT' || state.configuration.daoId !== daoId || state.gdaPool === null) return null;
  return {
    // The share pool's contract was deployed on the DAO's network, against the same GDAv1Forwarder.
    target: {
      payout: { forwarder: treasury.contracts.gdaForwarder, token: state.configuration.distributionToken, pool: state.gdaPool },
      sharePoolId,
    },
    holders: [...state.holdings.keys()],
  };
};

/**
 * The DAO's share pools, from the execution driver's own `share_pool_processes` (a row per pool created, written by
 * the same process as the payout cache, so it never lags behind a read model); the log says which are deployed.
 */
export const sharePoolIdsOf = async (db: Pool, daoId: string): Promise<string[]> => {
  const { rows } = await db.query<{ pool_id: string }>(`SELECT pool_id FROM share_pool_processes WHERE dao_id = $1 ORDER BY pool_id`, [
    daoId,
  ]);
  return rows.map((r) => r.pool_id);
};

/**
 * The pool a claim job names: a share pool's (it must still be the DAO's and have `data.pool` as its GDA pool) or,
 * without `sharePoolId`, the community pool. A string says why there is none to claim from.
 */
export const claimTargetOf = async (
  store: PostgresEventStore,
  treasury: DeployedTreasury,
  data: PayoutClaimJobData,
): Promise<PayoutTarget | string> => {
  if (data.sharePoolId === undefined) {
    const target = communityTarget(treasury);
    if (data.pool !== undefined && !isAddressEqual(data.pool, target.payout.pool))
      return `${data.pool} is not the DAO's community pool ${target.payout.pool}`;
    return target;
  }
  const share = await sharePoolTarget(store, treasury, data.daoId, data.sharePoolId);
  if (share === null) return `Share pool ${data.sharePoolId} of DAO ${data.daoId} has no GDA pool`;
  if (data.pool !== undefined && !isAddressEqual(data.pool, share.target.payout.pool))
    return `${data.pool} is not share pool ${data.sharePoolId}'s GDA pool ${share.target.payout.pool}`;
  return share.target;
};
