import { BallotBook, type Address, type Ballot, type ExistingProposal, type ProposalState } from '@ayllu/domain';
import { encodeJson, reviveBigints } from '@ayllu/event-store';

/**
 * How `rm_proposals.fold_state` stores a proposal's domain state: bigint-tagged JSON (the event store's codec)
 * without its two large maps, which the read model already holds: the eligible voters in `rules`, the ballots
 * that count in `rm_votes`. A vote then rewrites a few hundred bytes, not a copy of every voter and ballot.
 */
export const encodeProposalState = (state: ExistingProposal): string => {
  const { eligibleVoters: _voters, ballots: _ballots, ...rest } = state;
  return encodeJson(rest);
};

/** The two maps a stored fold state leaves out, read back from `rules` and `rm_votes`. */
export interface ProposalMaps {
  readonly eligibleVoters: ReadonlyMap<Address, bigint>;
  readonly ballots: ReadonlyMap<Address, Ballot>;
}

/** A stored fold state with its maps; a row written before the maps moved out still carries them itself. */
export const decodeProposalState = (stored: unknown, maps: ProposalMaps): ProposalState => {
  const plain = reviveBigints(stored) as Record<string, unknown>;
  return {
    ...plain,
    eligibleVoters: plain.eligibleVoters ? new Map(plain.eligibleVoters as [Address, bigint][]) : maps.eligibleVoters,
    ballots: plain.ballots ? BallotBook.of(plain.ballots as [Address, Ballot][]) : maps.ballots,
  } as unknown as ProposalState;
};

const ELIGIBLE_SQL = `p.rules->'eligibleVoters'`;
const BALLOTS_SQL = `(SELECT coalesce(json_agg(json_build_array(v.voter, v.choice, v.weight::text) ORDER BY v.version), '[]'::json)
   FROM rm_votes v WHERE v.proposal_id = p.id AND NOT v.replaced)`;

/**
 * Select-list items (on `rm_proposals p`) that read a proposal's two maps back: `eligible` from its frozen rules,
 * `ballots` as `[voter, choice, weight]` of the ballots that count (not replaced by a later one), in casting order.
 * With `when`, they are read only where it holds (null elsewhere: the ballots are not even aggregated).
 */
export const proposalMapsColumns = (when?: string): string =>
  when === undefined
    ? `${ELIGIBLE_SQL} AS eligible, ${BALLOTS_SQL} AS ballots`
    : `CASE WHEN ${when} THEN ${ELIGIBLE_SQL} END AS eligible, CASE WHEN ${when} THEN ${BALLOTS_SQL} END AS ballots`;

/** The columns proposalMapsColumns names, as pg returns them. */
export interface ProposalMapsRow {
  readonly eligible: readonly { voter: Address; weight: string }[] | null;
  readonly ballots: readonly [Address, Ballot['choice'], string][] | null;
}

export const proposalMapsOf = (row: ProposalMapsRow): ProposalMaps => ({
  eligibleVoters: new Map((row.eligible ?? []).map((v) => [v.voter, BigInt(v.weight)])),
  ballots: BallotBook.of((row.ballots ?? []).map(([voter, choice, weight]) => [voter, { choice, weight: BigInt(weight) }] as const)),
});
