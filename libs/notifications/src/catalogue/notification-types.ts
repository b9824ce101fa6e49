import { ROSCA_NOTIFICATION_TYPES, type RoscaNotificationData } from './rosca-notification-types';
import { SHARE_NOTIFICATION_TYPES, type ShareNotificationData } from './share-notification-types';

/**
 * The notification catalogue: every type a webhook may subscribe to, with the shape of its `data`.
 * Amounts are decimal strings in the token's smallest unit (bigint never goes through JSON as a
 * number).
 */
export const NOTIFICATION_TYPES = [
  'proposal.created',
  'proposal.voting_ends_soon',
  'proposal.passed',
  'proposal.defeated',
  'proposal.canceled',
  'proposal.vetoed',
  'proposal.expired',
  'safe_transaction.signatures_needed',
  'safe_transaction.signature_dropped',
  'safe_transaction.execution_failed',
  'timelock.scheduled',
  'proposal.executed',
  'proposal.execution_failed',
  'member.joined',
  'member.suspended',
  'member.removed',
  'withdrawal.requested',
  'withdrawal.approved',
  'withdrawal.paid',
  'chain.fact_retracted',
  'webhook.endpoint_disabled',
  'processing.stream_quarantined',
  'dao.deployment_failed',
  'relayer.balance_low',
  'relayer.balance_restored',
  ...ROSCA_NOTIFICATION_TYPES,
  ...SHARE_NOTIFICATION_TYPES,
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface TallyData {
  readonly for: string;
  readonly against: string;
  readonly abstain: string;
}

/** The `data` of each type. */
export interface NotificationData extends RoscaNotificationData, ShareNotificationData {
  'proposal.created': {
    proposalId: string;
    proposalType: string;
    description: string;
    proposer: string;
    votingEndsAt: string;
    quorumBps: number;
    thresholdBps: number;
    eligibleVoters: number;
  };
  'proposal.voting_ends_soon': { proposalId: string; description: string; votingEndsAt: string; notVoted: string[] };
  'proposal.passed': { proposalId: string; description: string; tally: TallyData; closedAt: string; early: boolean };
  'proposal.defeated': { proposalId: string; description: string; tally: TallyData; closedAt: string; quorumReached: boolean };
  'proposal.canceled': { proposalId: string; description: string; canceledBy: string; canceledAt: string };
  'proposal.vetoed': { proposalId: string; description: string; vetoedBy: string; reason: string; vetoedAt: string };
  'proposal.expired': { proposalId: string; description: string; expiredAt: string };
  'safe_transaction.signatures_needed': {
    proposalId: string | null;
    safeTxHash: string;
    threshold: number | null;
    signedBy: string[];
    /** The treasurers who still must sign. */
    missingSigners: string[];
  };
  /** A recorded signature the Safe refuses was set aside (it no longer blocks the others); its owner may sign again. */
  'safe_transaction.signature_dropped': { safeTxHash: string; signer: string; reason: string; droppedAt: string };
  /** The Safe transaction can never run as signed; the platform stopped trying. */
  'safe_transaction.execution_failed': {
    /** Null for the DAO's own setup transaction (an attached Safe enabling the timelock module). */
    proposalId: string | null;
    safeTxHash: string;
    nonce: string;
    reason: string;
    failedAt: string;
  };
  'timelock.scheduled': { proposalId: string | null; operationId: string; eta: string };
  'proposal.executed': { proposalId: string; description: string; txHash: string; executedAt: string };
  'proposal.execution_failed': { proposalId: string; description: string; reason: string; failedAt: string };
  'member.joined': { member: string; joinedAt: string };
  'member.suspended': { member: string; reason: string; suspendedBy: string; suspendedAt: string };
  'member.removed': { member: string; reason: string; proposalId: string; removedAt: string };
  'withdrawal.requested': {
    withdrawalId: string;
    member: string;
    amount: string;
    kind: string;
    status: string;
    proposalId: string | null;
    requestedAt: string;
  };
  'withdrawal.approved': { withdrawalId: string | null; proposalId: string; recipient: string; amount: string; approvedAt: string };
  'withdrawal.paid': { withdrawalId: string | null; member: string; amount: string; txHash: string; paidAt: string };
  /**
   * A chain reorganisation took away the block of a deposit or withdrawal notified before: its effect on the
   * member's balance is undone. If the new chain holds the same transaction, it is confirmed (and notified) again.
   */
  'chain.fact_retracted': {
    fact: 'deposit' | 'withdrawal';
    member: string;
    amount: string;
    txHash: string;
    blockNumber: string;
    /** The newest block both chains share. */
    rewoundTo: string;
    withdrawalId: string | null;
    retractedAt: string;
  };
  'webhook.endpoint_disabled': { endpointId: string; url: string; reason: 'gone' | 'failing'; disabledAt: string };
  /**
   * A worker processor could not apply an event of one of the DAO's streams and set that stream aside
   * (the rest of the platform carries on); an admin resumes it after a fix.
   */
  'processing.stream_quarantined': {
    processor: string;
    streamId: string;
    eventType: string;
    /** The failing event's log position. */
    failedAt: string;
    reason: string;
    quarantinedAt: string;
  };
  /**
   * The chain refused to deploy the DAO's contracts (e.g. the vault refused one of its settings). The
   * deployment is not retried: the DAO has no treasury until an operator fixes the cause.
   */
  'dao.deployment_failed': { reason: string; failedAt: string };
  /**
   * The platform's relayer, which pays for every DAO's transactions on the chain, fell below RELAYER_MIN_BALANCE:
   * top it up before it runs dry, or executions and payout claims stop. Sent to every DAO, once per crossing.
   */
  'relayer.balance_low': RelayerBalanceData;
  /** The relayer's balance is back at or above RELAYER_MIN_BALANCE. */
  'relayer.balance_restored': RelayerBalanceData;
}

export interface RelayerBalanceData {
  chainId: number;
  relayer: string;
  /** Native balance in wei when it was read (a decimal string). */
  balance: string;
  /** RELAYER_MIN_BALANCE in wei (a decimal string). */
  floor: string;
  observedAt: string;
}

/** What a webhook receives in the `standard` format (the JSON body), and what a Discord message is drawn from. */
export interface NotificationEnvelope<T extends NotificationType = NotificationType> {
  /** Stable across retries and redeliveries: deduplicate on it. Also the `webhook-id` header. */
  readonly id: string;
  readonly type: T;
  /** When the fact happened (the event's time), ISO-8601. */
  readonly timestamp: string;
  readonly daoId: string;
  /** The event's global log position, as a decimal string: order by it. */
  readonly logPosition: string;
  readonly eventId: string;
  /**
   * The absolute URL of the app page where the reader acts on it (under PUBLIC_URL): the proposal to vote on,
   * the Safe transaction to sign, the pool, the withdrawals, the DAO admin's page.
   */
  readonly link: string;
  readonly data: NotificationData[T];
}
