/**
 * The payout-claim job, shared by the API (which enqueues it) and the worker (whose relayer runs it).
 * One queue; the singleton key is the DAO and member, so while a claim for a member waits, asking again
 * enqueues nothing new (pg-boss's `short` policy).
 */
export const PAYOUT_CLAIM_QUEUE = 'payout.claim';

export interface PayoutClaimJobData {
  readonly daoId: string;
  /** Checksummed. */
  readonly member: `0x${string}`;
}

export const payoutClaimKey = (data: PayoutClaimJobData): string => `claim:${data.daoId}:${data.member}`;

/** Attempts of one claim job before it is recorded as failed (transport errors only: a revert fails at once). */
export const PAYOUT_CLAIM_RETRY_LIMIT = 3;
