import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { safeAbi, timelockAbi } from '@ayllu/chain';
import { streams, type DaoContracts } from '@ayllu/domain';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseEther, parseEventLogs } from 'viem';
import { communityVaultAbi } from '../../../contracts/abi/community-vault';
import { createApiApp } from '../../api/src/bootstrap';
import type { CrashPoint } from '../src/execution/crash-point';
import { createDao, eventsOf, passProposal, startExecutionWorld, TIMELOCK_DELAY, type ExecutionWorld } from './execution-harness';
import { moneyOf } from './execution-money';
import { treasurersOf, type SafeTransactionListItem } from './execution-treasurers';

jest.setTimeout(300_000);

const ROOT = join(__dirname, '..', '..', '..');
const POINTS: CrashPoint[] = ['after-propose', 'after-safe-send', 'after-safe-record', 'after-timelock-send'];
/** What the log and the call ledger say at the moment of each death: proof it died where it was told to. */
const AT_DEATH: Record<CrashPoint, { lastFact: string; unconfirmedCalls: string[] }> = {
  'after-propose': { lastFact: 'SafeTransactionProposed', unconfirmedCalls: [] },
  'after-safe-send': { lastFact: 'SafeTransactionProposed', unconfirmedCalls: ['safe-exec:sent'] },
  'after-safe-record': { lastFact: 'TimelockOperationScheduled', unconfirmedCalls: [] },
  'after-timelock-send': { lastFact: 'TimelockOperationScheduled', unconfirmedCalls: ['timelock-exec:sent'] },
};

/**
 * A worker process dies (SIGKILL, at its own hand) at each step boundary of the execution workflow; a fresh
 * worker then finishes the proposal. The chain's own logs must show one Safe execution and one timelock
 * execution per proposal, and the log every step exactly once.
 */
