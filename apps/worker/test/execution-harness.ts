import { randomUUID } from 'node:crypto';
import { castVote, closeVoting, daoDecider, submitProposal, treasuryStreamId, type DaoContracts, type ProposalState } from '@ayllu/domain';
import { handleStreams, PostgresEventStore, type RecordedEvent } from '@ayllu/event-store';
import { loadConfig } from '@ayllu/platform';
import pino from 'pino';
import { keccak256, toHex, type Address } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { compileContracts } from '../../../libs/chain/src/local/compile-contracts';
import { fundedAccounts } from '../../../test/chain/accounts';
import { startPrivateDevChain, type DevChainContext } from '../../../test/chain/dev-chain';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { executionChain } from '../src/execution/execution-chain';
import { daoFold, proposalFold } from '../src/execution/execution-streams';
import { startExecution, type RunningExecution } from '../src/execution/start-execution';

export const TIMELOCK_DELAY = 3600;
const sys = (now: string) => ({ actor: 'system:test', now });

export interface ExecutionWorld extends DevChainContext {
  readonly db: TestDatabase;
  readonly store: PostgresEventStore;
  readonly treasurers: PrivateKeyAccount[];
  readonly founders: PrivateKeyAccount[];
  readonly relayerKey: `0x${string}`;
  startDriver(env?: { leaseMs?: number; indexerConfirmations?: number }): Promise<RunningExecution>;
  stop(): Promise<void>;
}

/** A private chain with the development contracts, a migrated database of its own, funded accounts. */
export async function startExecutionWorld(): Promise<ExecutionWorld> {
  compileContracts();
  const chain = await startPrivateDevChain();
  const db = await createTestDatabase();
  const store = new PostgresEventStore(db.pool);
  const accounts = await fundedAccounts(chain.clients, 'execution', 7);
  const relayerKey = keccak256(toHex('ayllu:execution:relayer'));
  await chain.clients.test.setBalance({ address: privateKeyToAccount(relayerKey).address, value: 10n ** 22n });
  const running: RunningExecution[] = [];
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
  return {
    ...chain,
    db,
    store,
    treasurers: accounts.slice(0, 3),
    founders: accounts.slice(3, 7),
    relayerKey,
    startDriver: async (env = {}) => {
      const driver = await startExecution({
        config,
        pool: db.pool,
        databaseUrl: db.url,
        store,
        logger: pino({ level: 'silent' }),
        chain: executionChain({
          rpcUrl: chain.devChain.rpcUrl,
          chainId: chain.devChain.chainId,
          relayerPrivateKey: relayerKey,
          shared: chain.devChain,
        }),
        pollMs: 200,
        leaseMs: env.leaseMs ?? 2000,
        indexerConfirmations: env.indexerConfirmations ?? 0,
      });
      running.push(driver!);
      return driver!;
    },
    stop: async () => {
      for (const driver of running) await driver.stop().catch(() => undefined);
      await db.drop();
      await chain.stop();
    },
  };
}

export const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
};

export const eventsOf = (store: PostgresEventStore, streamId: string): Promise<RecordedEvent[]> => store.readStream(streamId);

export async function createDao(
  world: ExecutionWorld,
  configuration: Record<string, unknown> = {},
): Promise<{ daoId: string; contracts: DaoContracts }> {
  const daoId = `dao_${randomUUID().replace(/-/g, '').slice(0, 28)}`;
  const now = new Date().toISOString();
  await handleStreams({
    store: world.store,
    streams: { dao: daoFold(daoId) },
    decide: (s) => ({
      dao: daoDecider.decide(
        {
          type: 'CreateDao',
          data: {
            daoId,
            name: 'Execution test DAO',
            founders: world.founders.map((f) => f.address),
            treasurers: world.treasurers.map((t) => t.address),
            treasurerThreshold: 2,
            timelockDelaySeconds: TIMELOCK_DELAY,
            votingPeriodSeconds: 3600,
            ...configuration,
          },
          metadata: { actor: 'admin:test', now },
        } as never,
        s.dao,
      ),
    }),
    context: { actor: 'admin:test', correlationId: daoId, occurredAt: now },
  });
  const deployed = await waitFor('DaoContractsDeployed', async () =>
    (await eventsOf(world.store, treasuryStreamId(daoId))).find((e) => e.type === 'DaoContractsDeployed'),
  );
  return { daoId, contracts: deployed.data as DaoContracts };
}

/** Submits a proposal, has three founders vote for it and closes the vote: it Succeeded. */
export async function passProposal(world: ExecutionWorld, daoId: string, type: string, payload: unknown): Promise<string> {
  const proposalId = `prop_${randomUUID().replace(/-/g, '').slice(0, 28)}`;
  const streams = { dao: daoFold(daoId), proposal: proposalFold(proposalId) };
  const context = (now: string) => ({ actor: 'system:test', correlationId: proposalId, occurredAt: now });
  const t0 = Date.now();
  const at = (s: number) => new Date(t0 + s * 1000).toISOString();
  const proposer = world.founders[0]!.address;
  await handleStreams({
    store: world.store,
    streams,
    decide: (s) =>
      submitProposal(
        { type: 'SubmitProposal', data: { proposalId, proposer, type, payload }, metadata: { actor: proposer, now: at(0) } },
        s.dao,
      ),
    context: context(at(0)),
  });
  for (const voter of world.founders.slice(0, 3)) {
    await handleStreams({
      store: world.store,
      streams,
      decide: (s) =>
        castVote(
          { type: 'CastVote', data: { proposalId, voter: voter.address, choice: 'for' }, metadata: { actor: voter.address, now: at(1) } },
          s.proposal,
          s.dao,
        ),
      context: context(at(1)),
    });
  }
  await handleStreams({
    store: world.store,
    streams,
    decide: (s) =>
      (s.proposal as ProposalState).status === 'Active'
        ? closeVoting({ type: 'CloseVoting', data: { proposalId }, metadata: sys(at(3601)) }, s.proposal)
        : {},
    context: context(at(3601)),
  });
  const state = (await eventsOf(world.store, `proposal-${proposalId}`)).reduce(
    (s, e) => proposalFold(proposalId).evolve(s, e as never),
    proposalFold(proposalId).initialState(),
  ) as ProposalState;
  const { status } = state as { status: string };
  if (status !== 'Succeeded' && status !== 'Queued') throw new Error(`The proposal did not pass: ${status}`);
  return proposalId;
}

export const asAddress = (value: string) => value as Address;
