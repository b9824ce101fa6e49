import { streams } from '@ayllu/domain';
import type { RecordedEvent } from '@ayllu/event-store';
import type { NotificationData, NotificationType, StreamData } from './notification-types';
import { ratePerMonth } from './token-amount';

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
}

type Data = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const strOrNull = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);
const big = (v: unknown): bigint => {
  try {
    return typeof v === 'bigint' ? v : BigInt(str(v) || '0');
  } catch {
    return 0n;
  }
};
const tally = (v: unknown) => {
  const t = (v ?? {}) as Data;
  return { for: str(t.for ?? 0), against: str(t.against ?? 0), abstain: str(t.abstain ?? 0) };
};

/** The DAO an event belongs to: its stream, its data, or the proposal it names. */
export const daoIdOf = (event: RecordedEvent, proposal: ProposalInfo | null): string | null => {
  const daoId = streams.dao.parse(event.streamId);
  if (daoId !== null) return daoId;
  const data = (event.data ?? {}) as Data;
  if (typeof data.daoId === 'string') return data.daoId;
  return proposal?.daoId ?? null;
};

const one = <T extends NotificationType>(daoId: string, type: T, data: NotificationData[T]): MappedNotification[] => [
  { daoId, type, data } as MappedNotification,
];

/**
 * Stream data from a payout-stream event. Those events do not exist yet; they are read by name and
 * field so they flow as soon as they land: `flowRatePerSecond` (pool total), `members` as
 * `{ member, flowRatePerSecond }` or `{ member, units }` with `totalUnits`, optional `decimals`.
 */
const streamData = (data: Data, stopped: boolean): StreamData => {
  const decimals = typeof data.decimals === 'number' ? data.decimals : 18;
  const total = stopped ? 0n : big(data.flowRatePerSecond ?? data.totalFlowRatePerSecond ?? data.flowRate);
  const totalUnits = big(data.totalUnits);
  const members = stopped || !Array.isArray(data.members) ? [] : (data.members as Data[]);
  return {
    proposalId: strOrNull(data.proposalId),
    totalRatePerMonth: ratePerMonth(total, decimals),
    members: members.map((m) => {
      const own = m.flowRatePerSecond ?? m.flowRate;
      const rate = own !== undefined ? big(own) : totalUnits > 0n ? (total * big(m.units)) / totalUnits : 0n;
      return { member: str(m.member ?? m.address), ratePerMonth: ratePerMonth(rate, decimals) };
    }),
  };
};

/**
 * The notifications one event produces (most produce none). Governance events are typed in
 * libs/domain; execution events (Safe, timelock, payout stream) are matched by name until they exist.
 */
