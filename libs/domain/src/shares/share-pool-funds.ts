import type { Address } from '../shared/address';
import { DomainError } from '../shared/domain-error';
import { isHash, type Hash } from '../shared/hex';
import { isAtOrAfter } from '../shared/time';
import { allocateCrowdfunding } from './crowdfunding-allocation';
import { MAX_CONTRIBUTORS } from './share-pool-configuration';
import type { AccrueStakeShares, ContributeToCrowdfunding, FinalizeCrowdfunding, Stake, Unstake } from './share-pool-commands';
import type { SharePoolEvent, StakeSharesAccrued } from './share-pool-events';
import {
  addressIn,
  admitted,
  amountIn,
  deployed,
  instantIn,
  live,
  nextKey,
  notPaused,
  openWayIn,
  roomFor,
  wayIs,
} from './share-pool-guards';
import { isStaking, unstaking, type ExistingSharePool, type SharePoolState } from './share-pool-state';
import { stakeAccrual } from './stake-accrual';

const disagree = (what: string) =>
  new DomainError('SHARE_POOL.CHAIN_DISAGREES', `The contract's ${what} differs from the log's: nothing was recorded`, 'conflict');

const txIn = (value: unknown): Hash => {
  if (!isHash(value))
    throw new DomainError('SHARE_POOL.INVALID_TX', 'A transaction hash is required', 'invalid', [
      { field: 'txHash', message: 'must be a 32-byte hash' },
    ]);
  return value;
};

/** A member's signed contribution to an open crowdfunding, escrowed by the worker's `contribute`. */
export const contributeToCrowdfunding = (command: ContributeToCrowdfunding, state: SharePoolState): SharePoolEvent[] => {
  const { now } = command.metadata;
  const s = openWayIn(state, 'crowdfunding', now);
  notPaused(s);
  const funding = s.crowdfunding!;
  const { deadline } = s.configuration.crowdfunding!;
  if (funding.outcome !== null || isAtOrAfter(now, deadline))
    throw new DomainError('SHARE_POOL.CROWDFUNDING_CLOSED', `The crowdfunding closed (deadline ${deadline})`, 'conflict');
  const contributor = addressIn(command.data.contributor, 'contributor');
  const amount = amountIn(command.data.amount, 'amount');
  admitted(s, contributor, now, command.data.observedBalances, 'contributor');
  roomFor(s, contributor);
  const contributors = new Set([...funding.contributions.keys()]);
  for (const p of s.pending.values()) if (p.kind === 'contribution') contributors.add(p.contributor);
  if (!contributors.has(contributor) && contributors.size >= MAX_CONTRIBUTORS)
    throw new DomainError('SHARE_POOL.FULL', `The crowdfunding has its maximum of ${MAX_CONTRIBUTORS} contributors`, 'conflict');
  return [{ type: 'ContributionRequested', data: { key: nextKey(s, 'contribution'), contributor, amount, requestedAt: now } }];
};

/**
 * After the contract's `finalizeCrowdfunding()`: reached (escrow ≥ target, at any time) allocates the shares available
 * now by allocateCrowdfunding; missed (the deadline passed below the target) refunds every contributor in full.
 * Waits for contributions still under way; a second finalization is a no-op.
 */
export const finalizeCrowdfunding = (command: FinalizeCrowdfunding, state: SharePoolState): SharePoolEvent[] => {
  const s = live(state);
  wayIs(s, 'crowdfunding');
  deployed(s);
  const funding = s.crowdfunding!;
  if (funding.outcome !== null) return [];
  const txHash = txIn(command.data.txHash);
  if ([...s.pending.values()].some((p) => p.kind === 'contribution'))
    throw new DomainError('SHARE_POOL.CONTRIBUTIONS_PENDING', 'Contributions are still under way: confirm or fail them first', 'conflict');
  const { target, deadline } = s.configuration.crowdfunding!;
  const now = command.metadata.now;
  const contributions = [...funding.contributions].map(([contributor, amount]) => ({ contributor, amount }));
  if (funding.raised >= target) {
    const allocations = allocateCrowdfunding(contributions, s.available);
    const chain = command.data.allocations;
    if (chain !== undefined) {
      const byContributor = new Map(chain.map((a) => [addressIn(a.contributor, 'allocations').toLowerCase(), a.shares]));
      if (allocations.some((a) => (byContributor.get(a.contributor.toLowerCase()) ?? 0) !== a.shares)) throw disagree('allocation');
    }
    return [{ type: 'CrowdfundingReached', data: { raised: funding.raised, target, allocations, txHash, reachedAt: now } }];
  }
  if (!isAtOrAfter(now, deadline))
    throw new DomainError(
      'SHARE_POOL.CROWDFUNDING_RUNNING',
      `The target is not reached and the deadline ${deadline} has not passed`,
      'conflict',
    );
  const deferred = (command.data.deferred ?? []).map((d) => ({ contributor: addressIn(d.contributor, 'deferred'), amount: d.amount }));
  return [
    { type: 'CrowdfundingRefunded', data: { raised: funding.raised, target, refunds: contributions, deferred, txHash, refundedAt: now } },
  ];
};

