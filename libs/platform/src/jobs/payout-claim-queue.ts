/**
 * The payout-claim job, shared by the API (which enqueues it) and the worker (whose relayer runs it): a `claimAll`
 * for one member on one of the DAO's GDA pools, its community pool or a share pool's. One queue; the singleton key
 * is the DAO, the pool and the member, so while a claim for them waits, asking again enqueues nothing new
 * (pg-boss's `short` policy).
 */
export const PAYOUT_CLAIM_QUEUE = 'payout.claim';

export interface PayoutClaimJobData {
  readonly daoId: string;
  /** Checksummed. */
  readonly member: `0x${string}`;
  /** The GDA pool to claim from (checksummed). Absent in jobs enqueued before share pools had claims: the DAO's community pool. */
  readonly pool?: `0x${string}`;
  /** The share pool whose GDA pool `pool` is; absent for the DAO's community pool. */
  readonly sharePoolId?: string;
}

export const payoutClaimKey = (data: PayoutClaimJobData): string =>
  data.pool === undefined ? `claim:${data.daoId}:${data.member}` : `claim:${data.daoId}:${data.pool}:${data.member}`;

/** Attempts of one claim job before it is recorded as failed (transport errors only: a revert fails at once). */
export const PAYOUT_CLAIM_RETRY_LIMIT = 3;
