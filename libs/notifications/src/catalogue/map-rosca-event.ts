import type { RoscaEvent } from '@ayllu/domain';
import type { RecordedEventOf } from '@ayllu/event-store';
import type { NotificationData, NotificationType } from './notification-types';

/**
 * What the outbox knows of a rotating pool for its events, which name only the pool: the DAO and the
 * contribution (from the pool's RotatingPoolCreated) and, for a settlement's confirmation, what it settled.
 */
export interface RoscaPoolInfo {
  readonly daoId: string;
  readonly contributionAmount: bigint;
  readonly rotationMethod: string;
  /** Only for RotatingPoolEffectConfirmed of a round: that round's RoundSettled. */
  readonly settlement: { readonly kind: 'payout' | 'refund'; readonly recipient: string; readonly paid: bigint } | null;
}

export const NOTIFYING_ROSCA_EVENT_TYPES = [
  'RotatingPoolStarted',
  'RoundAnnounced',
  'ContributionPaid',
  'ContributionsLate',
  'ContributionDefaulted',
  'RotatingPoolEffectConfirmed',
  'RotatingPoolMemberDeparted',
  'RotatingPoolCompleted',
  'RotatingPoolDissolved',
] as const satisfies readonly RoscaEvent['type'][];

type NotifyingRoscaEvent = RecordedEventOf<Extract<RoscaEvent, { type: (typeof NOTIFYING_ROSCA_EVENT_TYPES)[number] }>>;

const roscaTypes = new Set<string>(NOTIFYING_ROSCA_EVENT_TYPES);
export const isRoscaEvent = (event: { readonly type: string }): event is NotifyingRoscaEvent => roscaTypes.has(event.type);

/** The round a settlement's chain effect settled (its key is `round-<n>`), or null for another effect. */
export const settledRoundOf = (key: string): number | null => {
  const match = /^round-(\d+)$/.exec(key);
  return match ? Number(match[1]) : null;
};

/**
 * A notification of a rotating pool. `discriminator` tells apart two notifications one event makes for one DAO
 * (a payment due and the recipient's own "your round"; a payment and its penalty), so each gets its own id.
 */
export interface RoscaNotification<T extends NotificationType = NotificationType> {
  readonly type: T;
  readonly data: NotificationData[T];
  readonly discriminator?: string;
}

const n = <T extends NotificationType>(type: T, data: NotificationData[T], discriminator?: string): RoscaNotification =>
  ({ type, data, ...(discriminator ? { discriminator } : {}) }) as RoscaNotification;

export const mapRoscaEvent = (event: NotifyingRoscaEvent, poolId: string, info: RoscaPoolInfo): RoscaNotification[] => {
  switch (event.type) {
    case 'RotatingPoolStarted': {
      const d = event.data;
      return [
        n('rosca.pool_started', {
          poolId,
          rotationMethod: info.rotationMethod,
          rounds: d.order.length,
          recipients: d.order.map((s) => (s.kind === 'open' ? null : s.member)),
          firstDueAt: d.firstDueAt,
          startedAt: d.startedAt,
        }),
      ];
    }
    case 'RoundAnnounced': {
      const { round, dueAt, recipient, announcedAt } = event.data;
      const due = n('rosca.payment_due', { poolId, round, dueAt, amount: info.contributionAmount.toString(), recipient, announcedAt });
      return recipient === null
        ? [due]
        : [due, n('rosca.payout_round', { poolId, round, member: recipient, dueAt, announcedAt }, 'payout_round')];
    }
    case 'ContributionPaid': {
      const { round, member, amount, penalty, timing, strike, paidAt } = event.data;
      const paid = n('rosca.contribution_paid', {
        poolId,
        round,
        member,
        amount: amount.toString(),
        penalty: penalty.toString(),
        timing,
        paidAt,
      });
      return penalty > 0n
        ? [paid, n('rosca.contribution_penalized', { poolId, round, member, penalty: penalty.toString(), strike, paidAt }, 'penalized')]
        : [paid];
    }
    case 'ContributionsLate': {
      const { round, members, graceEndsAt, markedAt } = event.data;
      return [n('rosca.contributions_late', { poolId, round, members: [...members], graceEndsAt, markedAt })];
    }
    case 'ContributionDefaulted': {
      const { round, member, fromCollateral, fromHoldback, strike } = event.data;
      return [
        n('rosca.contribution_defaulted', {
          poolId,
          round,
          member,
          fromCollateral: fromCollateral.toString(),
          fromHoldback: fromHoldback.toString(),
          strike,
        }),
      ];
    }
    case 'RotatingPoolEffectConfirmed': {
      const round = settledRoundOf(event.data.key);
      if (round === null) return [];
      const { txHash, payments, fee, confirmedAt } = event.data;
      const s = info.settlement;
      return [
        n('rosca.payout_sent', {
          poolId,
          round,
          kind: s?.kind ?? null,
          recipient: s?.recipient ?? null,
          amount: s === null ? null : s.paid.toString(),
          fee: fee.toString(),
          payments: payments.map((p) => ({ member: p.member, amount: p.amount.toString() })),
          txHash,
          confirmedAt,
        }),
      ];
    }
    case 'RotatingPoolMemberDeparted': {
      const d = event.data;
      return [
        n('rosca.member_departed', {
          poolId,
          member: d.member,
          reason: d.reason,
          round: d.round,
          returnedNow: d.returnedNow.toString(),
          penalty: d.penalty.toString(),
          slashed: d.slashed.toString(),
          bannedFromDao: d.bannedFromDao,
          departedAt: d.departedAt,
        }),
      ];
    }
    case 'RotatingPoolCompleted':
      return [n('rosca.pool_completed', { poolId, completedAt: event.data.completedAt })];
    case 'RotatingPoolDissolved': {
      const { balance, refunds, dissolvedAt } = event.data;
      return [
        n('rosca.pool_dissolved', {
          poolId,
          balance: balance.toString(),
          refunds: refunds.map((r) => ({ member: r.member, amount: r.amount.toString() })),
          dissolvedAt,
        }),
      ];
    }
  }
};
