/** Ballot totals, in the proposal's weight unit (1 per member, or token balance). bigint only. */
export interface Tally {
  readonly for: bigint;
  readonly against: bigint;
  readonly abstain: bigint;
}

export const EMPTY_TALLY: Tally = { for: 0n, against: 0n, abstain: 0n };

export type VoteChoice = 'for' | 'against' | 'abstain';

export interface VotingRules {
  readonly totalEligibleWeight: bigint;
  readonly quorumBps: number;
  readonly thresholdBps: number;
}

/**
 * Quorum counts every ballot, abstentions included, and is met AT the boundary (≥): a quorum of 5100 bps
 * over 100 eligible is met by exactly 51.
 */
export const quorumReached = (tally: Tally, rules: VotingRules): boolean =>
  (tally.for + tally.against + tally.abstain) * 10_000n >= BigInt(rules.quorumBps) * rules.totalEligibleWeight;

/**
 * The threshold is STRICT (>) over for + against: with 5000 bps a tie fails ("more than half"), and with
 * 6000 bps exactly 60% fails. Abstentions count for quorum only, so abstain-only ballots never pass.
 */
export const thresholdPassed = (tally: Tally, rules: VotingRules): boolean =>
  tally.for * 10_000n > BigInt(rules.thresholdBps) * (tally.for + tally.against);

export const passes = (tally: Tally, rules: VotingRules): boolean => quorumReached(tally, rules) && thresholdPassed(tally, rules);

/**
 * Whether the outcome is already certain with `uncastWeight` still able to vote. The best case for
 * passing is all of it voting for; the worst is none of it voting (quorum may fail) or all of it voting
 * against. Weight already cast counts as final: a vote change is only possible while the proposal is open,
 * and early close ends it (the DAO opted into early close).
 */
export const outcomeDecided = (tally: Tally, uncastWeight: bigint, rules: VotingRules): boolean => {
  const couldPass = passes({ ...tally, for: tally.for + uncastWeight }, rules);
  const couldFail = !quorumReached(tally, rules) || !thresholdPassed({ ...tally, against: tally.against + uncastWeight }, rules);
  return !couldPass || !couldFail;
};

export const addBallot = (tally: Tally, choice: VoteChoice, weight: bigint): Tally => ({
  ...tally,
  [choice]: tally[choice] + weight,
});
