// A private chain of this file's own: the pools move chain time.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { streams, type DaoContracts } from '@ayllu/domain';
import { getAddress, type Address } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { fundedAccounts } from '../../../test/chain/accounts';
import type { RoscaCrashPoint } from '../src/execution/crash-point';
import { poolEventsOf } from '../src/rotating/rosca-contract';
import { createDao, startExecutionWorld, type ExecutionWorld } from './execution-harness';
import { rotatingPools } from './rotating-harness';

jest.setTimeout(300_000);

const ROOT = join(__dirname, '..', '..', '..');
const POINTS: RoscaCrashPoint[] = [
  'after-rosca-collect-send',
  'after-rosca-collect-confirm',
  'after-rosca-settle-record',
  'after-rosca-settle-send',
];

/**
 * A worker dies (SIGKILL, at its own hand) at each boundary of a round's collection and payout; a fresh worker
 * finishes the round. The contract's own logs must show one collection per member and one settlement for the
 * round, and the log each fact once.
 */
describe('Rotating pools survive a worker killed around a round’s collection and payout', () => {
  let world: ExecutionWorld;
  let contracts: DaoContracts;
  let daoId: string;
  let pools: ReturnType<typeof rotatingPools>;
  let accounts: PrivateKeyAccount[];

  beforeAll(async () => {
    world = await startExecutionWorld();
    const deployer = await world.startDriver();
    ({ daoId, contracts } = await createDao(world));
    await deployer.stop();
    pools = rotatingPools(world, daoId, contracts);
    accounts = await fundedAccounts(world.clients, 'rosca-crash', 3 * POINTS.length);
  });

  afterAll(async () => {
    await world?.stop();
  });

  const crashingWorker = (point: RoscaCrashPoint) => {
    const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/worker/test/execution-crash-worker.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        AYLLU_EXECUTION_CRASH_AT: point,
        AYLLU_CRASH_WORKER: JSON.stringify({ databaseUrl: world.db.url, relayerKey: world.relayerKey, devChain: world.devChain }),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  };

  describe.each(POINTS.map((point, i) => [point, i] as const))('killed %s', (point, i) => {
    let poolId: string;
    let pool: Address;
    const members = () => accounts.slice(3 * i, 3 * i + 3);

    beforeAll(async () => {
      const forming = await world.startDriver();
      poolId = await pools.create({ memberCount: 3 });
      pool = await pools.contractOf(poolId);
      for (const m of members()) await pools.fundAndApprove(m, pool);
      for (const m of members()) await pools.join(poolId, m.address);
      await pools.waitForEvent(poolId, 'RotatingPoolStarted');
      await pools.effectsDone(poolId);
      await forming.stop();
      const state = await pools.state(poolId);
      if (state.status !== 'ACTIVE') throw new Error(state.status);
      const exited = crashingWorker(point);
      await pools.advanceTo(state.round.dueAt);
      expect(await exited).toBe('SIGKILL');
      const survivor = await world.startDriver();
      await pools.waitForEvent(poolId, 'RoundSettled', (d) => d.round === 0);
      await pools.effectsDone(poolId);
      await survivor.stop();
    });

    it('the contract collected from each member once and settled the round once', async () => {
      const logs = await world.clients.public.getLogs({ address: pool, fromBlock: 0n, toBlock: 'latest' });
      const events = poolEventsOf(logs, pool);
      const collected = events.filter((e) => e.eventName === 'ContributionCollected').map((e) => getAddress(e.args.member as string));
      expect(collected.sort()).toEqual(
        members()
          .map((m) => m.address)
          .sort(),
      );
      expect(events.filter((e) => e.eventName === 'RoundSettled')).toHaveLength(1);
    });

    it('the log has each payment, the settlement and its confirmation once, and the books agree with the chain', async () => {
      const events = await world.store.readStream(streams.rosca.of(poolId).streamId);
      const count = (type: string) => events.filter((e) => e.type === type).length;
      expect(count('ContributionPaid')).toBe(3);
      expect(count('RoundSettled')).toBe(1);
      expect(events.filter((e) => e.type === 'RotatingPoolEffectConfirmed' && (e.data as { key: string }).key === 'round-0')).toHaveLength(
        1,
      );
      const books = await pools.books(poolId);
      expect(books.onChain).toBe(books.held);
      const { rows } = await world.db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM chain_calls WHERE key LIKE $1 AND status <> 'confirmed'`,
        [`%${poolId}%`],
      );
      expect(rows[0].n).toBe(0);
    });
  });
});
