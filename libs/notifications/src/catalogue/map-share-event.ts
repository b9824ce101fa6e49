import type { SharePoolEvent } from '@ayllu/domain';
import type { RecordedEventOf } from '@ayllu/event-store';
import type { NotificationData, NotificationType } from './notification-types';

/** What the outbox knows of a share pool for its events, which name only the pool: from its SharePoolCreated. */
export interface SharePoolInfo {
  readonly daoId: string;
  readonly purchaseToken: string | null;
  readonly distributionToken: string;
}

export const NOTIFYING_SHARE_EVENT_TYPES = [
  'SharesPurchased',
  'JoinRequestApproved',
  'JoinRequestRejected',
  'SharesGranted',
  'CrowdfundingReached',
  'CrowdfundingRefunded',
  'DistributionRecorded',
  'DistributionStreamStopped',
  'SharePoolPaused',
  'SharePoolResumed',
  'SharePoolOperatorChanged',
] as const satisfies readonly SharePoolEvent['type'][];

type NotifyingShareEvent = RecordedEventOf<Extract<SharePoolEvent, { type: (typeof NOTIFYING_SHARE_EVENT_TYPES)[number] }>>;

const shareTypes = new Set<string>(NOTIFYING_SHARE_EVENT_TYPES);
export const isShareEvent = (event: { readonly type: string }): event is NotifyingShareEvent => shareTypes.has(event.type);

export interface ShareNotification<T extends NotificationType = NotificationType> {
  readonly type: T;
  readonly data: NotificationData[T];
}

const n = <T extends NotificationType>(type: T, data: NotificationData[T]): ShareNotification[] => [{ type, data } as ShareNotification];

export const mapShareEvent = (event: NotifyingShareEvent, poolId: string, info: SharePoolInfo): ShareNotification[] => {
  switch (event.type) {
    case 'SharesPurchased': {
      const { buyer, shares, cost, txHash, purchasedAt } = event.data;
      return n('share.purchase_confirmed', {
        poolId,
        member: buyer,
        shares,
        cost: cost.toString(),
        token: info.purchaseToken,
        txHash,
        purchasedAt,
      });
    }
    case 'JoinRequestApproved': {
      const { member, shares, approvedBy, approvedAt } = event.data;
      return n('share.join_approved', { poolId, member, shares, approvedBy, approvedAt });
    }
    case 'JoinRequestRejected': {
      const { member, reason, rejectedBy, rejectedAt } = event.data;
      return n('share.join_rejected', { poolId, member, reason, rejectedBy, rejectedAt });
    }
    case 'SharesGranted': {
      // Grants for a request were announced by its approval; a code's grant is its redemption.
      if (event.data.via !== 'code') return [];
      const { to, shares, txHash, grantedAt } = event.data;
      return n('share.code_redeemed', { poolId, member: to, shares, txHash, redeemedAt: grantedAt });
    }
    case 'CrowdfundingReached': {
      const { raised, target, allocations, txHash, reachedAt } = event.data;
      return n('share.crowdfunding_reached', {
        poolId,
        raised: raised.toString(),
        target: target.toString(),
        token: info.purchaseToken,
        allocations: allocations.map((a) => ({ contributor: a.contributor, amount: a.amount.toString(), shares: a.shares })),
        txHash,
        reachedAt,
      });
    }
    case 'CrowdfundingRefunded': {
      const { raised, target, refunds, deferred, txHash, refundedAt } = event.data;
      const amounts = (list: typeof refunds) => list.map((r) => ({ contributor: r.contributor, amount: r.amount.toString() }));
      return n('share.crowdfunding_refunded', {
        poolId,
        raised: raised.toString(),
        target: target.toString(),
        token: info.purchaseToken,
        refunds: amounts(refunds),
        deferred: amounts(deferred),
        txHash,
        refundedAt,
      });
    }
    case 'DistributionRecorded': {
      const { round, ledger, txHash, recordedAt, holdingsDisagreement } = event.data;
      const token = info.distributionToken;
      // Only a difference is news: an agreeing or an old record adds nothing.
      const differed = holdingsDisagreement?.length ? { holdingsDisagreement: holdingsDisagreement.map((d) => ({ ...d })) } : {};
      if (ledger.kind === 'instant')
        return n('share.distribution_paid', {
          poolId,
          round,
          token,
          amount: ledger.amount.toString(),
          perShare: ledger.perUnit.toString(),
          payments: ledger.payments.map((p) => ({ holder: p.holder, shares: p.shares, amount: p.amount.toString() })),
          kept: ledger.kept.toString(),
          leftWithDistributor: ledger.leftWithDistributor.toString(),
          txHash,
          recordedAt,
          ...differed,
        });
      return n('share.stream_started', {
        poolId,
        round,
        token,
        flowRate: ledger.flowRate.toString(),
        perShareRate: ledger.perUnitRate.toString(),
        rates: ledger.rates.map((r) => ({ holder: r.holder, shares: r.shares, rate: r.rate.toString() })),
        keptRate: ledger.keptRate.toString(),
        txHash,
        recordedAt,
        ...differed,
      });
    }
    case 'DistributionStreamStopped': {
      const { round, txHash, stoppedAt } = event.data;
      return n('share.stream_stopped', { poolId, round, token: info.distributionToken, txHash, stoppedAt });
    }
    case 'SharePoolPaused': {
      const { pausedBy, txHash, pausedAt } = event.data;
      return n('share.paused', { poolId, pausedBy, txHash, pausedAt });
    }
    case 'SharePoolResumed': {
      const { resumedBy, txHash, resumedAt } = event.data;
      return n('share.resumed', { poolId, resumedBy, txHash, resumedAt });
    }
    case 'SharePoolOperatorChanged': {
      const { previous, operator, changedBy, txHash, changedAt } = event.data;
      return n('share.operator_changed', { poolId, previous, operator, changedBy, txHash, changedAt });
    }
  }
};
