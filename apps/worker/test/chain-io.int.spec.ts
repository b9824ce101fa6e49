import { randomUUID } from 'node:crypto';
import { safeProxyFactoryAbi } from '@ayllu/chain';
import { daoDecider, streams, type DaoContracts, type DaoEvent } from '@ayllu/domain';
import { createPublicClient, createWalletClient, custom, http, parseEther, parseEventLogs, type Chain, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../api/src/bootstrap';
import { outboxProjection } from '../src/notifications/outbox/outbox.projection';
import { Receiver } from '../src/notifications/testing/receiver';
import { ChainIndexLoop } from '../src/indexer/chain-index-loop';
import { chainIndexSubscription } from '../src/indexer/chain-index-subscription';
import { runDaoStep } from '../src/execution/deploy-dao-contracts';
import type { ExecutionChain } from '../src/execution/execution-chain';
import type { ExecutionDeps } from '../src/execution/run-proposal-step';
import { LogProcessor } from '../src/processing/log-processor';
import { catchUpReadModels, eventsOf, startExecutionWorld, TIMELOCK_DELAY, waitFor, type ExecutionWorld } from './execution-harness';
import { moneyOf } from './execution-money';
import { gate, logReadsPastNewEvent, openTransactions } from './open-transactions';
import { devChainProfile } from '@ayllu/chain';

jest.setTimeout(180_000);

const ADMIN_KEY = 'chain-io-test-admin-key-0123456789';

/**
 * The worker's own chain client, with a hook on every JSON-RPC request: `before` may hold a request before it
 * reaches the node, `after` may hold its answer after the node acted on it (a worker that dies right there).
 */
function hookedChain(
  world: ExecutionWorld,
  hooks: { before?: (method: string) => Promise<void> | void; after?: (method: string) => Promise<void> | void },
): ExecutionChain {
  const { rpcUrl, chainId } = world.devChain;
  const chain: Chain = {
    id: chainId,
    name: 'test',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  };
  const node = http(rpcUrl)({ chain, retryCount: 0 });
  const transport = custom({
    request: async ({ method, params }: { method: string; params?: unknown }) => {
      await hooks.before?.(method);
      const answer: unknown = await node.request({ method, params } as never);
      await hooks.after?.(method);
      return answer;
    },
  });
  return {
    chainId,
    public: createPublicClient({ chain, transport, pollingInterval: 50 }) as PublicClient,
    relayer: createWalletClient({ chain, transport, account: privateKeyToAccount(world.relayerKey) }),
    profile: devChainProfile(world.devChain),
  };
}

/** Holds the `nth` request of `method` (1-based) until the test opens the gate. */
const holdNth = (method: string, nth: number, held: ReturnType<typeof gate>) => {
  let seen = 0;
  return (m: string) => (m === method && ++seen === nth ? held.wait() : undefined);
};

describe('Chain I/O outside database transactions', () => {
  let world: ExecutionWorld;
  const depsOf = (chain: ExecutionChain): ExecutionDeps => ({
    pool: world.db.pool,
    store: world.store,
    chain,
    now: () => new Date(),
    maxWaitMs: 1000,
  });
  const loose: (() => void)[] = [];

  /** Writes a DaoCreated straight into the log (no API, no driver); `tamper` may change what the domain decided. */
  const appendDao = async (tamper: (configuration: Record<string, unknown>) => void = () => undefined): Promise<string> => {
    const daoId = `dao_${randomUUID().replace(/-/g, '').slice(0, 28)}`;
    const now = new Date().toISOString();
    await world.store.handle(
      { dao: streams.dao.of(daoId) },
      (s) => ({
        dao: daoDecider
          .decide(
            {
              type: 'CreateDao',
              data: {
                daoId,
                name: 'Chain I/O DAO',
                founders: world.founders.map((f) => f.address),
                treasurers: world.treasurers.map((t) => t.address),
                treasurerThreshold: 2,
                timelockDelaySeconds: TIMELOCK_DELAY,
                votingPeriodSeconds: 3600,
              },
              metadata: { actor: 'admin:test', now },
            } as never,
            s.dao,
          )
          .map((event: DaoEvent) => {
            if (event.type !== 'DaoCreated') return event;
            const configuration = { ...event.data.configuration } as Record<string, unknown>;
            tamper(configuration);
            return { ...event, data: { ...event.data, configuration } } as unknown as DaoEvent;
          }),
      }),
      { context: { actor: 'admin:test', correlationId: daoId, occurredAt: now } },
    );
    return daoId;
  };

  const contractsOf = async (daoId: string): Promise<DaoContracts | undefined> =>
    (await eventsOf(world.store, streams.treasury.of(daoId).streamId)).find((e) => e.type === 'DaoContractsDeployed')?.data as
      DaoContracts | undefined;

  const safesCreatedSince = async (fromBlock: bigint) => {
    const logs = await world.clients.public.getLogs({ address: world.devChain.safe.safeProxyFactory, fromBlock, toBlock: 'latest' });
    return parseEventLogs({ abi: safeProxyFactoryAbi, eventName: 'ProxyCreation', logs }).map((l) => l.args.proxy);
  };

  beforeAll(async () => {
    world = await startExecutionWorld();
  });
  afterAll(async () => {
    for (const open of loose) open();
    await world?.stop();
  });

  describe('the deployment step and the chain index poll', () => {
    it('holds no transaction open while the chain deploys, and records the contracts', async () => {
      const daoId = await appendDao();
      const held = gate();
      const step = runDaoStep(depsOf(hookedChain(world, { before: holdNth('eth_sendRawTransaction', 1, held) })), daoId);
      await held.reached;
      try {
        expect(await openTransactions(world.db.pool)).toBe(0);
        expect(await logReadsPastNewEvent(world.store)).toBe(true);
      } finally {
        held.open();
      }
      expect((await step).step).toBe('Deployed');
      expect(await contractsOf(daoId)).toBeDefined();
    });

    it('the chain index poll holds no transaction open while it reads the chain, then appends the facts and moves the cursor', async () => {
      const daoId = await appendDao();
      expect((await runDaoStep(depsOf(hookedChain(world, {})), daoId)).step).toBe('Deployed');
      const contracts = (await contractsOf(daoId))!;
      const subscription = new LogProcessor(world.db.pool, world.store, [chainIndexSubscription(world.devChain.superfluid.gda)]);
      await waitFor('the chain index row', async () => {
        await subscription.catchUp();
        return (await world.db.pool.query('SELECT 1 FROM chain_index WHERE dao_id = $1', [daoId])).rowCount ? true : undefined;
      });
      await moneyOf(world, contracts).deposit(world.founders[0], parseEther('3'));
      const held = gate();
      const errors: unknown[] = [];
      const indexer = new ChainIndexLoop(depsOf(hookedChain(world, { before: holdNth('eth_getLogs', 1, held) })), {
        confirmations: 0n,
        onError: (_dao, error) => errors.push(error),
        onHalt: (_dao, reason) => errors.push(reason),
        onPassError: (error) => errors.push(error),
      });
      const poll = indexer.tick();
      await held.reached;
      try {
        expect(await openTransactions(world.db.pool)).toBe(0);
        expect(await logReadsPastNewEvent(world.store)).toBe(true);
      } finally {
        held.open();
      }
      await poll;
      expect(errors).toEqual([]);
      const deposits = (await eventsOf(world.store, streams.dao.of(daoId).streamId)).filter((e) => e.type === 'DepositConfirmed');
      expect(deposits).toHaveLength(1);
      const { rows } = await world.db.pool.query<{ block: string; lease_owner: string | null }>(
        `SELECT checkpoint->>'blockNumber' AS block, lease_owner FROM chain_index WHERE dao_id = $1`,
        [daoId],
      );
      expect(BigInt(rows[0].block)).toBeGreaterThanOrEqual(await world.clients.public.getBlockNumber());
      expect(rows[0].lease_owner).toBeNull();
      await indexer.stop();
    });

    // A deployment is five transactions: the Safe, the timelock, the module relay, the vault proxy, the Safe's bootstrap.
    it.each([
      [1, 'creating the Safe'],
      [2, 'creating the timelock'],
      [3, 'creating the module relay'],
      [4, 'creating the vault'],
      [5, "sending the Safe's bootstrap"],
    ])(
      'a worker that dies right after sending transaction %i (%s) leaves a claim that runs out; the next one finishes without deploying anything twice',
      async (nth) => {
        const daoId = await appendDao();
        const relayer = privateKeyToAccount(world.relayerKey).address;
        const nonceBefore = await world.clients.public.getTransactionCount({ address: relayer });
        const startBlock = await world.clients.public.getBlockNumber();
        const dead = gate();
        loose.push(dead.open);
        // The transaction reaches the chain, but its sender never hears back (as if killed right after sending).
        // A lease long enough to outlast sending up to five transactions on a loaded machine.
        const dying = runDaoStep(depsOf(hookedChain(world, { after: holdNth('eth_sendRawTransaction', nth, dead) })), daoId, {
          leaseMs: 3_000,
        }).catch(() => undefined);
        await dead.reached;
        expect(await world.clients.public.getTransactionCount({ address: relayer })).toBe(nonceBefore + nth);
        expect((await runDaoStep(depsOf(hookedChain(world, {})), daoId, { leaseMs: 500 })).step).toBe('DeployBusy');
        // Busy until the dead worker's claim runs out, then the next worker finishes the deployment.
        let next = 'DeployBusy';
        for (const deadline = Date.now() + 15_000; next === 'DeployBusy' && Date.now() < deadline;) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          next = (await runDaoStep(depsOf(hookedChain(world, {})), daoId, { leaseMs: 500 })).step;
        }
        expect(next).toBe('Deployed');
        expect(await world.clients.public.getTransactionCount({ address: relayer })).toBe(nonceBefore + 5);
        const created = await safesCreatedSince(startBlock);
        expect(created).toHaveLength(1);
        expect((await contractsOf(daoId))!.safe).toBe(created[0]);
        dead.open();
        await dying;
        expect(await world.clients.public.getTransactionCount({ address: relayer })).toBe(nonceBefore + 5);
      },
    );
  });

  describe('a DAO whose settings the vault refuses', () => {
    const REASON = 'CommunityVaultParameterOutOfBounds("emergencyExitWait")';
    let api: NestFastifyApplication;
    let base: string;
    let receiver: Receiver;
    beforeAll(async () => {
      receiver = await new Receiver().start();
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
      api = await createApiApp({ config, pool: world.db.pool, adminApiKey: ADMIN_KEY });
      await api.listen({ port: 0, host: '127.0.0.1' });
      base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    });
    afterAll(async () => {
      await api?.close();
      await receiver?.stop();
    });

    it('fails once with the reason recorded, shown and told to admins, and deploys nothing again', async () => {
      const relayer = privateKeyToAccount(world.relayerKey).address;
      const daoId = await appendDao((configuration) => {
        configuration.emergencyExitWaitSeconds = 3_000_000;
      });
      // An admin listens for it before the worker gets to the DAO.
      const hook = await fetch(`${base}/v1/daos/${daoId}/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url: receiver.url, events: ['dao.deployment_failed'], format: 'standard' }),
      });
      expect(hook.status).toBe(201);
      const nonceBefore = await world.clients.public.getTransactionCount({ address: relayer });
      const driver = await world.startDriver();
      const failed = await waitFor('DaoDeploymentFailed', async () =>
        (await eventsOf(world.store, streams.treasury.of(daoId).streamId)).find((e) => e.type === 'DaoDeploymentFailed'),
      );
      expect((failed.data as { reason: string }).reason).toBe(REASON);
      // Longer than the stepper's retry delay and many polls: nothing tries again.
      await new Promise((resolve) => setTimeout(resolve, 4000));
      await driver.stop();
      const treasury = await eventsOf(world.store, streams.treasury.of(daoId).streamId);
      expect(treasury.map((e) => e.type)).toEqual(['DaoDeploymentFailed']);
      const { rows } = await world.db.pool.query('SELECT status, attempts FROM chain_calls WHERE dao_id = $1', [daoId]);
      expect(rows).toEqual([{ status: 'failed', attempts: 1 }]);
      expect(await world.clients.public.getTransactionCount({ address: relayer })).toBe(nonceBefore);

      await catchUpReadModels(world);
      const read = (await (await fetch(`${base}/v1/daos/${daoId}`)).json()) as { deployment: unknown };
      expect(read.deployment).toEqual({ status: 'failed', reason: REASON });
      const asOf = async (position: bigint) =>
        ((await (await fetch(`${base}/v1/daos/${daoId}?asOf=${position}`)).json()) as { deployment: unknown }).deployment;
      expect(await asOf(failed.position)).toEqual({ status: 'failed', reason: REASON });
      expect(await asOf(failed.position - 1n)).toEqual({ status: 'pending' });

      const outbox = new LogProcessor(world.db.pool, world.store, [outboxProjection(() => new Date())]);
      const notifications = await waitFor("the admins' notification", async () => {
        await outbox.catchUp();
        const { rows } = await world.db.pool.query<{ type: string; payload: { data: unknown } }>(
          'SELECT type, payload FROM notifications WHERE dao_id = $1',
          [daoId],
        );
        return rows.length > 0 ? rows : undefined;
      });
      expect(notifications.map((n) => n.type)).toEqual(['dao.deployment_failed']);
      expect(notifications[0].payload.data).toEqual({ reason: REASON, failedAt: (failed.data as { failedAt: string }).failedAt });
    });

    it('an amount the vault cannot even take (a minimum deposit above uint256) fails the same way, naming the field', async () => {
      const relayer = privateKeyToAccount(world.relayerKey).address;
      const daoId = await appendDao((configuration) => {
        configuration.minimumDeposit = 2n ** 256n;
      });
      const nonceBefore = await world.clients.public.getTransactionCount({ address: relayer });
      const deps = depsOf(hookedChain(world, {}));
      expect((await runDaoStep(deps, daoId)).step).toBe('DeploymentFailed');
      expect((await runDaoStep(deps, daoId)).step).toBe('DeploymentFailed');
      const treasury = await eventsOf(world.store, streams.treasury.of(daoId).streamId);
      expect(treasury.map((e) => [e.type, (e.data as { reason: string }).reason])).toEqual([
        ['DaoDeploymentFailed', `minimumDeposit ${2n ** 256n} does not fit the vault's uint256`],
      ]);
      expect(await world.clients.public.getTransactionCount({ address: relayer })).toBe(nonceBefore);
    });
  });
});