describe('Execution survives a worker killed at each step boundary', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let dao: { daoId: string; contracts: DaoContracts };
  let treasurers: ReturnType<typeof treasurersOf>;

  const crashingWorker = (point: CrashPoint): { child: ChildProcess; exited: Promise<NodeJS.Signals | number | null> } => {
    const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/worker/test/execution-crash-worker.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        AYLLU_EXECUTION_CRASH_AT: point,
        AYLLU_CRASH_WORKER: JSON.stringify({ databaseUrl: world.db.url, relayerKey: world.relayerKey, devChain: world.devChain }),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
    return { child, exited };
  };

  /** Does what people do for a proposal (treasurers sign, time passes the timelock) until `done` says stop. */
  const advance = async (proposalId: string, done: () => Promise<boolean>) => {
    const signed = new Set<string>();
    let timeMoved = false;
    while (!(await done())) {
      const awaiting = await treasurers.get<{ items: SafeTransactionListItem[] }>(
        `/v1/daos/${dao.daoId}/safe-transactions?status=awaiting-signatures`,
      );
      for (const tx of awaiting.items) {
        if (tx.proposalId !== proposalId || signed.has(tx.safeTxHash)) continue;
        signed.add(tx.safeTxHash);
        for (const t of [world.treasurers[0], world.treasurers[2]]) expect((await treasurers.sign(t, tx.safeTxHash)).status).toBe(200);
      }
      const events = await eventsOf(world.store, streams.proposal.of(proposalId).streamId);
      if (!timeMoved && events.some((e) => e.type === 'ProposalScheduled')) {
        timeMoved = true;
        await world.clients.test.increaseTime({ seconds: TIMELOCK_DELAY + 1 });
        await world.clients.test.mine({ blocks: 1 });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  /** Where the workflow stood when the worker died: the proposal's last treasury fact and its keyed calls. */
  const boundary = async (proposalId: string) => {
    const treasury = (await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).filter(
      (e) => (e.data as { proposalId?: string }).proposalId === proposalId,
    );
    const { rows } = await world.db.pool.query<{ kind: string; status: string }>(
      `SELECT kind, status FROM chain_calls WHERE dao_id = $1 AND kind <> 'deploy' AND status <> 'confirmed' ORDER BY kind`,
      [dao.daoId],
    );
    return { lastFact: treasury.at(-1)?.type, unconfirmedCalls: rows.map((r) => `${r.kind}:${r.status}`) };
  };

  beforeAll(async () => {
    world = await startExecutionWorld();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: 'execution-test-admin-key-0123456789' });
    await api.listen({ port: 0, host: '127.0.0.1' });
    const base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    const deployer = await world.startDriver();
    dao = await createDao(world);
    await deployer.stop();
    treasurers = treasurersOf(world, base, dao);
    const money = moneyOf(world, dao.contracts);
    for (const founder of world.founders) await money.deposit(founder, parseEther('10'));
  });

  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  describe.each(POINTS.map((point, i) => [point, i] as const))('killed %s', (point, i) => {
    let proposalId: string;
    const member = () => world.founders[i].address;

    beforeAll(async () => {
      proposalId = await passProposal(world, dao.daoId, 'WITHDRAW_FUNDS', { recipient: member(), amount: parseEther(String(i + 1)) });
      const crashing = crashingWorker(point);
      let dead = false;
      void crashing.exited.then(() => (dead = true));
      await advance(proposalId, () => Promise.resolve(dead));
      expect(await crashing.exited).toBe('SIGKILL');
      expect(await boundary(proposalId)).toEqual(AT_DEATH[point]);
      const survivor = await world.startDriver();
      await advance(proposalId, async () =>
        (await eventsOf(world.store, streams.proposal.of(proposalId).streamId)).some(
          (e) => e.type === 'ProposalExecuted' || e.type === 'ProposalExecutionFailed',
        ),
      );
      await survivor.stop();
    });

    it('the proposal is executed and its effect is on chain', async () => {
      const events = await eventsOf(world.store, streams.proposal.of(proposalId).streamId);
      expect(events.filter((e) => e.type === 'ProposalExecuted')).toHaveLength(1);
      expect(events.some((e) => e.type === 'ProposalExecutionFailed')).toBe(false);
      const approved = await world.clients.public.readContract({
        address: dao.contracts.vault,
        abi: communityVaultAbi,
        functionName: 'approvedWithdrawalOf',
        args: [member()],
      });
      expect(approved).toBe(parseEther(String(i + 1)));
    });

    it('the chain ran its Safe transaction once and its timelock operation once', async () => {
      const treasury = (await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).filter(
        (e) => (e.data as { proposalId?: string }).proposalId === proposalId,
      );
      const proposed = treasury.filter((e) => e.type === 'SafeTransactionProposed');
      expect(proposed).toHaveLength(1);
      const { safeTxHash, operationId } = proposed[0].data as { safeTxHash: string; operationId: string };
      const logs = await world.clients.public.getLogs({ fromBlock: dao.contracts.fromBlock, toBlock: 'latest' });
      const safeRuns = parseEventLogs({ abi: safeAbi, eventName: ['ExecutionSuccess', 'ExecutionFailure'], logs }).filter(
        (l) => l.args.txHash === safeTxHash,
      );
      expect(safeRuns).toHaveLength(1);
      expect(safeRuns[0].eventName).toBe('ExecutionSuccess');
      const timelock = parseEventLogs({ abi: timelockAbi, eventName: ['CallScheduled', 'CallExecuted'], logs }).filter(
        (l) => l.args.id === operationId,
      );
      expect(new Set(timelock.filter((l) => l.eventName === 'CallScheduled').map((l) => l.transactionHash)).size).toBe(1);
      expect(new Set(timelock.filter((l) => l.eventName === 'CallExecuted').map((l) => l.transactionHash)).size).toBe(1);
    });

    it('the log has every step exactly once', async () => {
      const treasury = (await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).filter(
        (e) => (e.data as { proposalId?: string }).proposalId === proposalId,
      );
      expect(treasury.map((e) => e.type)).toEqual([
        'SafeTransactionProposed',
        'SafeTransactionExecuted',
        'TimelockOperationScheduled',
        'TimelockOperationExecuted',
      ]);
      const steps = (await eventsOf(world.store, streams.proposal.of(proposalId).streamId))
        .map((e) => e.type)
        .filter((t) => t.startsWith('Proposal'));
      expect(steps.slice(-3)).toEqual(['ProposalQueued', 'ProposalScheduled', 'ProposalExecuted']);
    });
  });
});