/** A member's signed stake: the worker's `stake` pulls the tokens and the position starts earning. */
export const stake = (command: Stake, state: SharePoolState): SharePoolEvent[] => {
  const { now } = command.metadata;
  const s = openWayIn(state, 'staking', now);
  notPaused(s);
  const member = addressIn(command.data.member, 'member');
  const amount = amountIn(command.data.amount, 'amount');
  if (!isStaking(s, member)) admitted(s, member, now, command.data.observedBalances, 'member');
  roomFor(s, member);
  return [{ type: 'StakeRequested', data: { key: nextKey(s, 'stake'), member, amount, requestedAt: now } }];
};

/** A member's signed unstake of part or all of their position (what earlier requests have not claimed). Allowed after expiry. */
export const unstake = (command: Unstake, state: SharePoolState): SharePoolEvent[] => {
  const s = live(state);
  wayIs(s, 'staking');
  deployed(s);
  const member = addressIn(command.data.member, 'member');
  const amount = amountIn(command.data.amount, 'amount');
  const position = s.stakes.get(member);
  const free = (position?.amount ?? 0n) - unstaking(s, member);
  if (amount > free)
    throw new DomainError('SHARE_POOL.NOT_ENOUGH_STAKED', `${member} can unstake at most ${free}`, 'conflict', [
      { field: 'amount', message: `must be at most ${free}, what ${member} has staked and not already asked back` },
    ]);
  return [{ type: 'UnstakeRequested', data: { key: nextKey(s, 'unstake'), member, amount, requestedAt: command.metadata.now } }];
};

/**
 * The touch of `member`'s position at `at` (a block's time): stakeAccrual from the position's last touch, capped by
 * the shares available. Null when the member has no position. `chainShares`, when given, must match.
 */
export const accrual = (
  s: ExistingSharePool,
  member: Address,
  at: string,
  txHash: Hash,
  chainShares?: number,
): StakeSharesAccrued | null => {
  const position = s.stakes.get(member);
  if (!position) {
    if (chainShares !== undefined && chainShares !== 0) throw disagree('accrual');
    return null;
  }
  // A block time before the last touch (logs read out of order) earns nothing and leaves the touch where it was.
  const touched = Date.parse(at) < Date.parse(position.since) ? position.since : at;
  const seconds = Math.floor((Date.parse(touched) - Date.parse(position.since)) / 1000);
  const { shares, carried, capped } = stakeAccrual({
    amount: position.amount,
    seconds,
    ratePerTokenSecond: s.configuration.staking!.ratePerTokenSecond,
    carried: position.carried,
    cap: s.available,
  });
  if (chainShares !== undefined && chainShares !== shares) throw disagree('accrual');
  return { type: 'StakeSharesAccrued', data: { member, shares, carried, seconds, capped, txHash, accruedAt: touched } };
};

/** Someone called `accrue(member)` on chain: the position's shares so far are granted. */
export const accrueStakeShares = (command: AccrueStakeShares, state: SharePoolState): SharePoolEvent[] => {
  const s = live(state);
  wayIs(s, 'staking');
  const member = addressIn(command.data.member, 'member');
  const at = instantIn(command.data.at, 'at');
  if (!isStaking(s, member))
    throw new DomainError('SHARE_POOL.NO_STAKE', `${member} has nothing staked`, 'conflict', [
      { field: 'member', message: 'has nothing staked in this pool' },
    ]);
  const accrued = accrual(s, member, at, txIn(command.data.txHash), command.data.chainShares)!;
  return [accrued];
};
