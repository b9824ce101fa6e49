import type { Address } from '../shared/address';
import type { Hash } from '../shared/hex';
import type { RotatingPoolConfiguration } from './rosca-configuration';
import type { ChainEffect } from './rosca-effects';
import type { RotationSlot } from './rosca-events';

export type ContributionStatus = 'PENDING' | 'PAID' | 'LATE' | 'DEFAULTED' | 'EXCUSED';

export interface RoscaMember {
  readonly address: Address;
  readonly joinedAt: string;
  readonly commitment: Hash | null;
  readonly secret: Hash | null;
  /** Held by the pool. */
  readonly collateral: bigint;
  /** Held back from the member's payout until their remaining contributions are covered. */
  readonly heldBack: bigint;
  /** Contributions credited to the member: paid, or taken from their cover on a default. */
  readonly contributed: bigint;
  readonly receivedRound: number | null;
  readonly strikes: number;
  readonly departed: 'exit' | 'expelled' | null;
}

export interface CurrentRound {
  readonly index: number;
  readonly dueAt: string;
  readonly contributions: ReadonlyMap<Address, ContributionStatus>;
  /** Contributions paid or covered this round, held until it settles. */
  readonly collected: bigint;
  /** Late penalties, exit penalties and slashed collateral: paid out with the round's pot. */
  readonly income: bigint;
  readonly bids: ReadonlyMap<Address, number>;
  /** Members who asked to pay this round before its due time. */
  readonly earlyRequests: ReadonlySet<Address>;
  readonly announced: boolean;
  readonly lateMarked: boolean;
}

/** Every token the pool took and gave, to the wei: in = out + fees + held. */
export interface RoscaLedger {
  readonly tokensIn: bigint;
  readonly tokensOut: bigint;
  readonly fees: bigint;
}

export interface RoscaRecord {
  readonly poolId: string;
  readonly configuration: RotatingPoolConfiguration;
  /** In join order. */
  readonly members: ReadonlyMap<Address, RoscaMember>;
  readonly ledger: RoscaLedger;
  /** The pool's custody contract, once deployed. */
  readonly contract: Address | null;
  /** The ERC-4626 strategy the contract invests in (fixed at its deployment); null = none. */
  readonly strategy: Address | null;
  /** Nothing happened on the contract before this block: where reading its logs starts. */
  readonly contractBlock: bigint | null;
  /** Signed joins whose collateral the worker has yet to pull. */
  readonly pendingJoins: ReadonlyMap<Address, { readonly commitment: Hash | null; readonly requestedAt: string }>;
  /** Consensus pools: each member's latest vote for an order. */
  readonly orderVotes: ReadonlyMap<Address, readonly Address[]>;
  /** What the contract must do, in log order (rosca-effects.ts). */
  readonly effects: readonly ChainEffect[];
}

export interface RunningRecord extends RoscaRecord {
  readonly rounds: number;
  readonly order: readonly RotationSlot[];
  readonly firstDueAt: string;
  readonly round: CurrentRound;
  /** Contributions prepaid by departed members and refund-round surplus, paying departed members' shares. */
  readonly reserve: bigint;
  readonly dissolutionVotes: ReadonlySet<Address>;
}

/** FORMING → ACTIVE → COMPLETED, or ACTIVE → EMERGENCY → ACTIVE | DISSOLVED. */
export type RoscaState =
  | { readonly status: 'ABSENT' }
  | (RoscaRecord & { readonly status: 'FORMING' })
  | (RunningRecord & { readonly status: 'ACTIVE' })
  | (RunningRecord & { readonly status: 'EMERGENCY' })
  | (RunningRecord & { readonly status: 'COMPLETED'; readonly completedAt: string })
  | (RunningRecord & { readonly status: 'DISSOLVED'; readonly dissolvedAt: string });

export type RunningState = Extract<RoscaState, { status: 'ACTIVE' | 'EMERGENCY' }>;

export const initialRoscaState = (): RoscaState => ({ status: 'ABSENT' });

/** What the pool holds, summed from its parts (never from the ledger), so conservation is a real check. */
export const poolHeld = (state: RoscaState): bigint => {
  if (state.status === 'ABSENT') return 0n;
  let held = 0n;
  for (const m of state.members.values()) held += m.collateral + m.heldBack;
  if (state.status === 'FORMING') return held;
  return held + state.round.collected + state.round.income + state.reserve;
};

export const activeMembers = (state: RoscaRecord): RoscaMember[] => [...state.members.values()].filter((m) => m.departed === null);

/** Rounds after the current one whose contributions a member still owes, × the contribution. */
export const owedAfter = (state: RunningRecord, round: number): bigint =>
  BigInt(Math.max(0, state.rounds - 1 - round)) * state.configuration.contributionAmount;

export const dueAtOf = (state: RunningRecord, round: number): string =>
  new Date(Date.parse(state.firstDueAt) + round * state.configuration.rotationIntervalSeconds * 1000).toISOString();
