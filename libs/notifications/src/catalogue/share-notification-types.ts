/**
 * Share-pool notifications. Every one names its pool (`poolId`) and, where it moved value, its token; amounts and
 * rates are decimal strings in the token's smallest unit (a flow rate per second), shares whole numbers out of 10,000.
 * `member`, where present, is who the notification is about: a receiver can route it to that member (the pool's
 * webhooks are the DAO's).
 */
export const SHARE_NOTIFICATION_TYPES = [
  'share.purchase_confirmed',
  'share.join_approved',
  'share.join_rejected',
  'share.code_redeemed',
  'share.crowdfunding_reached',
  'share.crowdfunding_refunded',
  'share.distribution_paid',
  'share.stream_started',
  'share.stream_stopped',
  'share.paused',
  'share.resumed',
  'share.operator_changed',
] as const;

export interface ShareNotificationData {
  /** A purchase went through on chain: `cost` of the purchase token went to the creator (the DAO's Safe). */
  'share.purchase_confirmed': {
    poolId: string;
    member: string;
    shares: number;
    cost: string;
    token: string | null;
    txHash: string;
    purchasedAt: string;
  };
  /** The creator approved a request to join by assigning `shares` (the Safe's transaction). */
  'share.join_approved': { poolId: string; member: string; shares: number; approvedBy: string; approvedAt: string };
  'share.join_rejected': { poolId: string; member: string; reason: string; rejectedBy: string; rejectedAt: string };
  /** A one-time code's shares were granted on chain. */
  'share.code_redeemed': { poolId: string; member: string; shares: number; txHash: string; redeemedAt: string };
  /** The target was reached: each contributor's shares, and the escrow (`raised`) paid to the creator. */
  'share.crowdfunding_reached': {
    poolId: string;
    raised: string;
    target: string;
    token: string | null;
    allocations: { contributor: string; amount: string; shares: number }[];
    txHash: string;
    reachedAt: string;
  };
  /** The deadline passed short of the target: every contribution refunded in full (`deferred`: held for claim()). */
  'share.crowdfunding_refunded': {
    poolId: string;
    raised: string;
    target: string;
    token: string | null;
    refunds: { contributor: string; amount: string }[];
    deferred: { contributor: string; amount: string }[];
    txHash: string;
    refundedAt: string;
  };
  /** An instant distribution: each holder's payment to the wei; `kept` stayed with the pool (unallocated shares). */
  'share.distribution_paid': {
    poolId: string;
    round: number;
    token: string;
    amount: string;
    perShare: string;
    payments: { holder: string; shares: number; amount: string }[];
    kept: string;
    leftWithDistributor: string;
    txHash: string;
    recordedAt: string;
    /** Holders whose GDA units at the distribution's block differed from the log's holdings: paid by the chain's units. */
    holdingsDisagreement?: { holder: string; log: number; chain: number }[];
  };
  /** A distribution stream started or changed: each holder's rate per second; `keptRate` flows to the pool. */
  'share.stream_started': {
    poolId: string;
    round: number;
    token: string;
    flowRate: string;
    perShareRate: string;
    rates: { holder: string; shares: number; rate: string }[];
    keptRate: string;
    txHash: string;
    recordedAt: string;
    /** Holders whose GDA units at the stream's block differed from the log's holdings: streamed by the chain's units. */
    holdingsDisagreement?: { holder: string; log: number; chain: number }[];
  };
  'share.stream_stopped': { poolId: string; round: number; token: string; txHash: string; stoppedAt: string };
  /** The DAO's Safe paused the pool: purchases, code redemptions, contributions, stakes and transfers stop; unstaking and claims go on. */
  'share.paused': { poolId: string; pausedBy: string; txHash: string; pausedAt: string };
  /** The DAO's Safe resumed the pool: its ways in and transfers are open again. */
  'share.resumed': { poolId: string; resumedBy: string; txHash: string; resumedAt: string };
  /** The DAO's Safe replaced the account the pool takes operator calls from (`previous`: null when not on record). */
  'share.operator_changed': {
    poolId: string;
    previous: string | null;
    operator: string;
    changedBy: string;
    txHash: string;
    changedAt: string;
  };
}
