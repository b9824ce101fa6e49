import { streams, type DomainEvent, type RelayerEvent, type Tally } from '@ayllu/domain';
import type { RecordedEvent, RecordedEventOf } from '@ayllu/event-store';
import { isRoscaEvent, mapRoscaEvent, NOTIFYING_ROSCA_EVENT_TYPES, type RoscaPoolInfo } from './map-rosca-event';
import { isShareEvent, mapShareEvent, NOTIFYING_SHARE_EVENT_TYPES, type SharePoolInfo } from './map-share-event';
import type { NotificationData, NotificationType, TallyData } from './notification-types';

/** What the outbox remembers of a proposal from its ProposalSubmitted, for events that only name it. */
export interface ProposalInfo {
  readonly daoId: string;
  readonly type: string;
  readonly description: string;
}

export interface MappedNotification<T extends NotificationType = NotificationType> {
  readonly daoId: string;
  readonly type: T;
  readonly data: NotificationData[T];
  /** Set on the second notification one event makes for one DAO, so that it gets an id of its own (outboxId). */
  readonly discriminator?: string;
}

/** The domain events that produce notifications; every other event produces none. */
export const NOTIFYING_EVENT_TYPES = [
  'ProposalSubmitted',
  'ProposalReminderDue',
  'ProposalSucceeded',
  'ProposalDefeated',
  'ProposalCanceled',
  'ProposalVetoed',
  'ProposalExpired',
  'ProposalScheduled',
  'TimelockOperationScheduled',
  'ProposalExecuted',
  'ProposalExecutionFailed',
  'SafeTransactionProposed',
  'SafeTransactionSignatureDropped',
  'SafeTransactionAbandoned',
  'MemberActivated',
  'MemberAdmitted',
  'MemberSuspended',
  'MemberRemoved',
  'WithdrawalRequested',
  'WithdrawalApproved',
  'WithdrawalConfirmed',
  'ChainFactRetracted',
  'WebhookEndpointDisabled',
  'StreamQuarantined',
  'DaoDeploymentFailed',
  'RelayerBalanceLow',
  'RelayerBalanceRestored',
  ...NOTIFYING_ROSCA_EVENT_TYPES,
  ...NOTIFYING_SHARE_EVENT_TYPES,
] as const satisfies readonly DomainEvent['type'][];

export type NotifyingEventType = (typeof NOTIFYING_EVENT_TYPES)[number];
/** A recorded event of a notifying type, its data typed by the domain. */
export type NotifyingEvent = RecordedEventOf<Extract<DomainEvent, { type: NotifyingEventType }>>;

const notifying = new Set<string>(NOTIFYING_EVENT_TYPES);
/** The log's contract: an event's type says the shape of its data (the domain defines both). */
export const isNotifying = (event: RecordedEvent): event is NotifyingEvent => notifying.has(event.type);

/** The DAO an event belongs to: its stream, its data, or the proposal it names. */
export const daoIdOf = (event: NotifyingEvent, proposal: ProposalInfo | null): string | null => {
  const daoId = streams.dao.parse(event.streamId) ?? streams.treasury.parse(event.streamId);
  if (daoId !== null) return daoId;
  if ('daoId' in event.data && typeof event.data.daoId === 'string') return event.data.daoId;
  return proposal?.daoId ?? null;
};

const one = <T extends NotificationType>(daoId: string, type: T, data: NotificationData[T]): MappedNotification[] => [
  { daoId, type, data } as MappedNotification,
];

const tally = (t: Tally): TallyData => ({
  for: t.for.toString(),
  against: t.against.toString(),
  abstain: t.abstain.toString(),
});

/** Events about the platform's relayer: no DAO's own, they go to every DAO on the chain. */
export const isRelayerEvent = (event: NotifyingEvent): event is RecordedEventOf<RelayerEvent> =>
  event.type === 'RelayerBalanceLow' || event.type === 'RelayerBalanceRestored';

/**
 * The notifications one event produces (most produce none). Fields are read through the domain's types,
 * so renaming an event's field fails to compile here instead of sending an empty notification field.
 * `chainDaos` are the DAOs a relayer event goes to (every DAO on the relayer's chain); `pool` is what the
 * outbox knows of a rotating or share pool's event (their events name only the pool: without it they notify nobody).
 */
