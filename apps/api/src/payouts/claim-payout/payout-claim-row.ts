import type { ClaimView } from '../payouts.view';

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

export const claimViewOf = (daoId: string, member: string, row: PayoutClaimRow, cooldownSeconds: number): ClaimView => ({
  claimId: row.job_id ?? '',
  member,
  status: row.status,
  requestedAt: row.requested_at.toISOString(),
  finishedAt: row.finished_at?.toISOString() ?? null,
  txHash: row.tx_hash,
  claimed: row.claimed,
  reason: row.reason,
  nextClaimAt: new Date(row.requested_at.getTime() + cooldownSeconds * 1000).toISOString(),
  claimUrl: `/v1/daos/${daoId}/members/${member}/claim`,
  payoutsUrl: `/v1/daos/${daoId}/payouts`,
});
