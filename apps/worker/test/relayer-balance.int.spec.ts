import { relayerStreamId, streams } from '@ayllu/domain';
import { PostgresEventStore } from '@ayllu/event-store';
import { loadConfig } from '@ayllu/platform';
import { createTestClient, http, keccak256, parseEther, toHex, zeroAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { freePort, startHardhatNode, type HardhatNode } from '../../../libs/chain/src/local/start-hardhat-node';
import type { NetworkProfile } from '@ayllu/chain';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { executionChain } from '../src/execution/execution-chain';
import { outboxProjection } from '../src/notifications/outbox/outbox.projection';
import { checkRelayerBalance } from '../src/operations/relayer-balance-watch';
import { LogProcessor } from '../src/processing/log-processor';
import { startWorker } from '../src/worker';

jest.setTimeout(120_000);

const FLOOR = parseEther('1');

describe("The relayer's balance against its floor", () => {
  let node: HardhatNode;
  let db: TestDatabase;
  let store: PostgresEventStore;
  const key = keccak256(toHex('ayllu:relayer-balance'));
  const relayer = privateKeyToAccount(key).address;

  beforeAll(async () => {
    [node, db] = await Promise.all([startHardhatNode(), createTestDatabase()]);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(async () => {
    await db?.drop();
    await node?.stop();
  });

  // No DAO contracts here: the relayer and its balance are all this file looks at.
  const profile = {
    chainId: 31337,
    displayName: 'Hardhat',
    confirmations: 0,
    superfluid: { gda: zeroAddress },
  } as unknown as NetworkProfile;
  const chain = () => executionChain({ rpcUrl: node.rpcUrl, relayerPrivateKey: key, profile });
  const setBalance = (value: bigint) =>
    createTestClient({ mode: 'hardhat', transport: http(node.rpcUrl) }).setBalance({ address: relayer, value });
  const check = () => checkRelayerBalance({ store, chain: chain(), floor: FLOOR, now: () => new Date() });
  const endpoint = async (id: string, daoId: string, status: string, types: string[] | null = null) =>
    db.pool.query(
      `INSERT INTO webhook_endpoints (id, dao_id, url, event_types, format, status, secret_encrypted, created_at, updated_at)
       VALUES ($1, $2, 'https://example.test/hook', $3, 'standard', $4, 'x', now() - interval '1 hour', now())`,
      [id, daoId, types, status],
    );
  const queued = async () =>
    (
      await db.pool.query<{ endpoint_id: string; dao_id: string; type: string; payload: { data: Record<string, unknown> } }>(
        `SELECT endpoint_id, dao_id, type, payload FROM notifications WHERE type LIKE 'relayer.%' ORDER BY type, endpoint_id`,
      )
    ).rows;

  it('records one crossing however many workers notice it, notifies every DAO, and again once when it is restored', async () => {
    await endpoint('ep-a', 'dao-a', 'active');
    await endpoint('ep-b', 'dao-b', 'active', ['relayer.balance_low', 'relayer.balance_restored']);
    await endpoint('ep-c', 'dao-c', 'active', ['proposal.created']);
    await endpoint('ep-d', 'dao-d', 'disabled');
    const streamId = streams.relayer.of(relayerStreamId(31337, relayer)).streamId;
    expect(streamId).toBe(`relayer-31337-${relayer.toLowerCase()}`);

    await setBalance(parseEther('5'));
    expect(await check()).toEqual([]);

    await setBalance(parseEther('0.25'));
    // Two workers noticing the same crossing at once, then the next polls: one event.
    const [first, second] = await Promise.all([check(), check()]);
    expect([...first, ...second].map((e) => e.type)).toEqual(['RelayerBalanceLow']);
    expect(await check()).toEqual([]);
    expect(await check()).toEqual([]);

    await setBalance(parseEther('2'));
    expect((await check()).map((e) => e.type)).toEqual(['RelayerBalanceRestored']);
    expect(await check()).toEqual([]);

    const events = await store.readStream(streamId);
    expect(events.map((e) => e.type)).toEqual(['RelayerBalanceLow', 'RelayerBalanceRestored']);
    expect(events[0].data).toMatchObject({ chainId: 31337, relayer, balance: parseEther('0.25'), floor: FLOOR });
    expect(new Set(events.map((e) => e.metadata.idempotencyKey)).size).toBe(2);

    const log = new LogProcessor(db.pool, store, [outboxProjection(() => new Date())]);
    await log.catchUp();
    const rows = await queued();
    // Every DAO subscribed to the type hears it (not ep-c, subscribed to other types, nor the disabled ep-d).
    expect(rows.map((r) => [r.type, r.endpoint_id, r.dao_id])).toEqual([
      ['relayer.balance_low', 'ep-a', 'dao-a'],
      ['relayer.balance_low', 'ep-b', 'dao-b'],
      ['relayer.balance_restored', 'ep-a', 'dao-a'],
      ['relayer.balance_restored', 'ep-b', 'dao-b'],
    ]);
    const { observedAt, ...data } = rows[0].payload.data;
    expect(data).toEqual({ chainId: 31337, relayer, balance: parseEther('0.25').toString(), floor: FLOOR.toString() });
    expect(Date.parse(String(observedAt))).not.toBeNaN();
    // Processing the same events again adds nothing.
    await log.catchUp();
    expect(await queued()).toHaveLength(4);
  });

  it('is checked by the running worker, which records the crossing and reports it on /health', async () => {
    const streamId = streams.relayer.of(relayerStreamId(31337, relayer)).streamId;
    const before = (await store.readStream(streamId)).length;
    const floor = parseEther('10');
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, LOG_LEVEL: 'silent', RELAYER_MIN_BALANCE: floor.toString() });
    const worker = await startWorker({
      config,
      pool: db.pool,
      databaseUrl: db.url,
      chain: chain(),
      operationsPort: await freePort(),
      relayerBalanceCheckMs: 200,
    });
    try {
      const deadline = Date.now() + 30_000;
      while ((await store.readStream(streamId)).length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const events = await store.readStream(streamId, before);
      expect(events.map((e) => e.type)).toEqual(['RelayerBalanceLow']);
      expect(events[0].data).toMatchObject({ balance: parseEther('2'), floor });
      const health = (await (await fetch(`${worker.operationsUrl}/health`)).json()) as {
        status: string;
        relayer: { belowMinimum: boolean };
      };
      expect(health).toMatchObject({ status: 'degraded', relayer: { belowMinimum: true } });
      // Later checks see the same side of the floor: nothing more.
      await new Promise((r) => setTimeout(r, 600));
      expect(await store.readStream(streamId, before)).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });
});
