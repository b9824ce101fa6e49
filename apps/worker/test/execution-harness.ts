import { randomUUID } from 'node:crypto';
import { streams, castVote, closeVoting, daoDecider, submitProposal, type DaoContracts } from '@ayllu/domain';
import { PostgresEventStore, type RecordedEvent } from '@ayllu/event-store';
import { loadConfig } from '@ayllu/platform';
import pino from 'pino';
import { keccak256, toHex, type Address } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { compileContracts } from '../../../libs/chain/src/local/compile-contracts';
import { fundedAccounts } from '../../../test/chain/accounts';
import { startPrivateDevChain, type DevChainContext } from '../../../test/chain/dev-chain';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { executionChain } from '../src/execution/execution-chain';
import { LogProcessor } from '../src/processing/log-processor';
import { PROJECTIONS } from '../src/projections/projections';
import { startExecution, type RunningExecution } from '../src/execution/start-execution';
import { startJobScheduler, type JobScheduler } from '../src/jobs/job-scheduler';
import { recordClaimOutcome, runPayoutClaim } from '../src/jobs/payout-claim-job';
import { devChainProfile } from '@ayllu/chain';

export const TIMELOCK_DELAY = 3600;
const sys = (now: string) => ({ actor: 'system:test', now });

export interface ExecutionWorld extends DevChainContext {
  readonly db: TestDatabase;
  readonly store: PostgresEventStore;
  readonly treasurers: PrivateKeyAccount[];
  readonly founders: PrivateKeyAccount[];
  readonly relayerKey: `0x${string}`;
  startDriver(env?: { leaseMs?: number; indexerConfirmations?: number }): Promise<RunningExecution>;
  /** The worker's job scheduler, taking payout-claim jobs with the driver's chain (as the worker does). */
  startClaimJobs(driver: RunningExecution, minimumAmount: bigint): Promise<JobScheduler>;
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
  const schedulers: JobScheduler[] = [];
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
          relayerPrivateKey: relayerKey,
          profile: devChainProfile(chain.devChain),
        }),
        pollMs: 200,
        payoutRefreshMs: 1000,
        leaseMs: env.leaseMs ?? 2000,
        indexerConfirmations: env.indexerConfirmations ?? 0,
      });
      running.push(driver!);
      return driver!;
    },
    startClaimJobs: async (driver, minimumAmount) => {
      const jobs = await startJobScheduler({ pool: db.pool, store, clock: () => new Date(), pollingIntervalSeconds: 0.5 });
      schedulers.push(jobs);
      const deps = { pool: db.pool, store, chain: driver.chain, minimumAmount, cache: driver.payouts };
      await jobs.workPayoutClaims(
        (data, jobId) => runPayoutClaim(deps, data, jobId),
        (data, jobId, error) => recordClaimOutcome(db.pool, data, jobId, { status: 'failed', reason: String(error) }),
      );
      return jobs;
    },
    stop: async () => {
      for (const jobs of schedulers) await jobs.stop().catch(() => undefined);
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
  await world.store.handle(
    { dao: streams.dao.of(daoId) },
    (s) => ({
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
    { context: { actor: 'admin:test', correlationId: daoId, occurredAt: now } },
  );
  const deployed = await waitFor('DaoContractsDeployed', async () =>
    (await eventsOf(world.store, streams.treasury.of(daoId).streamId)).find((e) => e.type === 'DaoContractsDeployed'),
  );
  return { daoId, contracts: deployed.data as DaoContracts };
}

/** Submits a proposal, has three founders vote for it and closes the vote: it Succeeded. */
export async function passProposal(world: ExecutionWorld, daoId: string, type: string, payload: unknown): Promise<string> {
  const proposalId = `prop_${randomUUID().replace(/-/g, '').slice(0, 28)}`;
  const refs = { dao: streams.dao.of(daoId), proposal: streams.proposal.of(proposalId) };
  const context = (now: string) => ({ actor: 'system:test', correlationId: proposalId, occurredAt: now });
  const t0 = Date.now();
  const at = (s: number) => new Date(t0 + s * 1000).toISOString();
  const proposer = world.founders[0].address;
  await world.store.handle(
    refs,
    (s) =>
      submitProposal(
        { type: 'SubmitProposal', data: { proposalId, proposer, type, payload }, metadata: { actor: proposer, now: at(0) } },
        s.dao,
      ),
    { context: context(at(0)) },
  );
  for (const voter of world.founders.slice(0, 3)) {
    await world.store.handle(
      refs,
      (s) =>
        castVote(
          { type: 'CastVote', data: { proposalId, voter: voter.address, choice: 'for' }, metadata: { actor: voter.address, now: at(1) } },
          s.proposal,
          s.dao,
        ),
      { context: context(at(1)) },
    );
  }
  await world.store.handle(
    refs,
    (s) =>
      s.proposal.status === 'Active' ? closeVoting({ type: 'CloseVoting', data: { proposalId }, metadata: sys(at(3601)) }, s.proposal) : {},
    { context: context(at(3601)) },
  );
  const { status } = (await world.store.load(refs.proposal)).state;
  if (status !== 'Succeeded' && status !== 'Queued') throw new Error(`The proposal did not pass: ${status}`);
  return proposalId;
}

/**
 * Runs the worker's projections (PROJECTIONS) until every one has applied the whole log as it stood when
 * called, as the worker does on its notifications; a projection's error fails the call. One `catchUp` is
 * not enough: the log is read only below the oldest open transaction's id, so while another transaction
 * is open (the driver's) an event already committed may be held back for a moment.
 */
export async function catchUpReadModels(world: ExecutionWorld): Promise<void> {
  const errors: string[] = [];
  const runner = new LogProcessor(world.db.pool, world.store, PROJECTIONS, {
    onError: (name, error) => errors.push(`${name}: ${error instanceof Error ? error.stack : String(error)}`),
  });
  const { rows } = await world.db.pool.query<{ head: string }>('SELECT coalesce(max(global_position), 0) AS head FROM events');
  await waitFor('the read models to reach the head of the log', async () => {
    await runner.catchUp();
    if (errors.length > 0) throw new Error(`Projections failed to catch up:\n${errors.join('\n')}`);
    const behind = await world.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM unnest($1::text[]) AS p(name)
       LEFT JOIN projection_checkpoints c ON c.name = p.name WHERE coalesce(c.position, 0) < $2`,
      [PROJECTIONS.map((p) => p.name), rows[0].head],
    );
    return behind.rows[0].n === 0 ? true : undefined;
  });
}

/** A proposal's row in `rm_proposals`, after catching the read models up. */
export async function proposalRow(
  world: ExecutionWorld,
  proposalId: string,
): Promise<{ id: string; dao_id: string; type: string; state: string }> {
  await catchUpReadModels(world);
  const { rows } = await world.db.pool.query<{ id: string; dao_id: string; type: string; state: string }>(
    'SELECT id, dao_id, type, state FROM rm_proposals WHERE id = $1',
    [proposalId],
  );
  return rows[0];
}

/** A member's row in `rm_members`, after catching the read models up. */
export async function memberRow(
  world: ExecutionWorld,
  daoId: string,
  member: string,
): Promise<{ address: string; status: string; admitted: boolean; pending_removal: string | null } | undefined> {
  await catchUpReadModels(world);
  const { rows } = await world.db.pool.query<{ address: string; status: string; admitted: boolean; pending_removal: string | null }>(
    'SELECT address, status, admitted, pending_removal FROM rm_members WHERE dao_id = $1 AND lower(address) = lower($2)',
    [daoId, member],
  );
  return rows[0];
}

const projectedRows = async (world: ExecutionWorld): Promise<Record<string, string[]>> => {
  const out: Record<string, string[]> = {};
  for (const table of PROJECTIONS.flatMap((p) => p.tables))
    out[table] = (await world.db.pool.query<{ row: string }>(`SELECT x::text AS row FROM ${table} x ORDER BY 1`)).rows.map((r) => r.row);
  return out;
};
const logHead = async (world: ExecutionWorld): Promise<string> =>
  (await world.db.pool.query<{ head: string }>(`SELECT count(*) || ':' || coalesce(max(global_position), 0) AS head FROM events`)).rows[0]
    .head;

/**
 * Every read-model row as the caught-up projections left it, then as rebuilding each projection from
 * position 0 makes it. The driver may append meanwhile (the indexer); a pair is only returned when the
 * log did not move between the two, so any difference is the projections' own.
 */
export async function readModelsAndRebuild(
  world: ExecutionWorld,
): Promise<{ kept: Record<string, string[]>; rebuilt: Record<string, string[]> }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const head = await logHead(world);
    await catchUpReadModels(world);
    const kept = await projectedRows(world);
    const runner = new LogProcessor(world.db.pool, world.store, PROJECTIONS);
    await runner.rebuild(PROJECTIONS);
    await catchUpReadModels(world);
    const rebuilt = await projectedRows(world);
    if ((await logHead(world)) === head) return { kept, rebuilt };
  }
  throw new Error('The event log kept moving: no quiet moment to compare the read models with a rebuild');
}

export const asAddress = (value: string) => value as Address;
