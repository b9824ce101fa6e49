/**
 * Rotating-pool (ROSCA) notifications. Every one names its pool (`poolId`); amounts are decimal strings in
 * the token's smallest unit. `member`, where present, is who the notification is about: a receiver can route it
 * to that member (the pool's webhooks are the DAO's).
 */
export const ROSCA_NOTIFICATION_TYPES = [
  'rosca.pool_started',
  'rosca.payment_due',
  'rosca.payout_round',
  'rosca.contribution_paid',
  'rosca.contribution_penalized',
  'rosca.contributions_late',
  'rosca.contribution_defaulted',
  'rosca.payout_sent',
  'rosca.member_departed',
  'rosca.pool_completed',
  'rosca.pool_dissolved',
] as const;

export interface RoscaNotificationData {
  'rosca.pool_started': {
    poolId: string;
    rotationMethod: string;
    rounds: number;
    /** Each round's recipient; null for an open (bidding) round. */
    recipients: (string | null)[];
    firstDueAt: string;
    startedAt: string;
  };
  /** The reminder before a round's due time: every active member owes `amount` by `dueAt`. */
  'rosca.payment_due': { poolId: string; round: number; dueAt: string; amount: string; recipient: string | null; announcedAt: string };
  /** To the round's recipient: this round's pot is theirs once it settles. */
  'rosca.payout_round': { poolId: string; round: number; member: string; dueAt: string; announcedAt: string };
  'rosca.contribution_paid': {
    poolId: string;
    round: number;
    member: string;
    amount: string;
    penalty: string;
    timing: 'on-time' | 'grace' | 'after-grace';
    paidAt: string;
  };
  /** A payment after the grace period paid a late penalty: a strike (1 a warning, 2 collateral at risk, 3 expelled). */
  'rosca.contribution_penalized': { poolId: string; round: number; member: string; penalty: string; strike: number | null; paidAt: string };
  'rosca.contributions_late': { poolId: string; round: number; members: string[]; graceEndsAt: string; markedAt: string };
  /** Not paid by settlement: the member's collateral (or held-back payout) paid it. */
  'rosca.contribution_defaulted': {
    poolId: string;
    round: number;
    member: string;
    fromCollateral: string;
    fromHoldback: string;
    strike: number;
  };
  /** A round's settlement went out on chain. */
  'rosca.payout_sent': {
    poolId: string;
    round: number;
    kind: 'payout' | 'refund' | null;
    recipient: string | null;
    /** Paid to the recipient (null when the settlement could not be found). */
    amount: string | null;
    fee: string;
    /** Every transfer of the settlement (recipient, discount shares, released cover). */
    payments: { member: string; amount: string }[];
    txHash: string;
    confirmedAt: string;
  };
  'rosca.member_departed': {
    poolId: string;
    member: string;
    reason: 'exit' | 'expelled';
    round: number;
    returnedNow: string;
    penalty: string;
    slashed: string;
    bannedFromDao: boolean;
    departedAt: string;
  };
  'rosca.pool_completed': { poolId: string; completedAt: string };
  'rosca.pool_dissolved': { poolId: string; balance: string; refunds: { member: string; amount: string }[]; dissolvedAt: string };
}
