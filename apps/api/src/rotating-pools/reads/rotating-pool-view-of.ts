import {
  roscaTotals,
  roundEntries,
  STRIKES_TO_EXPEL,
  type Address,
  type ContributionEntry,
  type RoscaHistory,
  type RoscaState,
} from '@ayllu/domain';

/**
 * The pure builders of the rotating-pool views: one function from a pool's read-side history (folded from
 * the log, or restored from the read model) to what the API answers, so both paths answer alike.
 * Amounts are decimal strings in the token's smallest unit.
 */
export type ExistingRosca = Exclude<RoscaState, { status: 'ABSENT' }>;
export type PoolHistory = RoscaHistory & { readonly state: ExistingRosca };

export const str = (n: bigint | null): string | null => (n === null ? null : n.toString());
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));

const running = (state: ExistingRosca) => (state.status === 'FORMING' ? null : state);

/** The seed's escalation: first late payment a warning, the second puts the collateral at risk, the third expels. */
export const penaltyStatusOf = (strikes: number, departed: 'exit' | 'expelled' | null): string =>
  departed === 'expelled' || strikes >= STRIKES_TO_EXPEL
    ? 'expelled'
    : strikes >= 2
      ? 'collateral-at-risk'
      : strikes === 1
        ? 'warning'
        : 'good-standing';

/** The round the pool is on, or null before it starts and once it has ended. */
export const openRound = (state: ExistingRosca): number | null => {
  const s = running(state);
  if (s === null || (s.status !== 'ACTIVE' && s.status !== 'EMERGENCY') || s.round.index >= s.rounds) return null;
  return s.round.index;
};

const roundState = (state: ExistingRosca, round: number, settled: boolean): string => {
  if (settled) return 'settled';
  if (state.status === 'DISSOLVED') return 'cancelled';
  const open = openRound(state);
  return open === round ? 'open' : 'upcoming';
};

const addSeconds = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

export const nextPayoutOf = (history: PoolHistory) => {
  const open = openRound(history.state);
  if (open === null) return null;
  const entry = roundEntries(history)[open];
  return {
    round: open,
    dueAt: entry.dueAt,
    /** The round settles at the latest when its grace period ends (earlier once everyone has paid). */
    settlesBy: addSeconds(entry.dueAt, history.state.configuration.gracePeriodSeconds),
    kind: entry.kind,
    recipient: entry.recipient,
  };
};

/** A pool in a list: no per-member or per-round detail. */
export const poolSummaryOf = (history: PoolHistory) => {
  const { state } = history;
  const totals = roscaTotals(history);
  const s = running(state);
  return {
    poolId: state.poolId,
    daoId: state.configuration.daoId,
    status: state.status,
    rotationMethod: state.configuration.rotationMethod,
    contractAddress: state.contract,
    strategy: state.strategy ?? null,
    createdAt: history.createdAt,
    configuration: plain(state.configuration) as Record<string, unknown>,
    activeMembers: [...state.members.values()].filter((m) => m.departed === null).length,
    rounds: s?.rounds ?? null,
    currentRound: openRound(state),
    nextPayout: nextPayoutOf(history),
    totalVolume: totals.totalVolume.toString(),
    held: totals.held.toString(),
  };
};

/** On-time rate over decided contributions (paid on time / paid, paid late or defaulted), in basis points. */
const onTime = (contributions: readonly ContributionEntry[]) => {
  const decided = contributions.filter((c) => c.status === 'PAID' || c.status === 'LATE' || c.status === 'DEFAULTED');
  const onTimeCount = decided.filter((c) => c.status === 'PAID').length;
  return {
    onTimePaymentRateBps: decided.length === 0 ? null : Math.floor((onTimeCount * 10_000) / decided.length),
    paymentsOnTime: onTimeCount,
    paymentsDecided: decided.length,
  };
};

/** Contributions in round order, then in the pool's join order. */
export const sortedContributions = (history: PoolHistory): ContributionEntry[] => {
  const joinOrder = new Map([...history.state.members.keys()].map((a, i) => [a, i]));
  return [...history.contributions.values()].sort(
    (a, b) => a.round - b.round || (joinOrder.get(a.member) ?? 0) - (joinOrder.get(b.member) ?? 0),
  );
};

export const contributionViewOf = (c: ContributionEntry) => ({
  round: c.round,
  member: c.member,
  status: c.status,
  amount: c.amount.toString(),
  penalty: c.penalty.toString(),
  timing: c.timing,
  paidAt: c.paidAt,
});

/** The pool with its schedule, members and the seed's transparency dashboard. */
export const poolViewOf = (history: PoolHistory) => {
  const { state } = history;
  const s = running(state);
  const totals = roscaTotals(history);
  const contributions = sortedContributions(history);
  const lottery = state.configuration.rotationMethod === 'lottery';
  const consensus = state.configuration.rotationMethod === 'consensus';
  return {
    ...poolSummaryOf(history),
    members: [...state.members.values()].map((m) => ({
      address: m.address,
      joinedAt: m.joinedAt,
      collateral: m.collateral.toString(),
      heldBack: m.heldBack.toString(),
      contributed: m.contributed.toString(),
      receivedRound: m.receivedRound,
      strikes: m.strikes,
      penaltyStatus: penaltyStatusOf(m.strikes, m.departed),
      departed: m.departed,
    })),
    pendingJoins: [...state.pendingJoins].map(([member, p]) => ({ member, requestedAt: p.requestedAt })),
    firstDueAt: s?.firstDueAt ?? null,
    schedule: roundEntries(history).map((r) => ({
      round: r.round,
      dueAt: r.dueAt,
      kind: r.kind,
      recipient: r.recipient,
      state: roundState(state, r.round, r.settledAt !== null),
      settledAt: r.settledAt,
      gross: str(r.gross),
      fee: str(r.fee),
      paid: str(r.paid),
      discountBps: r.discountBps,
      yieldEarned: str(r.yieldEarned),
      txHash: r.txHash,
    })),
    contributions: contributions.map(contributionViewOf),
    dashboard: {
      ...onTime(contributions),
      currentRound: openRound(state),
      nextPayout: nextPayoutOf(history),
      totalVolume: totals.totalVolume.toString(),
      yieldEarned: totals.yieldEarned.toString(),
      fees: totals.fees.toString(),
      held: totals.held.toString(),
      reserve: s === null ? '0' : s.reserve.toString(),
    },
    effects: state.effects.map((e) => {
      const confirmation = history.confirmations.get(e.key);
      return {
        key: e.key,
        kind: e.kind,
        confirmed: e.confirmed,
        txHash: confirmation?.txHash ?? null,
        confirmedAt: confirmation?.confirmedAt ?? null,
        payments: e.kind === 'begin' ? [] : e.payments.map((p) => ({ member: p.member, amount: p.amount.toString() })),
        surplus: (confirmation?.surplus ?? 0n).toString(),
      };
    }),
    lottery: lottery
      ? {
          commitments: [...state.members.values()].map((m) => ({ member: m.address, commitment: m.commitment, secret: m.secret })),
          draw: history.draw === null ? null : (plain(history.draw) as { members: Address[]; secrets: string[]; unrevealed?: Address[] }),
        }
      : null,
    consensus: consensus
      ? {
          votes: [...state.orderVotes].map(([member, order]) => ({ member, order: [...order] })),
          adoptedOrderVotes: history.adoptedOrderVotes,
        }
      : null,
    dissolutionVotes: s === null ? [] : [...s.dissolutionVotes],
  };
};

export type PoolView = ReturnType<typeof poolViewOf>;
export type PoolSummary = ReturnType<typeof poolSummaryOf>;
