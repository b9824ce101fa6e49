import { randomBytes } from 'node:crypto';
import { streams, daoDecider, submitProposal, type DaoEvent, type DaoState, type ProposalEvent } from '@ayllu/domain';
import type { PostgresEventStore, StreamWrite } from '@ayllu/event-store';
import { keccak256, toHex, type Address } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { ACTION_SCHEMAS } from '../../apps/api/src/signatures/signed-actions';
import { ayllu712Domain } from '../../apps/api/src/signatures/typed-data';
import type { HttpCall } from '../harness/http-load';

export const BENCH_CHAIN_ID = 31337;
/** A DAO's member cap when it sets none (DAO_DEFAULTS.maxMembers): the size of the default one-proposal run. */
export const DAO_MAX_MEMBERS = 1_000;

/** Deterministic voter keys (public, bench only): one secp256k1 key per member. */
export const benchAccounts = (label: string, count: number): PrivateKeyAccount[] =>
  Array.from({ length: count }, (_, i) => privateKeyToAccount(keccak256(toHex(`ayllu:bench:${label}:${i}`))));

const hexId = (prefix: string, seed: string) => `${prefix}${keccak256(toHex(seed)).slice(2, 30)}`;

export interface VotingDao {
  readonly daoId: string;
  readonly proposalIds: readonly string[];
}

/**
 * A democratic DAO whose founders are `voters` and `proposals` open proposals, decided by the domain and
 * appended through our store: what `POST /v1/daos` and signed proposals would record, without spending the
 * bench's time on them (the API caps founders at 1,000; a 100,000-member DAO has to be seeded this way).
 */
export const seedVotingDao = async (
  store: PostgresEventStore,
  label: string,
  voters: readonly Address[],
  proposals: number,
): Promise<VotingDao> => {
  const daoId = hexId('dao_', `dao:${label}`);
  const now = new Date().toISOString();
  let dao: DaoState = daoDecider.initialState();
  const daoEvents: DaoEvent[] = [];
  const addDao = (events: readonly DaoEvent[]) => {
    for (const e of events) dao = daoDecider.evolve(dao, e);
    daoEvents.push(...events);
  };
  // A DAO past the default cap of 1,000 (the 100,000-voter proposal of the full run) sets its own maxMembers,
  // up to VAULT_LIMITS.maxMembers, as any DAO may.
  addDao(
    daoDecider.decide(
      {
        type: 'CreateDao',
        data: { daoId, name: `Bench ${label}`, founders: [...voters], maxMembers: Math.max(DAO_MAX_MEMBERS, voters.length) },
        metadata: { now, actor: 'admin:bench' },
      },
      dao,
    ) as DaoEvent[],
  );
  const proposalWrites: StreamWrite[] = [];
  const proposalIds: string[] = [];
  for (let p = 0; p < proposals; p++) {
    const proposalId = hexId('prop_', `prop:${label}:${p}`);
    const proposer = voters[p % voters.length];
    const decided = submitProposal(
      {
        type: 'SubmitProposal',
        data: { proposalId, proposer, type: 'CHANGE_STRATEGY', payload: { strategy: voters[(p + 1) % voters.length] } },
        metadata: { now, actor: proposer },
      },
      dao,
    );
    addDao(decided.dao);
    proposalIds.push(proposalId);
    proposalWrites.push({
      streamId: streams.proposal.of(proposalId).streamId,
      expectedVersion: 'no-stream',
      events: decided.proposal as ProposalEvent[],
    });
  }
  const context = { actor: 'system:bench', correlationId: '00000000-0000-4000-8000-000000000000', occurredAt: now };
  await store.append([{ streamId: streams.dao.of(daoId).streamId, expectedVersion: 'no-stream', events: daoEvents }], context);
  for (let i = 0; i < proposalWrites.length; i += 50) await store.append(proposalWrites.slice(i, i + 50), context);
  return { daoId, proposalIds };
};

const VOTE_TYPES = { Vote: ACTION_SCHEMAS.vote.fields.map((f) => ({ ...f })) };

/** One signed vote, as a wallet signs what `POST /typed-data/vote` issues, and the HTTP call carrying it. */
export const signedVoteCall = async (
  account: PrivateKeyAccount,
  daoId: string,
  proposalId: string,
  support: 'for' | 'against' | 'abstain',
): Promise<HttpCall> => {
  const message = {
    voter: account.address,
    proposalId,
    support,
    reason: 'bench',
    dao: daoId,
    nonce: `0x${randomBytes(32).toString('hex')}`,
    deadline: Math.floor(Date.now() / 1000) + 6 * 3600,
  };
  const signature = await account.signTypedData({
    domain: ayllu712Domain(BENCH_CHAIN_ID),
    types: VOTE_TYPES,
    primaryType: 'Vote',
    message: { ...message, deadline: BigInt(message.deadline) },
  });
  return { method: 'POST', path: `/v1/daos/${daoId}/proposals/${proposalId}/votes`, body: JSON.stringify({ message, signature }) };
};
