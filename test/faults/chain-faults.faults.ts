import { streams } from '@ayllu/domain';
import type { Hex } from 'viem';
import { parseEther } from 'viem';
import pino from 'pino';
import { loadConfig } from '@ayllu/platform';
import { executionChain } from '../../apps/worker/src/execution/execution-chain';
import { startExecution, type RunningExecution } from '../../apps/worker/src/execution/start-execution';
import { createDao, eventsOf, startExecutionWorld, type ExecutionWorld } from '../../apps/worker/test/execution-harness';
import { moneyOf } from '../../apps/worker/test/execution-money';
import { waitFor } from './support/processes';
import { tcpProxy } from './support/tcp-proxy';
import { devChainProfile } from '@ayllu/chain';

const CONFIRMATIONS = 1;

/**
 * The chain node unreachable for a while, then back; and a reorg of blocks not yet buried under the
 * confirmations. The worker reaches the node through a relay the test can cut. Deposits made on chain while
 * the node is out of reach enter the log once it is back, once each; a rewound deposit never enters it.
 */
describe('Chain faults: the node out of reach and a shallow reorg', () => {
  let world: ExecutionWorld;
  let proxy: Awaited<ReturnType<typeof tcpProxy>>;
  let driver: RunningExecution;
  let dao: Awaited<ReturnType<typeof createDao>>;
  let money: ReturnType<typeof moneyOf>;
  const deposits = async (txHash: Hex) =>
    (await eventsOf(world.store, streams.dao.of(dao.daoId).streamId)).filter(
      (e) => e.type === 'DepositConfirmed' && (e.data as { txHash: string }).txHash === txHash,
    );
  const indexRow = async () =>
    (await world.db.pool.query('SELECT halted FROM chain_index WHERE dao_id = $1', [dao.daoId])).rows[0] as { halted: string | null };

  beforeAll(async () => {
    world = await startExecutionWorld();
    const node = new URL(world.devChain.rpcUrl);
    proxy = await tcpProxy({ host: node.hostname, port: Number(node.port) });
    driver = (await startExecution({
      config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent' }),
      pool: world.db.pool,
      databaseUrl: world.db.url,
      store: world.store,
      logger: pino({ level: 'silent' }),
      chain: executionChain({
        rpcUrl: proxy.url(),
        relayerPrivateKey: world.relayerKey,
        profile: devChainProfile(world.devChain),
      }),
      pollMs: 200,
      leaseMs: 2000,
      indexerConfirmations: CONFIRMATIONS,
    }))!;
    dao = await createDao(world);
    money = moneyOf(world, dao.contracts);
  });
  afterAll(async () => {
    await driver?.stop();
    await proxy?.cut();
    await world?.stop();
  });

  it('indexes what happened while the node was out of reach once it is back, once each', async () => {
    const before = await money.deposit(world.founders[0], parseEther('10'));
    await world.clients.test.mine({ blocks: 1 });
    await waitFor('the first deposit', async () => (await deposits(before.transactionHash)).length === 1);

    await proxy.cut();
    const during = await money.deposit(world.founders[1], parseEther('5'));
    await world.clients.test.mine({ blocks: 2 });
    await new Promise((r) => setTimeout(r, 3000));
    expect(await deposits(during.transactionHash)).toHaveLength(0);
    await proxy.restore();
    await waitFor('the deposit made while cut off', async () => (await deposits(during.transactionHash)).length === 1, 60_000);
    await world.clients.test.mine({ blocks: 3 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await deposits(before.transactionHash)).toHaveLength(1);
    expect(await deposits(during.transactionHash)).toHaveLength(1);
    expect((await indexRow()).halted).toBeNull();
    expect(
      (await eventsOf(world.store, streams.treasury.of(dao.daoId).streamId)).filter((e) => e.type === 'DaoContractsDeployed'),
    ).toHaveLength(1);
  });

  it('never records a deposit a reorg removed before it was buried under the confirmations', async () => {
    const snapshot = await world.clients.test.snapshot();
    const rewound = await money.deposit(world.founders[2], parseEther('7'));
    await world.clients.test.revert({ id: snapshot });
    await world.clients.test.mine({ blocks: 4 });
    const after = await money.deposit(world.founders[3], parseEther('3'));
    await world.clients.test.mine({ blocks: 1 });
    await waitFor('the deposit after the reorg', async () => (await deposits(after.transactionHash)).length === 1, 60_000);
    expect(await deposits(rewound.transactionHash)).toHaveLength(0);
    expect((await indexRow()).halted).toBeNull();
  });
});
