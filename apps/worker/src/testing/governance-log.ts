import { randomUUID } from 'node:crypto';
import {
  castVote,
  daoDecider,
  streams,
  submitProposal,
  type Address,
  type DaoCommand,
  type DaoConfigurationInput,
  toChecksumAddress,
  type VoteChoice,
} from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';

/**
 * Appends governance history the way the API and the chain indexer do (domain use cases through
 * the store's command path), with the domain's `now` chosen by the test: a proposal submitted
 * "three days ago" has a deadline that has already passed. For integration and e2e specs only.
 */
export const governanceLog = (store: PostgresEventStore) => {
  const context = (actor: string, now: string) => ({ actor, correlationId: randomUUID(), occurredAt: now });
  const daoCommand = (daoId: string, command: DaoCommand) =>
    store.handle({ dao: streams.dao.of(daoId) }, ({ dao }) => ({ dao: daoDecider.decide(command, dao) }), {
      context: context(command.metadata.actor, command.metadata.now),
    });
  const governance = (daoId: string, proposalId: string) => ({
    dao: streams.dao.of(daoId),
    proposal: streams.proposal.of(proposalId),
  });

  return {
    createDao: async (input: Partial<DaoConfigurationInput> & { founders: readonly Address[] }, now: string) => {
      const daoId = `dao_${randomUUID().replace(/-/g, '').slice(0, 28)}`;
      await daoCommand(daoId, {
        type: 'CreateDao',
        data: { name: 'Test DAO', ...input, daoId },
        metadata: { now, actor: 'admin:test' },
      });
      return daoId;
    },
    requestToJoin: (daoId: string, member: Address, now: string) =>
      daoCommand(daoId, { type: 'RequestToJoin', data: { member }, metadata: { now, actor: member } }),
    suspend: (daoId: string, member: Address, reason: string, now: string) =>
      daoCommand(daoId, { type: 'SuspendMember', data: { member, reason }, metadata: { now, actor: 'admin:test' } }),
    deposit: (daoId: string, member: Address, amount: bigint, now: string) =>
      daoCommand(daoId, {
        type: 'ConfirmDeposit',
        data: { member, amount, chainId: 31337, txHash: `0x${randomUUID().replace(/-/g, '').padEnd(64, '0')}`, logIndex: 0 },
        metadata: { now, actor: 'system:indexer' },
      }),
    submitProposal: async (
      daoId: string,
      proposer: Address,
      proposal: { type: string; payload: unknown; description?: string },
      now: string,
    ) => {
      const proposalId = `prop_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
      await store.handle(
        governance(daoId, proposalId),
        ({ dao }) =>
          submitProposal({ type: 'SubmitProposal', data: { proposalId, proposer, ...proposal }, metadata: { now, actor: proposer } }, dao),
        { context: context(proposer, now) },
      );
      return proposalId;
    },
    vote: (daoId: string, proposalId: string, voter: Address, choice: VoteChoice, now: string) =>
      store.handle(
        governance(daoId, proposalId),
        ({ dao, proposal }) =>
          castVote({ type: 'CastVote', data: { proposalId, voter, choice }, metadata: { now, actor: voter } }, proposal, dao),
        { context: context(voter, now) },
      ),
  };
};

/** A distinct checksummed address per index, for specs that need many members. */
export const memberAddress = (index: number): Address =>
  toChecksumAddress(`0x${(index + 1).toString(16).padStart(4, '0')}${'ab12cd34'.repeat(4)}${'00'.repeat(2)}`);

/** An ISO instant `seconds` from `base` (negative: in the past). */
export const isoAt = (seconds: number, base: number = Date.now()): string => new Date(base + seconds * 1000).toISOString();
