import { loadConfig } from '@ayllu/platform';
import { freePort } from '../../../libs/chain/src/local/start-hardhat-node';
import { executionChain } from '../src/execution/execution-chain';
import { startWorker, type RunningWorker } from '../src/worker';
import { startExecutionWorld, type ExecutionWorld } from './execution-harness';
import { devChainProfile } from '@ayllu/chain';

jest.setTimeout(120_000);

describe("The worker's health and metrics", () => {
  let world: ExecutionWorld;
  const workers: RunningWorker[] = [];
  beforeAll(async () => {
    world = await startExecutionWorld();
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await world?.stop();
  });

  const start = async (env: Record<string, string> = {}) => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', ...env });
    const chain = executionChain({
      rpcUrl: world.devChain.rpcUrl,
      relayerPrivateKey: world.relayerKey,
      profile: devChainProfile(world.devChain),
    });
    const worker = await startWorker({ config, pool: world.db.pool, databaseUrl: world.db.url, chain, operationsPort: await freePort() });
    workers.push(worker);
    return worker;
  };

  it('reports the chain and the relayer, degraded when the relayer is below its floor, and serves metrics', async () => {
    const healthy = await start();
    expect(healthy.operationsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${healthy.operationsUrl}/health/live`)).json()).toEqual({ status: 'ok' });
    const health = (await (await fetch(`${healthy.operationsUrl}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({
      status: 'ok',
      database: 'ok',
      chain: { status: 'ok' },
      relayer: { belowMinimum: false, minimum: (10n ** 16n).toString() },
      quarantined: 0,
    });

    const poor = await start({ RELAYER_MIN_BALANCE: (10n ** 30n).toString() });
    const degraded = (await (await fetch(`${poor.operationsUrl}/health`)).json()) as Record<string, unknown>;
    expect(degraded).toMatchObject({ status: 'degraded', relayer: { belowMinimum: true } });

    const metrics = await (await fetch(`${healthy.operationsUrl}/metrics`)).text();
    expect(metrics).toMatch(/^ayllu_relayer_balance_wei\{process="worker"\} [1-9]/m);
    expect(metrics).toMatch(/^ayllu_relayer_nonce\{process="worker"\} \d+$/m);
    expect(metrics).toContain('# TYPE ayllu_chain_errors_total counter');
    expect(metrics).toContain('# TYPE ayllu_processor_lag_events gauge');
    expect((await fetch(`${healthy.operationsUrl}/nowhere`)).status).toBe(404);
  });
});