export const mapEvent = (event: RecordedEvent, proposal: ProposalInfo | null): MappedNotification[] => {
  const daoId = daoIdOf(event, proposal);
  if (!daoId) return [];
  const d = (event.data ?? {}) as Data;
  const proposalId = str(d.proposalId);
  const description = proposal?.description ?? str(d.description);
  switch (event.type) {
    case 'ProposalSubmitted':
      return one(daoId, 'proposal.created', {
        proposalId,
        proposalType: str(d.type),
        description: str(d.description),
        proposer: str(d.proposer),
        votingEndsAt: str(d.votingEndsAt),
        quorumBps: Number(d.quorumBps ?? 0),
        thresholdBps: Number(d.thresholdBps ?? 0),
        eligibleVoters: Array.isArray(d.eligibleVoters) ? d.eligibleVoters.length : 0,
      });
    case 'ProposalReminderDue':
      return one(daoId, 'proposal.voting_ends_soon', {
        proposalId,
        description,
        votingEndsAt: str(d.votingEndsAt),
        notVoted: strings(d.notVoted),
      });
    case 'ProposalSucceeded':
      return one(daoId, 'proposal.passed', {
        proposalId,
        description,
        tally: tally(d.tally),
        closedAt: str(d.closedAt),
        early: d.early === true,
      });
    case 'ProposalDefeated':
      return one(daoId, 'proposal.defeated', {
        proposalId,
        description,
        tally: tally(d.tally),
        closedAt: str(d.closedAt),
        quorumReached: d.quorumReached === true,
      });
    case 'ProposalCanceled':
      return one(daoId, 'proposal.canceled', { proposalId, description, canceledBy: str(d.canceledBy), canceledAt: str(d.canceledAt) });
    case 'ProposalVetoed':
      return one(daoId, 'proposal.vetoed', {
        proposalId,
        description,
        vetoedBy: str(d.vetoedBy),
        reason: str(d.reason),
        vetoedAt: str(d.vetoedAt),
      });
    case 'ProposalExpired':
      return one(daoId, 'proposal.expired', { proposalId, description, expiredAt: str(d.expiredAt) });
    case 'ProposalScheduled':
    case 'TimelockOperationScheduled':
      return one(daoId, 'timelock.scheduled', { proposalId: strOrNull(d.proposalId), operationId: str(d.operationId), eta: str(d.eta) });
    case 'ProposalExecuted':
      return one(daoId, 'proposal.executed', { proposalId, description, txHash: str(d.txHash), executedAt: str(d.executedAt) });
    case 'ProposalExecutionFailed':
      return one(daoId, 'proposal.execution_failed', { proposalId, description, reason: str(d.reason), failedAt: str(d.failedAt) });
    case 'SafeTransactionProposed':
    case 'SafeTransactionSigned':
    case 'SafeTransactionConfirmed': {
      const missing = strings(d.missingSigners ?? d.pendingSigners ?? d.remainingSigners);
      if (event.type !== 'SafeTransactionProposed' && missing.length === 0) return [];
      return one(daoId, 'safe_transaction.signatures_needed', {
        proposalId: strOrNull(d.proposalId),
        safeTxHash: str(d.safeTxHash),
        threshold: typeof d.threshold === 'number' ? d.threshold : null,
        signedBy: strings(d.signedBy ?? d.signers ?? d.confirmations),
        missingSigners: missing,
      });
    }
    case 'MemberActivated':
      return one(daoId, 'member.joined', { member: str(d.member), joinedAt: str(d.activatedAt) });
    case 'MemberAdmitted':
      return d.active === true ? one(daoId, 'member.joined', { member: str(d.member), joinedAt: str(d.admittedAt) }) : [];
    case 'MemberSuspended':
      return one(daoId, 'member.suspended', {
        member: str(d.member),
        reason: str(d.reason),
        suspendedBy: str(d.suspendedBy),
        suspendedAt: str(d.suspendedAt),
      });
    case 'MemberRemoved':
      return one(daoId, 'member.removed', { member: str(d.member), reason: str(d.reason), proposalId, removedAt: str(d.removedAt) });
    case 'WithdrawalRequested':
      return one(daoId, 'withdrawal.requested', {
        withdrawalId: str(d.withdrawalId),
        member: str(d.member),
        amount: big(d.amount).toString(),
        kind: str(d.kind),
        status: str(d.status),
        proposalId: strOrNull(d.proposalId),
        requestedAt: str(d.requestedAt),
      });
    case 'WithdrawalApproved':
      return one(daoId, 'withdrawal.approved', {
        withdrawalId: strOrNull(d.withdrawalId),
        proposalId,
        recipient: str(d.recipient),
        amount: big(d.amount).toString(),
        approvedAt: str(d.approvedAt),
      });
    case 'WithdrawalConfirmed':
      return one(daoId, 'withdrawal.paid', {
        withdrawalId: strOrNull(d.withdrawalId),
        member: str(d.member),
        amount: big(d.amount).toString(),
        txHash: str(d.txHash),
        paidAt: str(d.confirmedAt),
      });
    case 'PayoutStreamStarted':
      return one(daoId, 'stream.started', streamData(d, false));
    case 'PayoutStreamChanged':
    case 'PayoutStreamUpdated':
      return one(daoId, 'stream.changed', streamData(d, false));
    case 'PayoutStreamStopped':
      return one(daoId, 'stream.stopped', streamData(d, true));
    case 'WebhookEndpointDisabled':
      return one(daoId, 'webhook.endpoint_disabled', {
        endpointId: str(d.endpointId),
        url: str(d.url),
        reason: d.reason === 'gone' ? 'gone' : 'failing',
        disabledAt: str(d.disabledAt),
      });
    default:
      return [];
  }
};
