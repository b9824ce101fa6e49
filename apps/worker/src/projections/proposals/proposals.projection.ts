import { streams, proposalDecider, type ExistingProposal, type ProposalState } from '@ayllu/domain';
import type { PoolClient } from 'pg';
import { processor } from '../../processing/processor';
import { decodeProposalState } from './proposal-fold-state';
import { insertBallots, upsertProposals, type BallotRow, type ProposalTouch } from './proposal-rows';

interface Loaded {
  readonly state: ProposalState;
  readonly submittedPosition: bigint;
}

/**
 * Proposals (`rm_proposals`: type, payload, frozen rules, live tally, state, deadlines) and every ballot
 * (`rm_votes`). Like the DAO projection, a batch folds each touched proposal in memory with the domain's
 * `evolve` and writes the results with one statement per table.
 */
export const proposalsProjection = processor({
  name: 'proposals',
  tables: ['rm_proposals', 'rm_votes'],
  canHandle: streams.proposal.eventTypes,
  async handle(tx, events) {
    const mine = events.filter((e) => streams.proposal.parse(e.streamId) !== null);
    if (mine.length === 0) return;
    const states = await loadProposals(tx, [...new Set(mine.map((e) => streams.proposal.parse(e.streamId)!))]);
    const touched = new Map<string, ProposalTouch>();
    const ballots: BallotRow[] = [];
    for (const event of mine) {
      const id = streams.proposal.parse(event.streamId)!;
      const before = states.get(id) ?? { state: proposalDecider.initialState(), submittedPosition: event.position };
      const state = proposalDecider.evolve(before.state, event);
      if (state.status === 'Absent') continue;
      states.set(id, { state, submittedPosition: before.submittedPosition });
      touched.set(id, {
        state: state as ExistingProposal,
        submittedPosition: before.submittedPosition,
        version: event.version,
        position: event.position,
        updatedAt: event.recordedAt,
      });
      if (event.type === 'VoteCast')
        ballots.push({ daoId: state.daoId, vote: event.data, version: event.version, position: event.position });
    }
    await upsertProposals(tx, [...touched.values()]);
    await insertBallots(tx, ballots);
  },
});

const loadProposals = async (tx: PoolClient, ids: readonly string[]): Promise<Map<string, Loaded>> => {
  const { rows } = await tx.query<{ id: string; fold_state: unknown; submitted_position: string }>(
    'SELECT id, fold_state, submitted_position FROM rm_proposals WHERE id = ANY($1)',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { state: decodeProposalState(r.fold_state), submittedPosition: BigInt(r.submitted_position) }]));
};
