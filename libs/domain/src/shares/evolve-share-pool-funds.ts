import type { Address } from '../shared/address';
import { moveShares, settlePending, withPending } from './share-pool-moves';
import type { SharePoolEvent } from './share-pool-events';
import type { ExistingSharePool, StakePosition } from './share-pool-state';

export type FundsEvent = Extract<
  SharePoolEvent,
  {
    type:
      | 'ContributionRequested'
      | 'ContributionEscrowed'
      | 'ContributionFailed'
      | 'CrowdfundingReached'
      | 'CrowdfundingRefunded'
      | 'StakeRequested'
      | 'Staked'
      | 'StakeFailed'
      | 'UnstakeRequested'
      | 'Unstaked'
      | 'UnstakeFailed'
      | 'StakeSharesAccrued'
      | 'DistributionRecorded'
      | 'DistributionStreamStopped'
      | 'DistributionRoundCompleted';
  }
>;

const crowdfundingOf = (state: ExistingSharePool, type: string) => {
  if (!state.crowdfunding) throw new Error(`${type} in a pool without crowdfunding`);
  return state.crowdfunding;
};

const withStake = (state: ExistingSharePool, member: Address, position: StakePosition | null): ExistingSharePool => {
  const stakes = new Map(state.stakes);
  // A fully unstaked position keeps its carried fraction, as the contract does, for a later stake.
  if (position === null || (position.amount === 0n && position.carried === 0n)) stakes.delete(member);
  else stakes.set(member, position);
  return { ...state, stakes };
};

/** Folds the events of crowdfunding, staking and distributions. */
export const evolveSharePoolFunds = (state: ExistingSharePool, event: FundsEvent): ExistingSharePool => {
  switch (event.type) {
    case 'ContributionRequested': {
      const { key, contributor, amount } = event.data;
      return withPending(state, { kind: 'contribution', key, contributor, amount }, 0);
    }
    case 'ContributionEscrowed': {
      const { state: s, action } = settlePending(state, event.data.key, 'contribution', () => 0);
      const funding = crowdfundingOf(s, event.type);
      const contributions = new Map(funding.contributions);
      contributions.set(action.contributor, (contributions.get(action.contributor) ?? 0n) + action.amount);
      return { ...s, crowdfunding: { ...funding, contributions, raised: funding.raised + action.amount } };
    }
    case 'ContributionFailed':
      return settlePending(state, event.data.key, 'contribution', () => 0).state;
    case 'CrowdfundingReached': {
      const funding = crowdfundingOf(state, event.type);
      let s = state;
      for (const a of event.data.allocations) if (a.shares > 0) s = moveShares(s, null, a.contributor, a.shares);
      return { ...s, proceeds: s.proceeds + funding.raised, crowdfunding: { ...funding, outcome: 'reached' } };
    }
    case 'CrowdfundingRefunded':
      return { ...state, crowdfunding: { ...crowdfundingOf(state, event.type), outcome: 'refunded' } };
    case 'StakeRequested': {
      const { key, member, amount } = event.data;
      return withPending(state, { kind: 'stake', key, member, amount }, 0);
    }
    case 'Staked': {
      const { state: s, action } = settlePending(state, event.data.key, 'stake', () => 0);
      const position = s.stakes.get(action.member);
      return withStake(s, action.member, {
        amount: (position?.amount ?? 0n) + action.amount,
        since: event.data.stakedAt,
        carried: position?.carried ?? 0n,
      });
    }
    case 'UnstakeRequested': {
      const { key, member, amount } = event.data;
      return withPending(state, { kind: 'unstake', key, member, amount }, 0);
    }
    case 'Unstaked': {
      const { state: s, action } = settlePending(state, event.data.key, 'unstake', () => 0);
      const position = s.stakes.get(action.member);
      if (!position || position.amount < action.amount) throw new Error(`${action.member} unstaked more than they staked`);
      return withStake(s, action.member, { ...position, amount: position.amount - action.amount, since: event.data.unstakedAt });
    }
    case 'StakeFailed':
      return settlePending(state, event.data.key, 'stake', () => 0).state;
    case 'UnstakeFailed':
      return settlePending(state, event.data.key, 'unstake', () => 0).state;
    case 'StakeSharesAccrued': {
      const { member, shares, carried, accruedAt } = event.data;
      const position = state.stakes.get(member);
      if (!position) throw new Error(`${member} has no staking position`);
      const s = shares > 0 ? moveShares(state, null, member, shares) : state;
      return withStake(s, member, { ...position, since: accruedAt, carried });
    }
    case 'DistributionRecorded': {
      const { round, ledger, recordedAt } = event.data;
      const open = state.round && !state.round.completed ? state.round : { index: round, distributions: 0, stream: null, completed: false };
      const stream =
        ledger.kind === 'stream'
          ? ledger.flowRate === 0n
            ? null
            : { flowRate: ledger.flowRate, perUnitRate: ledger.perUnitRate, startedAt: open.stream?.startedAt ?? recordedAt }
          : open.stream;
      return {
        ...state,
        status: 'DISTRIBUTING',
        distributions: state.distributions + 1,
        round: { ...open, distributions: open.distributions + 1, stream },
      };
    }
    case 'DistributionStreamStopped': {
      if (!state.round) throw new Error('A stream stopped before any distribution');
      return { ...state, round: { ...state.round, stream: null } };
    }
    case 'DistributionRoundCompleted': {
      if (!state.round) throw new Error('A round completed before any distribution');
      return { ...state, status: 'COMPLETED', round: { ...state.round, completed: true } };
    }
  }
};
