import { streams, proposalDecider, type ExistingProposal, type ProposalState } from '@ayllu/domain';
import { decodeProposalState, proposalMapsColumns, proposalMapsOf, type ProposalMapsRow } from '@ayllu/platform';
import type { PoolClient } from 'pg';
import { processor, type ProcessorMemory } from '../../processing/processor';
import { insertBallots, insertProposals, updateProposals, type BallotRow, type ProposalTouch } from './proposal-rows';

interface Loaded {
  readonly state: ProposalState;
  readonly submittedPosition: bigint;
  /** The stream version the state is folded to; a remembered state is used only while the row still says it. */
  readonly version: number;
}

/** Proposals remembered between batches (a 1,000-voter proposal is not read back per batch of its votes). */
const REMEMBERED = 5_000;

/**
 * Proposals (`rm_proposals`: type, payload, frozen rules, live tally, state, deadlines) and every ballot
 * (`rm_votes`). Like the DAO projection, a batch folds each touched proposal in memory with the domain's
 * `evolve` and writes the results with one statement per table. A proposal's state is remembered between
 * batches and used again while its row's version is the one remembered, so the batches of a proposal's votes
 * read a version number back instead of every voter and ballot.
 */
export const proposalsProjection = processor({
  name: 'proposals',
  tables: ['rm_proposals', 'rm_votes'],
  canHandle: streams.proposal.eventTypes,
  async handle(tx, events, memory) {
    const mine = events.filter((e) => streams.proposal.parse(e.streamId) !== null);
    if (mine.length === 0) return;
    const remembered = memory as Map<string, Loaded>;
    const states = await loadProposals(tx, [...new Set(mine.map((e) => streams.proposal.parse(e.streamId)!))], remembered);
    const stored = new Set(states.keys());
    const touched = new Map<string, ProposalTouch>();
    const ballots: BallotRow[] = [];
    for (const event of mine) {
      const id = streams.proposal.parse(event.streamId)!;
      const before = states.get(id) ?? { state: proposalDecider.initialState(), submittedPosition: event.position, version: 0 };
      const state = proposalDecider.evolve(before.state, event);
      if (state.status === 'Absent') continue;
      states.set(id, { state, submittedPosition: before.submittedPosition, version: event.version });
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
    const all = [...touched.values()];
    await insertProposals(
      tx,
      all.filter((t) => !stored.has(t.state.proposalId)),
    );
    await updateProposals(
      tx,
      all.filter((t) => stored.has(t.state.proposalId)),
    );
    await insertBallots(tx, ballots);
    remember(remembered, touched, states);
  },
});

/** Kept only once written; a batch that rolls back leaves versions its rows never reach, so they are not used. */
const remember = (memory: Map<string, Loaded>, touched: ReadonlyMap<string, ProposalTouch>, states: ReadonlyMap<string, Loaded>) => {
  if (memory.size + touched.size > REMEMBERED) memory.clear();
  for (const id of touched.keys()) memory.set(id, states.get(id)!);
};

interface ProposalRow extends ProposalMapsRow {
  id: string;
  version: number;
  submitted_position: string;
  /** Null (and the maps too) when the remembered state is at the row's version. */
  fold_state: unknown;
}

/** The row has moved on from what is remembered of it (or nothing is). */
const STALE = 'p.version IS DISTINCT FROM m.version';

/** The proposals' states: remembered where the row's version matches, else read back with their maps. */
const loadProposals = async (tx: PoolClient, ids: readonly string[], memory: ProcessorMemory): Promise<Map<string, Loaded>> => {
  const known = ids.filter((id) => memory.has(id));
  const { rows } = await tx.query<ProposalRow>(
    `SELECT p.id, p.version, p.submitted_position,
            CASE WHEN ${STALE} THEN p.fold_state END AS fold_state, ${proposalMapsColumns(STALE)}
     FROM rm_proposals p LEFT JOIN unnest($2::text[], $3::int[]) AS m(id, version) ON m.id = p.id
     WHERE p.id = ANY($1)`,
    [ids, known, known.map((id) => (memory.get(id) as Loaded).version)],
  );
  return new Map(
    rows.map((r): [string, Loaded] =>
      r.fold_state === null
        ? [r.id, memory.get(r.id) as Loaded]
        : [
            r.id,
            {
              state: decodeProposalState(r.fold_state, proposalMapsOf(r)),
              submittedPosition: BigInt(r.submitted_position),
              version: r.version,
            },
          ],
    ),
  );
};
