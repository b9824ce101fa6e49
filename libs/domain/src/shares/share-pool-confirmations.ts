import { DomainError } from '../shared/domain-error';
import { isHash } from '../shared/hex';
import type { ConfirmSharePoolAction, FailSharePoolAction } from './share-pool-commands';
import type { SharePoolEvent } from './share-pool-events';
import { existing, instantIn, reasonIn } from './share-pool-guards';
import { accrual } from './share-pool-funds';
import type { ExistingSharePool, PendingAction, SharePoolState } from './share-pool-state';

const KEY = /^[a-z]+-(\d+)$/;

/** A key the pool handed out earlier (its action already confirmed or failed), as opposed to one it never made. */
const handedOut = (s: ExistingSharePool, key: string): boolean => {
  const match = KEY.exec(key);
  return match !== null && Number(match[1]) < s.nextKey;
};

/** The pending action of `key`; null when it was settled before (a retried report decides nothing). */
const pendingOf = (s: ExistingSharePool, key: unknown): PendingAction | null => {
  const action = typeof key === 'string' ? s.pending.get(key) : undefined;
  if (action) return action;
  if (typeof key === 'string' && handedOut(s, key)) return null;
  throw new DomainError('SHARE_POOL.NO_SUCH_ACTION', `No chain action ${String(key)} in this pool`, 'not-found', [
    { field: 'key', message: 'is not a key this pool handed out' },
  ]);
};

/**
 * The worker's report that a pending action's chain call succeeded: the shares or tokens moved on chain, and the
 * log records it. A stake or unstake touches the member's position first (StakeSharesAccrued at the block's time).
 */
export const confirmSharePoolAction = (command: ConfirmSharePoolAction, state: SharePoolState): SharePoolEvent[] => {
  const s = existing(state);
  const action = pendingOf(s, command.data.key);
  if (action === null) return [];
  const { txHash, chainShares } = command.data;
  if (!isHash(txHash))
    throw new DomainError('SHARE_POOL.INVALID_TX', 'A transaction hash is required', 'invalid', [
      { field: 'txHash', message: 'must be a 32-byte hash' },
    ]);
  const at = command.data.at === undefined ? command.metadata.now : instantIn(command.data.at, 'at');
  const key = action.key;
  switch (action.kind) {
    case 'purchase':
      return [
        { type: 'SharesPurchased', data: { key, buyer: action.buyer, shares: action.shares, cost: action.cost, txHash, purchasedAt: at } },
      ];
    case 'grant':
      return [{ type: 'SharesGranted', data: { key, to: action.to, shares: action.shares, via: action.via, txHash, grantedAt: at } }];
    case 'transfer':
      return [
        { type: 'SharesTransferred', data: { key, from: action.from, to: action.to, shares: action.shares, txHash, transferredAt: at } },
      ];
    case 'contribution':
      return [
        { type: 'ContributionEscrowed', data: { key, contributor: action.contributor, amount: action.amount, txHash, escrowedAt: at } },
      ];
    case 'stake': {
      const accrued = accrual(s, action.member, at, txHash, chainShares);
      const stakedAt = accrued?.data.accruedAt ?? at;
      return [
        ...(accrued ? [accrued] : []),
        { type: 'Staked', data: { key, member: action.member, amount: action.amount, txHash, stakedAt } },
      ];
    }
    case 'unstake': {
      const accrued = accrual(s, action.member, at, txHash, chainShares);
      const unstakedAt = accrued?.data.accruedAt ?? at;
      return [
        ...(accrued ? [accrued] : []),
        { type: 'Unstaked', data: { key, member: action.member, amount: action.amount, txHash, unstakedAt } },
      ];
    }
  }
};

/** The chain refused a pending action: nothing moved; what it reserved is free again. */
export const failSharePoolAction = (command: FailSharePoolAction, state: SharePoolState): SharePoolEvent[] => {
  const s = existing(state);
  const action = pendingOf(s, command.data.key);
  if (action === null) return [];
  const reason = reasonIn(command.data.reason);
  const base = { key: action.key, reason, failedAt: command.metadata.now };
  switch (action.kind) {
    case 'purchase':
      return [{ type: 'SharePurchaseFailed', data: { ...base, buyer: action.buyer } }];
    case 'grant':
      return [{ type: 'ShareGrantFailed', data: { ...base, to: action.to, via: action.via } }];
    case 'transfer':
      return [{ type: 'ShareTransferFailed', data: { ...base, from: action.from, to: action.to } }];
    case 'contribution':
      return [{ type: 'ContributionFailed', data: { ...base, contributor: action.contributor } }];
    case 'stake':
      return [{ type: 'StakeFailed', data: { ...base, member: action.member } }];
    case 'unstake':
      return [{ type: 'UnstakeFailed', data: { ...base, member: action.member } }];
  }
};
