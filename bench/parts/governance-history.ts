import {
  streams,
  castVote,
  daoDecider,
  proposalDecider,
  submitProposal,
  toChecksumAddress,
  type DaoEvent,
  type DaoState,
  type ProposalEvent,
  type ProposalState,
} from '@ayllu/domain';
import { encodeJson, reviveBigints, type PostgresEventStore, type StreamWrite } from '@ayllu/event-store';

export interface HistoryShape {
  readonly members: number;
  readonly proposalsPerDao: number;
}

const address = (i: number) => toChecksumAddress(`0x${(i + 1).toString(16).padStart(8, '0')}${'5eed'.repeat(8)}`);
const iso = (base: number, seconds: number) => new Date(base + seconds * 1000).toISOString();

/**
 * One DAO's history decided by the domain itself (CreateDao, SubmitProposal, CastVote folded in memory),
 * so the events are exactly what the API would append: a democratic DAO of `members` founders,
 * `proposalsPerDao` proposals, every member voting on every proposal.
 */
const daoIdOf = (index: number) => `dao_bench${index.toString().padStart(19, '0')}`;
const proposalPrefixOf = (index: number) => `prop_b${index.toString(16).padStart(12, '0')}`;

export const daoHistory = (index: number, shape: HistoryShape, base: number): StreamWrite[] => {
  const daoId = daoIdOf(index);
  const members = Array.from({ length: shape.members }, (_, i) => address(i));
  let dao: DaoState = daoDecider.initialState();
  const daoEvents: DaoEvent[] = [];
  const addDao = (events: readonly DaoEvent[]) => {
    for (const e of events) dao = daoDecider.evolve(dao, e);
    daoEvents.push(...events);
  };
  addDao(
    daoDecider.decide(
      {
        type: 'CreateDao',
        data: { daoId, name: `Bench DAO ${index}`, founders: members },
        metadata: { now: iso(base, 0), actor: 'admin:bench' },
      },
      dao,
    ) as DaoEvent[],
  );
  const proposalWrites: StreamWrite[] = [];
  for (let p = 0; p < shape.proposalsPerDao; p++) {
    const proposalId = `${proposalPrefixOf(index)}${p.toString(16).padStart(6, '0')}`;
    let proposal: ProposalState = proposalDecider.initialState();
    const proposalEvents: ProposalEvent[] = [];
    const apply = (decided: { dao: readonly DaoEvent[]; proposal: readonly ProposalEvent[] }) => {
      addDao(decided.dao);
      for (const e of decided.proposal) proposal = proposalDecider.evolve(proposal, e);
      proposalEvents.push(...decided.proposal);
    };
    const proposer = members[p % members.length];
    apply(
      submitProposal(
        {
          type: 'SubmitProposal',
          data: { proposalId, proposer, type: 'CHANGE_STRATEGY', payload: { strategy: address(10_000 + p) } },
          metadata: { now: iso(base, 10 + p), actor: proposer },
        },
        dao,
      ),
    );
    members.forEach((voter, v) =>
      apply(
        castVote(
          {
            type: 'CastVote',
            data: { proposalId, voter, choice: v % 4 === 0 ? 'against' : 'for' },
            metadata: { now: iso(base, 100 + v), actor: voter },
          },
          proposal,
          dao,
        ),
      ),
    );
    proposalWrites.push({ streamId: streams.proposal.of(proposalId).streamId, expectedVersion: 'any', events: proposalEvents });
  }
  // The DAO stream first, so every proposal's DAO exists when a projection reaches it.
  return [{ streamId: streams.dao.of(daoId).streamId, expectedVersion: 'any', events: daoEvents }, ...proposalWrites];
};

/**
 * Appends DAO histories through our store (a few DAOs per append) until at least `target` events are in.
 * Returns how many events were appended.
 */
export const seedGovernanceLog = async (
  store: PostgresEventStore,
  target: number,
  shape: HistoryShape,
  onProgress?: (events: number) => void,
): Promise<number> => {
  const base = Date.UTC(2026, 10, 1);
  let appended = 0;
  let pending: StreamWrite[] = [];
  let pendingEvents = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await store.append(pending, { actor: 'system:bench', correlationId: '00000000-0000-4000-8000-000000000000', occurredAt: iso(base, 0) });
    appended += pendingEvents;
    pending = [];
    pendingEvents = 0;
    onProgress?.(appended);
  };
  // Deciding costs ~170 ms per 1,000-event DAO here, so one DAO is decided and the others are copies
  // of it under their own DAO and proposal ids (same events, same sizes, distinct streams).
  const template = encodeJson(daoHistory(0, shape, base));
  for (let i = 0; appended + pendingEvents < target; i++) {
    const text = template.replaceAll(daoIdOf(0), daoIdOf(i)).replaceAll(proposalPrefixOf(0), proposalPrefixOf(i));
    const writes = reviveBigints(JSON.parse(text)) as StreamWrite[];
    pending.push(...writes);
    pendingEvents += writes.reduce((n, w) => n + w.events.length, 0);
    if (pendingEvents >= 5_000) await flush();
  }
  await flush();
  return appended;
};
