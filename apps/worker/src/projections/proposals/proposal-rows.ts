import type { ExistingProposal, VoteCast } from '@ayllu/domain';
import type { PoolClient } from 'pg';
import { toPlainJson } from '../plain-json';
import { encodeProposalState } from '@ayllu/platform';

export interface ProposalTouch {
  readonly state: ExistingProposal;
  readonly submittedPosition: bigint;
  readonly version: number;
  readonly position: bigint;
  readonly updatedAt: Date;
}

/** The rules frozen at submission, as the read model shows them. */
export const frozenRules = (p: ExistingProposal) =>
  toPlainJson({
    votingType: p.votingType,
    quorumBps: p.quorumBps,
    thresholdBps: p.thresholdBps,
    totalEligibleWeight: p.totalEligibleWeight,
    eligibleVoters: [...p.eligibleVoters].map(([voter, weight]) => ({ voter, weight })),
    allowVoteChange: p.allowVoteChange,
    earlyClose: p.earlyClose,
    executionWindowSeconds: p.executionWindowSeconds,
  });

/** Proposals the batch submitted, every column (the frozen rules and payload are written once, here). */
export const insertProposals = async (tx: PoolClient, touched: readonly ProposalTouch[]): Promise<void> => {
  if (touched.length === 0) return;
  const col = <T>(f: (t: ProposalTouch) => T) => touched.map(f);
  await tx.query(
    `INSERT INTO rm_proposals (id, dao_id, type, state, proposer, payload, rules, tally_for, tally_against, tally_abstain,
                               voting_starts_at, voting_ends_at, submitted_position, fold_state, updated_at, version, last_position)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[],
                          $8::numeric[], $9::numeric[], $10::numeric[], $11::timestamptz[], $12::timestamptz[],
                          $13::bigint[], $14::jsonb[], $15::timestamptz[], $16::int[], $17::bigint[])
     ON CONFLICT (id) DO UPDATE SET
       state = EXCLUDED.state, tally_for = EXCLUDED.tally_for, tally_against = EXCLUDED.tally_against,
       tally_abstain = EXCLUDED.tally_abstain, fold_state = EXCLUDED.fold_state, updated_at = EXCLUDED.updated_at,
       version = EXCLUDED.version, last_position = EXCLUDED.last_position`,
    [
      col((t) => t.state.proposalId),
      col((t) => t.state.daoId),
      col((t) => t.state.type),
      col((t) => t.state.status),
      col((t) => t.state.proposer),
      col((t) => JSON.stringify(toPlainJson(t.state.payload))),
      col((t) => JSON.stringify(frozenRules(t.state))),
      ...progressColumns(touched),
      col((t) => t.state.votingStartsAt),
      col((t) => t.state.votingEndsAt),
      col((t) => t.submittedPosition.toString()),
      ...foldColumns(touched),
    ],
  );
};

/** Proposals already in the read model: only what a later event can change (state, tally, fold state). */
export const updateProposals = async (tx: PoolClient, touched: readonly ProposalTouch[]): Promise<void> => {
  if (touched.length === 0) return;
  await tx.query(
    `UPDATE rm_proposals p SET
       state = u.state, tally_for = u.tally_for, tally_against = u.tally_against, tally_abstain = u.tally_abstain,
       fold_state = u.fold_state, updated_at = u.updated_at, version = u.version, last_position = u.last_position
     FROM unnest($1::text[], $2::text[], $3::numeric[], $4::numeric[], $5::numeric[], $6::jsonb[], $7::timestamptz[],
                 $8::int[], $9::bigint[])
       AS u(id, state, tally_for, tally_against, tally_abstain, fold_state, updated_at, version, last_position)
     WHERE p.id = u.id`,
    [touched.map((t) => t.state.proposalId), touched.map((t) => t.state.status), ...progressColumns(touched), ...foldColumns(touched)],
  );
};

const progressColumns = (touched: readonly ProposalTouch[]) => [
  touched.map((t) => t.state.tally.for.toString()),
  touched.map((t) => t.state.tally.against.toString()),
  touched.map((t) => t.state.tally.abstain.toString()),
];

const foldColumns = (touched: readonly ProposalTouch[]) => [
  touched.map((t) => encodeProposalState(t.state)),
  touched.map((t) => t.updatedAt.toISOString()),
  touched.map((t) => t.version),
  touched.map((t) => t.position.toString()),
];

export interface BallotRow {
  readonly daoId: string;
  readonly vote: VoteCast['data'];
  readonly version: number;
  readonly position: bigint;
}

/**
 * Inserts the batch's ballots, then marks every earlier ballot of a voter who voted again as replaced:
 * the log keeps every ballot, the read model says which one counts.
 */
export const insertBallots = async (tx: PoolClient, ballots: readonly BallotRow[]): Promise<void> => {
  if (ballots.length === 0) return;
  const col = <T>(f: (b: BallotRow) => T) => ballots.map(f);
  await tx.query(
    `INSERT INTO rm_votes (proposal_id, version, dao_id, voter, choice, weight, replaces, cast_at, position)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::text[],
                          $8::timestamptz[], $9::bigint[])`,
    [
      col((b) => b.vote.proposalId),
      col((b) => b.version),
      col((b) => b.daoId),
      col((b) => b.vote.voter),
      col((b) => b.vote.choice),
      col((b) => b.vote.weight.toString()),
      col((b) => b.vote.replaces),
      col((b) => b.vote.castAt),
      col((b) => b.position.toString()),
    ],
  );
  const changes = ballots.filter((b) => b.vote.replaces !== null);
  if (changes.length === 0) return;
  await tx.query(
    `UPDATE rm_votes v SET replaced = true
     FROM unnest($1::text[], $2::text[], $3::int[]) AS n(proposal_id, voter, version)
     WHERE v.proposal_id = n.proposal_id AND v.voter = n.voter AND v.version < n.version AND NOT v.replaced`,
    [changes.map((b) => b.vote.proposalId), changes.map((b) => b.vote.voter), changes.map((b) => b.version)],
  );
};