export const mapEvent = (
  event: RecordedEvent,
  proposal: ProposalInfo | null,
  chainDaos: readonly string[] = [],
  pool: RoscaPoolInfo | SharePoolInfo | null = null,
): MappedNotification[] => (isNotifying(event) ? mapNotifying(event, proposal, chainDaos, pool) : []);

const mapNotifying = (
  event: NotifyingEvent,
  proposal: ProposalInfo | null,
  chainDaos: readonly string[],
  pool: RoscaPoolInfo | SharePoolInfo | null,
): MappedNotification[] => {
  if (isRoscaEvent(event)) {
    const poolId = streams.rosca.parse(event.streamId);
    if (poolId === null || pool === null || !('contributionAmount' in pool)) return [];
    return mapRoscaEvent(event, poolId, pool).map((n) => ({ daoId: pool.daoId, ...n }) as MappedNotification);
  }
  if (isShareEvent(event)) {
    const poolId = streams.sharePool.parse(event.streamId);
    if (poolId === null || pool === null || !('distributionToken' in pool)) return [];
    return mapShareEvent(event, poolId, pool).map((n) => ({ daoId: pool.daoId, ...n }) as MappedNotification);
  }
  if (isRelayerEvent(event)) {
    const { chainId, relayer, balance, floor, observedAt } = event.data;
    const type = event.type === 'RelayerBalanceLow' ? 'relayer.balance_low' : 'relayer.balance_restored';
    const data = { chainId, relayer, balance: balance.toString(), floor: floor.toString(), observedAt };
    return chainDaos.map((daoId) => ({ daoId, type, data }));
  }
  const daoId = daoIdOf(event, proposal);
  if (!daoId) return [];
  // Events that only name their proposal take its description from the proposal's submission.
  const description = proposal?.description ?? '';
  switch (event.type) {
    case 'ProposalSubmitted': {
      const d = event.data;
      return one(daoId, 'proposal.created', {
        proposalId: d.proposalId,
        proposalType: d.type,
        description: d.description,
        proposer: d.proposer,
        votingEndsAt: d.votingEndsAt,
        quorumBps: d.quorumBps,
        thresholdBps: d.thresholdBps,
        eligibleVoters: d.eligibleVoters.length,
      });
    }
    case 'ProposalReminderDue': {
      const { proposalId, votingEndsAt, notVoted } = event.data;
      return one(daoId, 'proposal.voting_ends_soon', { proposalId, description, votingEndsAt, notVoted: [...notVoted] });
    }
    case 'ProposalSucceeded': {
      const { proposalId, closedAt, early } = event.data;
      return one(daoId, 'proposal.passed', { proposalId, description, tally: tally(event.data.tally), closedAt, early });
    }
    case 'ProposalDefeated': {
      const { proposalId, closedAt, quorumReached } = event.data;
      return one(daoId, 'proposal.defeated', { proposalId, description, tally: tally(event.data.tally), closedAt, quorumReached });
    }
    case 'ProposalCanceled': {
      const { proposalId, canceledBy, canceledAt } = event.data;
      return one(daoId, 'proposal.canceled', { proposalId, description, canceledBy, canceledAt });
    }
    case 'ProposalVetoed': {
      const { proposalId, vetoedBy, reason, vetoedAt } = event.data;
      return one(daoId, 'proposal.vetoed', { proposalId, description, vetoedBy, reason, vetoedAt });
    }
    case 'ProposalExpired':
      return one(daoId, 'proposal.expired', { proposalId: event.data.proposalId, description, expiredAt: event.data.expiredAt });
    case 'ProposalScheduled':
    case 'TimelockOperationScheduled': {
      const { proposalId, operationId, eta } = event.data;
      return one(daoId, 'timelock.scheduled', { proposalId, operationId, eta });
    }
    case 'ProposalExecuted': {
      const { proposalId, txHash, executedAt } = event.data;
      return one(daoId, 'proposal.executed', { proposalId, description, txHash, executedAt });
    }
    case 'ProposalExecutionFailed': {
      const { proposalId, reason, failedAt } = event.data;
      return one(daoId, 'proposal.execution_failed', { proposalId, description, reason, failedAt });
    }
    case 'SafeTransactionProposed':
      // The event names no signers or threshold (the Safe's owners are on the DAO's contracts record):
      // receivers learn that signatures are needed, not whose.
      return one(daoId, 'safe_transaction.signatures_needed', {
        proposalId: event.data.proposalId,
        safeTxHash: event.data.safeTxHash,
        threshold: null,
        signedBy: [],
        missingSigners: [],
      });
    case 'SafeTransactionSignatureDropped': {
      const { safeTxHash, signer, reason, droppedAt } = event.data;
      return one(daoId, 'safe_transaction.signature_dropped', { safeTxHash, signer, reason, droppedAt });
    }
    case 'SafeTransactionAbandoned': {
      const { proposalId, safeTxHash, nonce, reason, abandonedAt } = event.data;
      return one(daoId, 'safe_transaction.execution_failed', {
        proposalId,
        safeTxHash,
        nonce: nonce.toString(),
        reason,
        failedAt: abandonedAt,
      });
    }
    case 'MemberActivated':
      return one(daoId, 'member.joined', { member: event.data.member, joinedAt: event.data.activatedAt });
    case 'MemberAdmitted':
      // Admitted but waiting for a first deposit: joined once MemberActivated follows.
      return event.data.active ? one(daoId, 'member.joined', { member: event.data.member, joinedAt: event.data.admittedAt }) : [];
    case 'MemberSuspended': {
      const { member, reason, suspendedBy, suspendedAt } = event.data;
      return one(daoId, 'member.suspended', { member, reason, suspendedBy, suspendedAt });
    }
    case 'MemberRemoved': {
      const { member, reason, proposalId, removedAt } = event.data;
      return one(daoId, 'member.removed', { member, reason, proposalId, removedAt });
    }
    case 'WithdrawalRequested': {
      const d = event.data;
      return one(daoId, 'withdrawal.requested', {
        withdrawalId: d.withdrawalId,
        member: d.member,
        amount: d.amount.toString(),
        kind: d.kind,
        status: d.status,
        proposalId: d.proposalId ?? null,
        requestedAt: d.requestedAt,
      });
    }
    case 'WithdrawalApproved': {
      const d = event.data;
      return one(daoId, 'withdrawal.approved', {
        withdrawalId: d.withdrawalId ?? null,
        proposalId: d.proposalId,
        recipient: d.recipient,
        amount: d.amount.toString(),
        approvedAt: d.approvedAt,
      });
    }
    case 'WithdrawalConfirmed': {
      const d = event.data;
      return one(daoId, 'withdrawal.paid', {
        withdrawalId: d.withdrawalId ?? null,
        member: d.member,
        amount: d.amount.toString(),
        txHash: d.txHash,
        paidAt: d.confirmedAt,
      });
    }
    case 'ChainFactRetracted': {
      const d = event.data;
      return one(daoId, 'chain.fact_retracted', {
        fact: d.fact === 'DepositConfirmed' ? 'deposit' : 'withdrawal',
        member: d.member,
        amount: d.amount.toString(),
        txHash: d.txHash,
        blockNumber: d.blockNumber.toString(),
        rewoundTo: d.rewoundTo.toString(),
        withdrawalId: d.withdrawalId,
        retractedAt: d.retractedAt,
      });
    }
    case 'WebhookEndpointDisabled': {
      const { endpointId, url, reason, disabledAt } = event.data;
      return one(daoId, 'webhook.endpoint_disabled', { endpointId, url, reason, disabledAt });
    }
    case 'StreamQuarantined': {
      const { processor, streamId, eventType, logPosition, reason, quarantinedAt } = event.data;
      return one(daoId, 'processing.stream_quarantined', { processor, streamId, eventType, failedAt: logPosition, reason, quarantinedAt });
    }
    case 'DaoDeploymentFailed': {
      const { reason, failedAt } = event.data;
      return one(daoId, 'dao.deployment_failed', { reason, failedAt });
    }
  }
};
