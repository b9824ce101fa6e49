import type { Address } from 'viem';
import type { ProblemException } from '../../shared/problem';
import type { ClaimView } from '../payouts.view';

/**
 * What a claim is for: one member on one of the DAO's GDA pools (its community pool, or a share pool's), with what
 * the route that asked answers for it.
 */
export interface ClaimTarget {
  readonly daoId: string;
  /** Checksummed. */
  readonly member: Address;
  /** The GDA pool `claimAll` is called on. */
  readonly pool: Address;
  /** The share pool `pool` belongs to; null for the DAO's community pool. */
  readonly sharePoolId: string | null;
  readonly claimUrl: string;
  /** Where the member's payout shows, refreshed after the claim. */
  readonly payoutsUrl: string;
  /** The 404 when the pool holds nothing for the member. */
  readonly notAMember: () => ProblemException;
}

export interface PayoutClaimRow {
  status: string;
  job_id: string | null;
  requested_at: Date;
  finished_at: Date | null;
  tx_hash: string | null;
  claimed: string | null;
  reason: string | null;
}

export const CLAIM_COLUMNS = 'status, job_id, requested_at, finished_at, tx_hash, claimed::text, reason';

/** A queued claim whose job has not reported for this long is taken as lost (its worker died): a new one may start. */
export const STALE_CLAIM_MS = 15 * 60 * 1000;

export const claimViewOf = (target: ClaimTarget, row: PayoutClaimRow, cooldownSeconds: number): ClaimView => ({
  claimId: row.job_id ?? '',
  member: target.member,
  pool: target.pool,
  status: row.status,
  requestedAt: row.requested_at.toISOString(),
  finishedAt: row.finished_at?.toISOString() ?? null,
  txHash: row.tx_hash,
  claimed: row.claimed,
  reason: row.reason,
  nextClaimAt: new Date(row.requested_at.getTime() + cooldownSeconds * 1000).toISOString(),
  claimUrl: target.claimUrl,
  payoutsUrl: target.payoutsUrl,
});
