import { latePenalty, roundEntries, type Address } from '@ayllu/domain';
import { contributionViewOf, openRound, penaltyStatusOf, sortedContributions, type PoolHistory } from './rotating-pool-view-of';

/**
 * One member's view of a pool (the seed's member dashboard): contribution history, what is due next and
 * what it costs if paid at `at` (penalty included), when they are projected to receive, penalty status and
 * what the pool holds of theirs. Null when the address never joined.
 */
export const poolMemberViewOf = (history: PoolHistory, address: Address, at: string) => {
  const { state } = history;
  const member = state.members.get(address);
  if (!member) return null;
  const config = state.configuration;
  const open = openRound(state);
  const schedule = roundEntries(history);
  const owesNow =
    open !== null && state.status === 'ACTIVE' && member.departed === null && state.round.contributions.get(address) === 'PENDING';
  const dueAt = open === null ? null : schedule[open].dueAt;
  const penalty = owesNow && dueAt !== null ? latePenalty(config, dueAt, at) : 0n;
  const bidding = config.rotationMethod === 'bidding';
  // Nothing more is paid out by a pool that has ended (a dissolution refunds instead).
  const waiting = member.receivedRound === null && member.departed === null && state.status !== 'DISSOLVED' && state.status !== 'COMPLETED';
  // Bidding pools: the member's bid for the open round (one per round), so they see it when they come back.
  const running = state.status === 'FORMING' ? null : state;
  const bid = bidding && open !== null && running !== null ? (running.round.bids.get(address) ?? null) : null;
  const slot = !waiting ? null : (schedule.find((r) => r.settledAt === null && r.kind === 'payout' && r.recipient === address) ?? null);
  return {
    poolId: state.poolId,
    member: address,
    poolStatus: state.status,
    joinedAt: member.joinedAt,
    departed: member.departed,
    strikes: member.strikes,
    penaltyStatus: penaltyStatusOf(member.strikes, member.departed),
    collateral: member.collateral.toString(),
    heldBack: member.heldBack.toString(),
    contributed: member.contributed.toString(),
    receivedRound: member.receivedRound,
    contributions: sortedContributions(history)
      .filter((c) => c.member === address)
      .map(contributionViewOf),
    nextDue:
      owesNow && dueAt !== null
        ? {
            round: open,
            dueAt,
            amount: config.contributionAmount.toString(),
            penaltyIfPaidNow: penalty.toString(),
            totalIfPaidNow: (config.contributionAmount + penalty).toString(),
            asOf: at,
          }
        : null,
    bid: bid === null || open === null ? null : { round: open, discountBps: bid },
    projectedPayout: !waiting
      ? null
      : bidding
        ? { round: null, dueAt: null, by: 'bid' as const }
        : slot === null
          ? null
          : { round: slot.round, dueAt: slot.dueAt, by: 'schedule' as const },
  };
};

export type PoolMemberView = NonNullable<ReturnType<typeof poolMemberViewOf>>;
